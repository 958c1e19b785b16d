"""The adversarial corpus, graded through the real CLI in real Docker.

Each folder under ``tests/corpus`` is one hostile submission (``submission/``) and the verdict
it must get (``case.toml``): the grading status, the exact score (0, or what the honest part of
the submission earns), and optionally per-test statuses, dropped files, flags, and what each
scorecard view must or must not show. Many cases answer honestly unless their attack works, so
full marks prove the attack was contained. Every case also checks that the grader exited 0,
wrote nothing outside its own temporary folder, left the submission untouched and left no
container behind. Archives that are easier to build than to store are made below.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, TINY, run_grader

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("no_leftover_containers")]
CORPUS = ROOT / "tests" / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.toml").is_file())
CATEGORIES = {"resource-abuse", "result-forgery", "leakage", "escape", "malformed-input"}
REFERENCE = (TINY / "reference.py").read_text()


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    category: str
    challenge: str
    status: str
    score: float
    tests: dict[str, list[str]] = field(default_factory=dict)
    expect: dict[str, Any] = field(default_factory=dict)


def load_case(name: str) -> Case:
    data = tomllib.loads((CORPUS / name / "case.toml").read_text())
    tests = {k: [v] if isinstance(v, str) else list(v) for k, v in data.get("tests", {}).items()}
    case = Case(
        name,
        data["description"],
        data["category"],
        data["challenge"],
        data["status"],
        data["score"],
        tests,
        data.get("expect", {}),
    )
    assert case.category in CATEGORIES, f"{name}: unknown category {case.category}"
    return case


def grade(case: Case, submission: Path, tmp_path: Path, view: str = "reviewer") -> dict[str, Any]:
    """Grade in Docker with the grader's temporary files under tmp_path/tmp; check it cleaned up."""
    scratch = tmp_path / "tmp"
    scratch.mkdir(exist_ok=True)
    fixture = TINY.parent / case.challenge
    challenge = fixture if fixture.is_dir() else case.challenge
    before = _tree_digest(submission)
    proc = run_grader(
        "grade",
        challenge,
        submission,
        "--sandbox",
        "docker",
        "--format",
        "json",
        "--view",
        view,
        env=dict(os.environ, TMPDIR=str(scratch)),
        timeout=300,
    )
    assert proc.returncode == 0, f"the grader itself failed: {proc.stderr}"
    assert not any(scratch.iterdir()), f"left behind: {sorted(p.name for p in scratch.iterdir())}"
    assert _tree_digest(submission) == before, "the submission was modified"
    card: dict[str, Any] = json.loads(proc.stdout)
    return card


def _tree_digest(path: Path) -> str:
    digest = hashlib.sha256()
    for item in sorted(path.rglob("*")) if path.is_dir() else [path]:
        digest.update(str(item.relative_to(path.parent)).encode())
        if item.is_file():
            digest.update(item.read_bytes())
    return digest.hexdigest()


def explain(card: dict[str, Any]) -> str:
    rows = [f"  {t['name']}: {t['status']} {t['message'][:120]!r}" for t in card["tests"]]
    return "\n".join([f"score {card['score']}/{card['max_score']} ({card['status']})", *rows])


def check(case: Case, card: dict[str, Any]) -> None:
    assert card["status"] == case.status, explain(card)
    assert card["score"] == case.score, explain(card)
    statuses = {t["name"]: t["status"] for t in card["tests"]}
    for test, allowed in case.tests.items():
        assert statuses[test] in allowed, f"{test}: {statuses[test]} not in {allowed}\n{explain(card)}"
    dropped = {d["path"] for d in card["dropped_files"]}
    for path in case.expect.get("dropped", []):
        assert path in dropped, f"{path} was not dropped: {sorted(dropped)}"
    for text in case.expect.get("flags", []):
        assert any(text in flag for flag in card["flags"]), f"no flag with {text!r}: {card['flags']}"
    if "ungradable_reason" in case.expect:
        assert case.expect["ungradable_reason"] in (card["ungradable_reason"] or "")


@pytest.mark.parametrize("name", CASES)
def test_corpus_case(name: str, tmp_path: Path) -> None:
    case = load_case(name)
    card = grade(case, CORPUS / name / "submission", tmp_path)
    check(case, card)
    serialized = json.dumps(card)
    for text in case.expect.get("reviewer_view_has", []):
        assert text in serialized
    if case.expect.get("candidate_view_lacks"):
        candidate = json.dumps(grade(case, CORPUS / name / "submission", tmp_path, view="candidate"))
        for text in case.expect["candidate_view_lacks"]:
            assert text not in candidate


def test_the_corpus_is_large_and_covers_every_category() -> None:
    cases = [load_case(name) for name in CASES]
    assert len(cases) >= 40
    assert {c.category for c in cases} == CATEGORIES


def _zip(path: Path, members: dict[str, bytes], modes: dict[str, int] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (modes or {}).get(name, 0o100644) << 16
            archive.writestr(info, data)
    return path


def _tar(path: Path, members: list[tarfile.TarInfo], data: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for info in members:
            payload = data.get(info.name)
            if payload is not None:
                info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload) if payload is not None else None)
    return path


def _member(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    return info


ARCHIVES = {
    "zip_bomb": (
        lambda d: _zip(d / "bomb.zip", {"solution.py": b"#" * (100 * 1024 * 1024)}),
        "ungradable",
        0,
        "larger than",
    ),
    "zip_path_traversal": (
        lambda d: _zip(
            d / "evil.zip", {"solution.py": REFERENCE.encode(), "../../../tmp/grader-escape.py": b"x = 1\n"}
        ),
        "ungradable",
        0,
        "outside the submission",
    ),
    "zip_absolute_path": (
        lambda d: _zip(
            d / "abs.zip", {"solution.py": REFERENCE.encode(), "/etc/cron.d/evil": b"* * * * * root id\n"}
        ),
        "ungradable",
        0,
        "absolute",
    ),
    "tar_path_traversal": (
        lambda d: _tar(
            d / "evil.tar.gz",
            [_member("solution.py"), _member("../escape.py")],
            {"solution.py": REFERENCE.encode(), "../escape.py": b"x = 1\n"},
        ),
        "ungradable",
        0,
        "outside the submission",
    ),
    "tar_links_and_devices": (
        lambda d: _tar(
            d / "links.tar.gz",
            [
                _member("solution.py"),
                _member("helpers.py", tarfile.SYMTYPE, "/etc/passwd"),
                _member("hard.py", tarfile.LNKTYPE, "solution.py"),
                _member("tty.py", tarfile.CHRTYPE),
                _member("pipe.py", tarfile.FIFOTYPE),
            ],
            {"solution.py": REFERENCE.encode()},
        ),
        "graded",
        9,
        "",
    ),
    "zip_symlink_member": (
        lambda d: _zip(
            d / "link.zip",
            {"solution.py": REFERENCE.encode(), "helpers.py": b"/etc/passwd"},
            {"helpers.py": 0o120777},
        ),
        "graded",
        9,
        "",
    ),
    "zip_of_a_wrapper_folder": (
        lambda d: _zip(
            d / "wrapped.zip",
            {
                "my-answer/solution.py": REFERENCE.encode(),
                "my-answer/conftest.py": b"import os\nos._exit(0)\n",
            },
        ),
        "graded",
        9,
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(ARCHIVES))
def test_hostile_archives(name: str, tmp_path: Path) -> None:
    build, status, score, reason = ARCHIVES[name]
    archive = build(tmp_path)
    case = Case(
        name,
        name,
        "malformed-input",
        "tiny",
        status,
        score,
        expect={"ungradable_reason": reason} if reason else {},
    )
    card = grade(case, archive, tmp_path)
    check(case, card)
    assert not Path("/tmp/grader-escape.py").exists()
