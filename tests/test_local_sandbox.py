"""The harness through the pipeline with the local sandbox: verdicts, objects, and no leftovers."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader.junit import parse_junit
from grader.models import GradingStatus, SandboxChoice, Scorecard, Suite, TestStatus
from grader.pipeline import GradeRequest, grade
from tests.helpers import ROOT, TINY, TINY_SUBMISSIONS


def grade_local(submission: Path, suite: Suite = Suite.ALL) -> Scorecard:
    return grade(GradeRequest(TINY, submission, suite, SandboxChoice.LOCAL))


def by_name(card: Scorecard) -> dict[str, TestStatus]:
    return {t.name: t.status for t in card.tests}


def test_the_reference_scores_full_marks() -> None:
    card = grade_local(TINY / "reference.py")
    assert card.status is GradingStatus.GRADED
    assert card.score == card.max_score == 9
    assert card.provenance.sandbox is not None and not card.provenance.isolated


def test_the_stub_scores_zero_with_errors() -> None:
    card = grade_local(TINY / "stub.py")
    assert card.score == 0
    assert set(by_name(card).values()) == {TestStatus.ERROR}
    assert all("NotImplementedError" in t.message for t in card.tests)


def test_each_failure_mode_gets_its_own_verdict_and_only_its_test() -> None:
    card = grade_local(TINY_SUBMISSIONS / "mixed.py")
    assert by_name(card) == {
        "test_add": TestStatus.PASSED,
        "test_add_negative": TestStatus.PASSED,
        "test_mean": TestStatus.FAILED,
        "test_mean_empty_raises": TestStatus.ERROR,
        "test_normalize": TestStatus.TIMEOUT,
        "test_normalize_keeps_input": TestStatus.CRASHED,
        "test_counter_object": TestStatus.PASSED,
    }
    assert card.score == 1 + 1 + 1
    timeout = next(t for t in card.tests if t.name == "test_normalize")
    assert timeout.message == "timed out after 2 s"


def test_public_suite(tmp_path: Path) -> None:
    card = grade_local(TINY / "reference.py", Suite.PUBLIC)
    assert [t.name for t in card.tests] == ["test_add"] and card.percent == 100


def test_import_errors_fail_every_test_with_the_reason(tmp_path: Path) -> None:
    source = tmp_path / "solution.py"
    source.write_text("import sklearn\n")
    card = grade_local(source)
    assert card.score == 0
    assert all("'sklearn' is not available in this challenge" in t.message for t in card.tests)


def test_printed_output_is_captured_per_test(tmp_path: Path) -> None:
    source = tmp_path / "solution.py"
    source.write_text(
        (TINY / "reference.py").read_text() + "\nprint('hello from import')\n"
        "def mean(values):\n    print('computing', values)\n    return 0\n"
    )
    card = grade_local(source)
    mean = next(t for t in card.tests if t.name == "test_mean")
    assert mean.status is TestStatus.FAILED
    assert "hello from import" in mean.output and "computing [1, 2, 3, 4]" in mean.output


def test_a_detached_daemon_does_not_outlive_its_test(tmp_path: Path) -> None:
    beacon = tmp_path / "beacon"
    source = tmp_path / "solution.py"
    source.write_text(
        (TINY / "reference.py").read_text()
        + f"""
import os, time
_add = add
def add(a, b):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            while True:
                with open({str(beacon)!r}, "a") as f:
                    f.write("x")
                time.sleep(0.02)
        os._exit(0)
    return _add(a, b)
"""
    )
    card = grade_local(source)
    assert card.score == card.max_score
    time.sleep(0.3)
    size = beacon.stat().st_size
    time.sleep(0.5)
    assert beacon.stat().st_size == size, "a daemon started by the submission is still running"


@pytest.mark.parametrize(
    "body, status",
    [
        ("def mean(values):\n    import os; os._exit(0)\n", TestStatus.CRASHED),
        ("def mean(values):\n    raise SystemExit(0)\n", TestStatus.ERROR),
        ("def mean(values):\n    raise KeyboardInterrupt\n", TestStatus.ERROR),
        ("def mean(values):\n    import time; time.sleep(60)\n", TestStatus.TIMEOUT),
        ("def mean(values):\n    return bytearray(2 * 1024**3)\n", TestStatus.MEMORY_LIMIT),
        ("def mean(values):\n    while True: print('x' * 100000)\n", TestStatus.OUTPUT_LIMIT),
        (
            "class F(float):\n    def __eq__(s, o): return True\ndef mean(values):\n    return F(0)\n",
            TestStatus.ERROR,
        ),
    ],
)
def test_hostile_behaviour_fails_only_the_test_it_happens_in(
    tmp_path: Path, body: str, status: TestStatus
) -> None:
    source = tmp_path / "solution.py"
    source.write_text((TINY / "reference.py").read_text() + "\n" + body)
    found = by_name(grade_local(source))
    assert found["test_mean"] is status
    assert found["test_add"] is TestStatus.PASSED and found["test_counter_object"] is TestStatus.PASSED


def test_the_whole_grading_is_bounded_by_the_challenge_budget(tmp_path: Path) -> None:
    challenge = tmp_path / "tiny"
    shutil.copytree(TINY, challenge)
    toml = challenge / "challenge.toml"
    toml.write_text(toml.read_text().replace("wall_seconds = 60", "wall_seconds = 5"))
    hang = tmp_path / "solution.py"
    hang.write_text("while True:\n    pass\n")
    started = time.monotonic()
    card = grade(GradeRequest(challenge, hang, Suite.ALL, SandboxChoice.LOCAL))
    elapsed = time.monotonic() - started
    found = [t.status for t in card.tests]
    assert found[:2] == [TestStatus.TIMEOUT, TestStatus.TIMEOUT]
    assert TestStatus.NOT_RUN in found and set(found) <= {TestStatus.TIMEOUT, TestStatus.NOT_RUN}
    budget_note = next(t.message for t in card.tests if t.status is TestStatus.NOT_RUN)
    assert "time budget" in budget_note
    assert elapsed < 5 + 10, f"took {elapsed:.1f} s with a 5 s budget"


TIMED = TINY.parent / "timed"


def test_the_reference_fixture_is_an_oracle_and_a_stopwatch() -> None:
    fast = grade(GradeRequest(TIMED, TIMED / "reference.py", Suite.ALL, SandboxChoice.LOCAL))
    assert fast.score == fast.max_score
    slow = grade(
        GradeRequest(TIMED, TINY_SUBMISSIONS.parent / "timed" / "loops.py", Suite.ALL, SandboxChoice.LOCAL)
    )
    assert by_name(slow) == {
        "test_small_example": TestStatus.PASSED,
        "test_matches_the_reference_on_random_inputs": TestStatus.PASSED,
        "test_not_much_slower_than_the_reference": TestStatus.FAILED,
    }
    assert "too slow" in next(t.message for t in slow.tests if t.status is TestStatus.FAILED)


def test_a_broken_reference_is_reported_as_a_challenge_bug(tmp_path: Path) -> None:
    challenge = tmp_path / "timed"
    shutil.copytree(TIMED, challenge)
    (challenge / "reference.py").write_text("def pairwise_sq_dists(A, B):\n    raise RuntimeError('oops')\n")
    card = grade(GradeRequest(challenge, TIMED / "reference.py", Suite.ALL, SandboxChoice.LOCAL))
    oracle = next(t for t in card.tests if t.name == "test_matches_the_reference_on_random_inputs")
    assert oracle.status is TestStatus.ERROR and "challenge bug" in oracle.message


def test_the_runner_runs_the_tests_in_process_for_comparisons(tmp_path: Path) -> None:
    """``runner.py inprocess``: the tests a grading runs, with the solution imported into pytest's
    process; what benchmarks and the Docker comparison test measure a grading against."""
    runner = ROOT / "sandbox" / "harness" / "runner.py"
    outcomes = {}
    for name in ("reference", "stub"):
        junit = tmp_path / f"{name}.xml"
        command = [
            sys.executable,
            "-I",
            "-B",
            str(runner),
            "inprocess",
            str(TINY),
            str(TINY / f"{name}.py"),
            str(junit),
        ]
        proc = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
        outcomes[name] = proc.returncode, {o.status for o in parse_junit(junit.read_bytes())}
    assert outcomes["reference"] == (0, {TestStatus.PASSED})
    assert outcomes["stub"][0] == 1 and TestStatus.PASSED not in outcomes["stub"][1]
