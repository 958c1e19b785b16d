"""``grader batch`` end to end, in real Docker: a mixed cohort, resuming, interrupting, shards."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import grader_containers
from tests.helpers import FIXTURES, ROOT, TINY, TINY_SUBMISSIONS, ctrl_c_as_at_a_terminal, run_grader

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("no_leftover_containers")]
ENV = dict(os.environ, GRADER_CHALLENGES_PATH=str(FIXTURES / "challenges"))
PRF = ROOT / "challenges" / "precision-recall-f1"
WRONG_F1 = (
    ROOT / "tests" / "solutions" / "precision-recall-f1" / "wrong_f1_from_precision_recall.py"
).read_text()


def cohort(root: Path) -> Path:
    """Candidates with correct, wrong, crashing and refused submissions, and two bad entries."""
    subs = root / "submissions"
    files = {
        "alice/tiny/solution.py": (TINY / "reference.py").read_text(),
        "alice/precision-recall-f1/solution.py": (PRF / "reference.py").read_text(),
        "bob/tiny/solution.py": (TINY_SUBMISSIONS / "mixed.py").read_text(),
        "bob/precision-recall-f1.py": WRONG_F1,
        "carol/tiny/solution.py": "import os\nos._exit(1)\n",
        "carol/precision-recall-f1/solution.py": "def precision_recall_f1(y_true, y_pred\n",
        "dave/tinny/solution.py": (TINY / "reference.py").read_text(),
    }
    for name, text in files.items():
        path = subs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (subs / "erin").mkdir()
    with zipfile.ZipFile(subs / "erin" / "tiny.zip", "w") as archive:
        archive.writestr("solution.py", (TINY / "reference.py").read_text())
        archive.writestr("../../escape.py", "x = 1\n")
    (subs / "frank").mkdir()
    (subs / "frank" / "tiny.py").symlink_to(TINY / "reference.py")
    return subs


def batch(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = run_grader("batch", *args, env=ENV, timeout=900)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def records(out: Path) -> dict[str, dict[str, Any]]:
    return {f"{p.parent.name}/{p.stem}": json.loads(p.read_text()) for p in sorted(out.glob("*/*.json"))}


def test_a_mixed_cohort_becomes_rows_reports_and_exports(tmp_path: Path) -> None:
    subs, out = cohort(tmp_path), tmp_path / "results"
    proc = batch(subs, "--out", out, "--jobs", "2", "--sandbox", "docker", "--html")
    found = records(out)
    statuses = {key: (r["status"], r["score"], r["max_score"]) for key, r in found.items()}
    assert statuses["alice/tiny"] == ("graded", 9, 9)
    assert statuses["alice/precision-recall-f1"][0:2] == ("graded", statuses["alice/precision-recall-f1"][2])
    assert statuses["bob/tiny"] == ("graded", 3, 9)
    assert statuses["bob/precision-recall-f1"][0] == "graded" and statuses["bob/precision-recall-f1"][1] > 0
    assert statuses["carol/tiny"] == ("graded", 0, 9)
    assert statuses["carol/precision-recall-f1"][0] == "ungradable"
    assert statuses["dave/tinny"][0] == "unknown_challenge"
    assert statuses["erin/tiny"][0] == "ungradable" and "outside" in found["erin/tiny"]["ungradable_reason"]
    assert statuses["frank/tiny"][0] == "unreadable"
    assert all(r["provenance"].get("isolated") for r in found.values() if r["status"] == "graded")
    assert (out / "alice" / "tiny.html").read_text().startswith("<!DOCTYPE html>")
    rows = list(csv.DictReader(io.StringIO((out / "grades.csv").read_text())))
    assert len(rows) == len(found) == 9
    summary = json.loads((out / "summary.json").read_text())
    assert summary["statuses"] == {"graded": 5, "ungradable": 2, "unknown_challenge": 1, "unreadable": 1}
    assert (
        (out / "report.html").is_file() and (out / "summary.md").is_file() and (out / "junit.xml").is_file()
    )
    assert len(list((out / "gradescope").glob("*/*/results.json"))) == 9
    assert "9/9 submissions" in proc.stderr


def test_rerunning_skips_what_is_up_to_date_and_regrades_what_changed(tmp_path: Path) -> None:
    subs, out = cohort(tmp_path), tmp_path / "results"
    batch(subs, "--out", out, "--jobs", "2")
    first = records(out)
    started = time.monotonic()
    again = batch(subs, "--out", out, "--jobs", "2")
    assert time.monotonic() - started < 20
    assert again.stderr.count("up to date (") == 7
    assert records(out)["alice/tiny"]["batch"]["recorded_at"] == first["alice/tiny"]["batch"]["recorded_at"]
    (subs / "bob" / "tiny" / "solution.py").write_text((TINY / "reference.py").read_text())
    changed = batch(subs, "--out", out, "--jobs", "2")
    assert "bob/tiny: graded 9/9" in changed.stderr and changed.stderr.count("up to date (") == 6
    forced = batch(subs, "--out", out, "--jobs", "2", "--force")
    assert "up to date (" not in forced.stderr and "0 already up to date" in forced.stderr


def test_fail_under_gates_ci(tmp_path: Path) -> None:
    subs, out = cohort(tmp_path), tmp_path / "results"
    below = batch(subs, "--out", out, "--fail-under", "50", check=False)
    assert below.returncode == 1 and "below 50%" in below.stderr
    only_alice = tmp_path / "alice-only"
    shutil.copytree(subs / "alice", only_alice / "alice")
    assert batch(only_alice, "--out", tmp_path / "r2", "--fail-under", "50").returncode == 0


def test_an_interrupted_batch_keeps_its_results_and_resumes(tmp_path: Path) -> None:
    subs = tmp_path / "slow"
    slow = (TINY / "reference.py").read_text() + "\nimport time\ntime.sleep(0.7)\n"
    for i in range(8):
        (subs / f"c{i}").mkdir(parents=True)
        (subs / f"c{i}" / "solution.py").write_text(slow + f"# {i}\n")
    out = tmp_path / "results"
    before = set(grader_containers())
    with ctrl_c_as_at_a_terminal():
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "grader",
                "batch",
                str(subs),
                "--out",
                str(out),
                "--challenge",
                "tiny",
                "--jobs",
                "2",
            ],
            cwd=ROOT,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    deadline = time.monotonic() + 180
    while len(list(out.glob("*/*.json"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    kept = records(out)
    assert 2 <= len(kept) < 8 and all(r["status"] == "graded" and r["score"] == 9 for r in kept.values())
    assert not list(out.rglob("*.partial"))
    assert not set(grader_containers()) - before
    resumed = batch(subs, "--out", out, "--challenge", "tiny", "--jobs", "2")
    assert resumed.stderr.count("up to date (") == len(kept)
    assert len(records(out)) == 8


def test_shards_split_the_work_and_merge_into_one_report(tmp_path: Path) -> None:
    subs = cohort(tmp_path)
    batch(subs, "--out", tmp_path / "all", "--jobs", "2")
    merged = tmp_path / "merged"
    seen: set[str] = set()
    for k in (1, 2, 3):
        shard = tmp_path / f"shard{k}"
        batch(subs, "--out", shard, "--shard", f"{k}/3", "--jobs", "2")
        keys = set(records(shard))
        assert not keys & seen
        seen |= keys
        for record in shard.glob("*/*.json"):
            (merged / record.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy(record, merged / record.parent.name / record.name)
    assert seen == set(records(tmp_path / "all"))
    report = run_grader("report", merged, "--format", "csv", env=ENV)
    single = (tmp_path / "all" / "grades.csv").read_text()
    assert report.returncode == 0 and sorted(report.stdout.splitlines()) == sorted(single.splitlines())
    for fmt in ("html", "md", "json", "junit"):
        assert run_grader("report", merged, "--format", fmt, env=ENV).returncode == 0
