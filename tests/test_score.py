"""Score stage: points only from declared tests; missing or contradictory evidence scores 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.load import load_challenge
from grader.models import (
    Category,
    DeclaredTest,
    GradingSetup,
    GradingStatus,
    RunFacts,
    RunResult,
    SandboxKind,
    StagedSubmission,
    SubmissionKind,
    Suite,
    TestOutcome,
    TestStatus,
)
from grader.score import score
from tests.helpers import TINY

TESTS = (
    DeclaredTest("tests/public/test_p.py::test_a", "test_a", 2, Category.CORRECTNESS, hidden=False),
    DeclaredTest("tests/hidden/test_h.py::test_b", "test_b", 3, Category.EDGE_CASES, hidden=True),
    DeclaredTest("tests/hidden/test_h.py::test_c", "test_c", 5, Category.CORRECTNESS, hidden=True),
)
SETUP = GradingSetup(Suite.ALL, seed=0, started_at="2026-01-01T00:00:00+00:00")


@pytest.fixture(scope="module")
def challenge():  # type: ignore[no-untyped-def]
    return load_challenge(TINY)


def staged(refusal: str | None = None) -> StagedSubmission:
    return StagedSubmission(Path("s.py"), SubmissionKind.FILE, Path("/x"), (), refusal=refusal, sha256="ab")


def run(exit_code: int | None, timed_out: bool = False) -> RunResult:
    facts = RunFacts(SandboxKind.DOCKER, True, "sha256:1", exit_code, timed_out, 1.0, "")
    return RunResult(b"<testsuites/>", facts)


def outcome(test: DeclaredTest, status: TestStatus, reason: str = "") -> TestOutcome:
    return TestOutcome(test.id, test.name, status, reason)


def test_points_come_from_passed_declared_tests(challenge) -> None:  # type: ignore[no-untyped-def]
    found = (
        outcome(TESTS[0], TestStatus.PASSED),
        outcome(TESTS[1], TestStatus.FAILED, "wrong"),
        outcome(TESTS[2], TestStatus.PASSED),
    )
    card = score(challenge, TESTS, staged(), run(1), found, SETUP)
    assert card.status is GradingStatus.GRADED
    assert (card.score, card.max_score) == (7, 10)
    assert [(c.category, c.points, c.max_points) for c in card.categories] == [
        (Category.CORRECTNESS, 7, 7),
        (Category.EDGE_CASES, 0, 3),
    ]
    assert card.tests[1].message == "wrong"


def test_a_declared_test_without_a_record_scores_zero_and_says_why(challenge) -> None:  # type: ignore[no-untyped-def]
    card = score(challenge, TESTS, staged(), run(1), (outcome(TESTS[0], TestStatus.PASSED),), SETUP)
    assert card.score == 2
    missing = card.tests[2]
    assert missing.status is TestStatus.NOT_RUN and missing.points == 0
    assert "no result" in missing.message


def test_overall_timeout_is_the_reason_for_missing_records(challenge) -> None:  # type: ignore[no-untyped-def]
    card = score(
        challenge, TESTS, staged(), run(None, timed_out=True), (outcome(TESTS[0], TestStatus.PASSED),), SETUP
    )
    assert "time limit" in card.tests[1].message


def test_records_for_undeclared_tests_never_count(challenge) -> None:  # type: ignore[no-untyped-def]
    extra = TestOutcome("tests/hidden/test_h.py::test_forged", "test_forged", TestStatus.PASSED)
    found = (outcome(TESTS[0], TestStatus.PASSED), extra)
    card = score(challenge, TESTS, staged(), run(1), found, SETUP)
    assert card.score == 2 and len(card.tests) == 3
    assert any("not declared" in f for f in card.flags)


def test_a_test_reported_twice_scores_zero(challenge) -> None:  # type: ignore[no-untyped-def]
    found = (*tuple(outcome(t, TestStatus.PASSED) for t in TESTS), outcome(TESTS[2], TestStatus.PASSED))
    card = score(challenge, TESTS, staged(), run(1), found, SETUP)
    assert card.score == 5
    assert card.tests[2].status is TestStatus.NOT_RUN
    assert any("reported 2 times" in f for f in card.flags)


@pytest.mark.parametrize("exit_code", [1, 2, 3, 5, None])
def test_an_exit_code_that_contradicts_all_passed_voids_the_points(challenge, exit_code) -> None:  # type: ignore[no-untyped-def]
    found = tuple(outcome(t, TestStatus.PASSED) for t in TESTS)
    card = score(challenge, TESTS, staged(), run(exit_code), found, SETUP)
    assert card.score == 0
    assert all(t.status is TestStatus.NOT_RUN for t in card.tests)
    assert any("contradicts" in f for f in card.flags)


def test_exit_code_zero_with_failures_voids_nothing_that_failed(challenge) -> None:  # type: ignore[no-untyped-def]
    found = (
        outcome(TESTS[0], TestStatus.PASSED),
        outcome(TESTS[1], TestStatus.FAILED),
        outcome(TESTS[2], TestStatus.PASSED),
    )
    card = score(challenge, TESTS, staged(), run(0), found, SETUP)
    assert card.score == 0
    assert card.tests[1].status is TestStatus.FAILED


def test_all_passed_with_exit_code_zero_is_full_marks(challenge) -> None:  # type: ignore[no-untyped-def]
    found = tuple(outcome(t, TestStatus.PASSED) for t in TESTS)
    card = score(challenge, TESTS, staged(), run(0), found, SETUP)
    assert card.score == card.max_score == 10 and card.percent == 100.0


def test_refused_submissions_are_ungradable_with_every_test_listed(challenge) -> None:  # type: ignore[no-untyped-def]
    card = score(challenge, TESTS, staged("solution.py does not compile"), None, None, SETUP)
    assert card.status is GradingStatus.UNGRADABLE
    assert card.ungradable_reason == "solution.py does not compile"
    assert card.max_score == 10 and card.score == 0
    assert {t.status for t in card.tests} == {TestStatus.NOT_RUN}


def test_unreadable_results_are_ungradable_and_flagged(challenge) -> None:  # type: ignore[no-untyped-def]
    broken = RunResult(
        None, RunFacts(SandboxKind.DOCKER, True, None, 1, False, 1.0, "", problems=("junit.xml is missing",))
    )
    card = score(challenge, TESTS, staged(), broken, None, SETUP)
    assert card.status is GradingStatus.UNGRADABLE
    assert "junit.xml is missing" in (card.ungradable_reason or "")
    assert card.flags


def test_public_suite_scores_only_public_tests(challenge) -> None:  # type: ignore[no-untyped-def]
    setup = GradingSetup(Suite.PUBLIC, 0, "")
    card = score(challenge, TESTS, staged(), run(0), (outcome(TESTS[0], TestStatus.PASSED),), setup)
    assert [t.name for t in card.tests] == ["test_a"] and card.percent == 100.0


def test_a_harness_failure_makes_the_grading_ungradable_not_a_zero(challenge) -> None:  # type: ignore[no-untyped-def]
    broken = TestOutcome(
        TESTS[1].id, "test_b", TestStatus.NOT_RUN, harness_failure="the zygote did not start a worker"
    )
    found = (outcome(TESTS[0], TestStatus.PASSED), broken, outcome(TESTS[2], TestStatus.FAILED))
    card = score(challenge, TESTS, staged(), run(1), found, SETUP)
    assert card.status is GradingStatus.UNGRADABLE and card.score == 0
    assert "grade it again" in (card.ungradable_reason or "")
    assert any("harness failed" in f for f in card.flags)
