"""Batch grading pieces: finding submissions, shards, source hashes, resume decisions, retries."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from grader import batch
from grader.batch import (
    Batch,
    BatchItem,
    BatchSettings,
    Finished,
    Results,
    RowStatus,
    discover,
    grade_item,
    is_current,
    pack,
    problem_record,
    run_local,
    select_shard,
    source_sha256,
    unpack,
)
from grader.errors import SandboxFailed
from grader.models import SandboxChoice
from tests.helpers import TINY

KNOWN = ["kmeans", "tiny"]


def make(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_a_folder_per_candidate_and_per_challenge(tmp_path: Path) -> None:
    root = make(
        tmp_path / "subs",
        {
            "alice/tiny/solution.py": "x",
            "alice/kmeans.py": "x",
            "bob/kmean/solution.py": "x",
            "bob/notes.txt": "x",
            ".git/config": "x",
            "carol.py": "x",
        },
    )
    items = discover(root, None, lambda: KNOWN)
    found = {(i.candidate, i.challenge): i.problem for i in items}
    assert found[("alice", "tiny")] is None and found[("alice", "kmeans")] is None
    status, reason = found[("bob", "kmean")]  # type: ignore[misc]
    assert status is RowStatus.UNKNOWN_CHALLENGE and "did you mean 'kmeans'?" in reason
    assert found[("bob", "notes.txt")][0] is RowStatus.UNKNOWN_CHALLENGE  # type: ignore[index]
    assert found[("carol", "?")][0] is RowStatus.UNREADABLE  # type: ignore[index]
    assert not any(i.candidate == ".git" for i in items)


def test_one_submission_per_candidate_with_challenge(tmp_path: Path) -> None:
    root = make(
        tmp_path / "subs", {"alice/solution.py": "x", "bob.py": "x", "carol.zip": "x", "dave.txt": "x"}
    )
    (root / "erin.py").symlink_to(root / "bob.py")
    items = {i.candidate: i for i in discover(root, "tiny", lambda: KNOWN)}
    assert set(items) == {"alice", "bob", "carol", "dave.txt", "erin"}
    assert (
        items["alice"].submission.is_dir() and items["bob"].problem is None and items["carol"].problem is None
    )
    assert items["dave.txt"].problem[0] is RowStatus.UNREADABLE  # type: ignore[index]
    assert "symbolic link" in items["erin"].problem[1]  # type: ignore[index]


def test_shards_are_disjoint_and_cover_everything() -> None:
    items = tuple(BatchItem(f"candidate-{i}", "tiny", Path(".")) for i in range(300))
    for count in (1, 2, 3, 5, 7):
        shards = [set(select_shard(items, k, count)) for k in range(1, count + 1)]
        assert set().union(*shards) == set(items)
        assert sum(len(s) for s in shards) == len(items)
        assert all(len(s) > 300 / count / 2 for s in shards)
    grown = (*items, BatchItem("late-comer", "tiny", Path(".")))
    assert set(select_shard(items, 2, 5)) <= set(select_shard(grown, 2, 5))


def test_source_hashes_follow_content_not_links(tmp_path: Path) -> None:
    folder = make(tmp_path / "s", {"solution.py": "a = 1\n", "pkg/util.py": "b = 2\n"})
    first = source_sha256(folder)
    assert source_sha256(folder) == first
    (folder / "pkg" / "util.py").write_text("b = 3\n")
    assert source_sha256(folder) != first
    secret = tmp_path / "secret.txt"
    secret.write_text("one")
    (folder / "link.py").symlink_to(secret)
    with_link = source_sha256(folder)
    secret.write_text("two")
    assert source_sha256(folder) == with_link


def graded_record(source: str = "s1", challenge: str = "c1", image: str = "img") -> dict[str, Any]:
    return {
        "status": "graded",
        "batch": {"source_sha256": source, "image": image},
        "provenance": {"challenge_sha256": challenge},
    }


def test_a_record_is_current_only_for_the_same_source_challenge_and_image() -> None:
    assert is_current(graded_record(), "s1", "c1", "img")
    assert not is_current(graded_record(), "s2", "c1", "img")
    assert not is_current(graded_record(), "s1", "c2", "img")
    assert not is_current(graded_record(), "s1", "c1", "other-image")
    assert not is_current(None, "s1", "c1", "img")
    failed = problem_record(BatchItem("a", "tiny", Path(".")), RowStatus.FAILED, "daemon gone", "s1")
    assert not is_current(failed, "s1", "c1", "img")


def test_records_are_written_atomically_and_listed(tmp_path: Path) -> None:
    results = Results(tmp_path / "out")
    item = BatchItem("al/ice", "tiny", Path("."))
    results.write(item, problem_record(item, RowStatus.UNREADABLE, "nope"))
    assert results.record_path(item) == tmp_path / "out" / "al_ice" / "tiny.json"
    assert [r["status"] for r in results.records()] == ["unreadable"]
    assert not list((tmp_path / "out").rglob("*.partial"))
    (tmp_path / "out" / "al_ice" / "junk.json").write_text("[1, 2]")
    assert len(list(results.records())) == 1


def test_sandbox_failures_cost_retries_not_results(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real_grade = batch.grade

    def flaky(request: Any) -> Any:
        calls.append(1)
        if len(calls) < 3:
            raise SandboxFailed("the Docker daemon restarted")
        return real_grade(request)

    monkeypatch.setattr(batch, "grade", flaky)
    item = BatchItem("alice", "tiny", TINY / "reference.py")
    settings = BatchSettings(sandbox=SandboxChoice.LOCAL)
    record, _ = grade_item(TINY, item, "s1", settings, sleep=lambda _: None)
    assert record["status"] == "graded" and record["score"] == 9 and record["batch"]["attempts"] == 3


def test_a_sandbox_that_never_comes_back_is_a_failed_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_request: Any) -> Any:
        raise SandboxFailed("no daemon")

    monkeypatch.setattr(batch, "grade", broken)
    record, html = grade_item(
        TINY, BatchItem("a", "tiny", TINY / "reference.py"), "s1", BatchSettings(), sleep=lambda _: None
    )
    assert record["status"] == "failed" and "after 4 attempts" in record["ungradable_reason"] and html is None


def test_packing_keeps_links_as_links_and_unpacking_is_contained(tmp_path: Path) -> None:
    folder = make(tmp_path / "s", {"solution.py": "x = 1\n"})
    (folder / "escape.py").symlink_to("/etc/passwd")
    out = unpack(pack(folder), tmp_path / "out")
    assert (out / "solution.py").read_text() == "x = 1\n"
    assert not (out / "escape.py").exists() or os.readlink(out / "escape.py") == "/etc/passwd"
    assert json.dumps(sorted(p.name for p in out.iterdir()))


def test_a_batch_keeps_verdicts_not_scorecards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch process's memory must not grow with the cohort: once a record is written, only
    its verdict stays. Each fake scorecard here holds 1 MB; 40 of them kept would be 40 MB."""
    submission = make(tmp_path / "subs", {"s.py": "x = 1\n"}) / "s.py"
    items = tuple(BatchItem(f"c{i:02}", "tiny", submission) for i in range(40))
    batch_ = Batch(Results(tmp_path / "out"), BatchSettings(jobs=2), "image")
    monkeypatch.setattr(batch_, "triage", lambda item: (None, "source"))
    monkeypatch.setattr(batch_.results, "write", lambda item, record, html=None: None)

    def grade_here(item: BatchItem, source: str) -> tuple[Finished, None]:
        record = problem_record(item, RowStatus.GRADED, "", source) | {"percent": 50.0}
        record["notes"] = ["x" * 1_000_000 + item.key]
        return Finished(item, record, 0.0), None

    monkeypatch.setattr(batch_, "grade_here", grade_here)
    seen: list[str] = []
    tracemalloc.start()
    try:
        outcome = run_local(batch_, items, lambda item: None, lambda done: seen.append(done.item.key))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sorted(seen) == [i.key for i in items]
    assert [v.key for v in outcome.verdicts] == seen and not outcome.failed
    assert len(outcome.below(60)) == 40 and not outcome.below(50)
    assert peak < 12_000_000, f"peak {peak / 1e6:.1f} MB: records outlive their writing"
