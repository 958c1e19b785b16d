"""End to end through the real CLI and real Docker: what a user of ``grader grade`` gets.

A wrong solution must lose exactly the points of the tests it breaks: which tests those are is
established independently, by running the same test files in plain pytest with the solution
imported in-process, and the sandboxed score must agree.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from grader.image import SANDBOX_RUNTIME
from grader.junit import parse_junit
from grader.models import TestStatus
from tests.conftest import grader_containers
from tests.helpers import CHALLENGES, ROOT, TINY, ctrl_c_as_at_a_terminal, grade_json, run_grader, statuses

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("no_leftover_containers")]
BUNDLED = sorted(p.name for p in CHALLENGES.iterdir() if (p / "challenge.toml").is_file())
PRF = CHALLENGES / "precision-recall-f1"


def docker_grade(challenge: str | Path, submission: Path, *args: str) -> dict[str, Any]:
    return grade_json(challenge, submission, "--sandbox", "docker", *args)


@pytest.mark.parametrize("challenge", BUNDLED)
def test_each_challenge_validates(challenge: str) -> None:
    """``grader validate`` in Docker: the reference scores 100% three times over with identical
    results, the stub scores 0, every test is declared and every called function is named."""
    proc = run_grader("validate", challenge, "--sandbox", "docker")
    assert proc.returncode == 0, proc.stdout
    checks = [line.strip() for line in proc.stdout.splitlines() if line.startswith("       ")]
    assert [c.split(":")[0] for c in checks] == [
        "✓ declarations",
        "✓ functions are named",
        "✓ reference scores 100%",
        "✓ stub scores 0",
    ]
    assert "100% in 3 identical gradings (docker sandbox)" in proc.stdout


@pytest.mark.parametrize("challenge", BUNDLED)
def test_each_stub_scores_zero(challenge: str) -> None:
    card = docker_grade(challenge, CHALLENGES / challenge / "stub.py")
    assert card["status"] == "graded" and card["score"] == 0
    assert {t["status"] for t in card["tests"]} == {"error"}


def plain_pytest_failures(challenge: Path, solution: Path, tmp_path: Path) -> dict[str, str]:
    """Test id -> status when the tests run in plain pytest with ``solution`` imported in-process."""
    junit = tmp_path / "plain.xml"
    runner = ROOT / "sandbox" / "harness" / "runner.py"
    proc = subprocess.run(
        [sys.executable, "-I", "-B", str(runner), "inprocess", str(challenge), str(solution), str(junit)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    # 0: all passed, 1: some failed; anything else means pytest itself did not run the tests.
    assert proc.returncode in (0, 1), proc.stdout[-2000:] + proc.stderr[-2000:]
    return {
        o.id: o.status.value for o in parse_junit(junit.read_bytes()) if o.status is not TestStatus.PASSED
    }


WRONG_F1 = '''
import numpy as np

def precision_recall_f1(y_true, y_pred, positive_label=1):
    """Common mistakes: F1 from P and R (NaN when both are 0), no input validation."""
    t = np.asarray(y_true) == positive_label
    p = np.asarray(y_pred) == positive_label
    tp, fp, fn = np.sum(t & p), np.sum(~t & p), np.sum(t & ~p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)
'''


def test_a_wrong_solution_loses_exactly_the_points_of_the_tests_it_breaks(tmp_path: Path) -> None:
    wrong = tmp_path / "solution.py"
    wrong.write_text(WRONG_F1)
    broken = plain_pytest_failures(PRF, wrong, tmp_path)
    assert broken, "the wrong solution should break some tests"
    card = docker_grade("precision-recall-f1", wrong)
    sandboxed = {t["id"]: t["status"] for t in card["tests"] if t["status"] != "passed"}
    assert set(sandboxed) == set(broken)
    lost = sum(t["max_points"] for t in card["tests"] if t["id"] in broken)
    assert card["score"] == card["max_score"] - lost
    by_category = {c["category"]: c for c in card["categories"]}
    assert by_category["edge_cases"]["points"] < by_category["edge_cases"]["max_points"]


def test_an_infinite_loop_times_out_only_its_tests(tmp_path: Path) -> None:
    looping = tmp_path / "solution.py"
    looping.write_text(
        (PRF / "reference.py")
        .read_text()
        .replace(
            "    y_true = np.asarray(y_true)\n",
            "    if isinstance(positive_label, str):\n        while True:\n            pass\n"
            "    y_true = np.asarray(y_true)\n",
        )
    )
    started = time.monotonic()
    card = docker_grade("precision-recall-f1", looping)
    found = statuses(card)
    assert found.pop("test_string_labels") == "timeout"
    assert set(found.values()) == {"passed"}
    timed_out = next(t for t in card["tests"] if t["name"] == "test_string_labels")
    assert card["score"] == card["max_score"] - timed_out["max_points"]
    assert timed_out["message"] == "timed out after 10 s"
    assert time.monotonic() - started < 60


def test_a_syntax_error_gives_an_ungradable_scorecard(tmp_path: Path) -> None:
    broken = tmp_path / "solution.py"
    broken.write_text("def precision_recall_f1(y_true, y_pred, positive_label=1)\n    return 0\n")
    card = docker_grade("precision-recall-f1", broken)
    assert card["status"] == "ungradable" and card["score"] == 0
    assert (
        "does not compile: SyntaxError" in card["ungradable_reason"]
        and "(line 1)" in card["ungradable_reason"]
    )


def test_the_candidate_view_of_a_real_run_withholds_hidden_failures(tmp_path: Path) -> None:
    wrong = tmp_path / "solution.py"
    wrong.write_text(WRONG_F1)
    card = docker_grade("precision-recall-f1", wrong, "--view", "candidate")
    hidden_failures = [t for t in card["tests"] if t["hidden"] and t["status"] != "passed"]
    assert hidden_failures
    for test in hidden_failures:
        assert test["message"] in ("wrong result", "your code raised an exception")
        assert "details" not in test
    assert "image_id" not in card["provenance"]


def test_an_interrupt_removes_the_container(tmp_path: Path) -> None:
    sleeper = tmp_path / "solution.py"
    sleeper.write_text("import time\n\ndef add(a, b):\n    time.sleep(3600)\n")
    before = set(grader_containers())
    with ctrl_c_as_at_a_terminal():
        process = subprocess.Popen(
            [sys.executable, "-m", "grader", "grade", str(TINY), str(sleeper), "--sandbox", "docker"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    deadline = time.monotonic() + 60
    while not (ours := set(grader_containers()) - before) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert ours, "the grading container never started"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "interrupted" in stderr
    assert not ours & set(grader_containers())


def test_image_build_is_repeatable_and_names_the_image(docker_image: str) -> None:
    proc = run_grader("image", "build", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == docker_image
    shown = run_grader("image", "show")
    assert shown.stdout.startswith(docker_image + " sha256:")


def test_a_docker_scorecard_records_the_image_and_the_runtime_candidates_are_told() -> None:
    card = docker_grade(TINY, TINY / "reference.py")
    assert card["score"] == card["max_score"] > 0
    assert card["provenance"]["sandbox"] == "docker" and card["provenance"]["isolated"] is True
    assert card["provenance"]["image_id"].startswith("sha256:")
    runtime = card["provenance"]["runtime"]
    for name, version in SANDBOX_RUNTIME.items():
        assert runtime[name].startswith(version + "."), (name, runtime[name])


def test_json_for_ci_is_stable_across_runs() -> None:
    first = docker_grade("precision-recall-f1", PRF / "reference.py")
    second = docker_grade("precision-recall-f1", PRF / "reference.py")

    def strip(card: dict[str, Any]) -> str:
        card = dict(
            card,
            provenance={
                k: v for k, v in card["provenance"].items() if k not in ("started_at", "durations_seconds")
            },
        )
        card["tests"] = [{k: v for k, v in t.items() if k != "duration"} for t in card["tests"]]
        return json.dumps(card, sort_keys=True)

    assert strip(first) == strip(second)
