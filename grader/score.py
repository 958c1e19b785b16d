"""Score stage: the declared tests + what the run reported -> a Scorecard.

Points come only from the challenge's declared tests, known before anything ran. A declared
test earns its points only when exactly one record reports it passed; anything else scores 0
with the reason: not run, timed out, memory limit, crashed, no record at all. Evidence that
does not add up never turns into points: records for undeclared tests are ignored, a test
reported twice scores 0, and a pytest exit code that contradicts the XML voids the run.
"""

from __future__ import annotations

from collections import defaultdict

from grader import __version__
from grader.models import (
    Category,
    CategoryScore,
    Challenge,
    DeclaredTest,
    GradingSetup,
    GradingStatus,
    Provenance,
    RunResult,
    Scorecard,
    StagedSubmission,
    Suite,
    TestOutcome,
    TestResult,
    TestStatus,
)

PYTEST_ALL_PASSED, PYTEST_SOME_FAILED = 0, 1


def select_tests(tests: tuple[DeclaredTest, ...], suite: Suite) -> tuple[DeclaredTest, ...]:
    """The declared tests a run of ``suite`` includes."""
    if suite is Suite.ALL:
        return tests
    return tuple(t for t in tests if t.hidden is (suite is Suite.HIDDEN))


def score(
    challenge: Challenge,
    tests: tuple[DeclaredTest, ...],
    staged: StagedSubmission,
    run: RunResult | None,
    outcomes: tuple[TestOutcome, ...] | None,
    setup: GradingSetup,
) -> Scorecard:
    """Score ``outcomes`` (None when unreadable) against the declared ``tests``."""
    tests = select_tests(tests, setup.suite)
    flags = list(staged.flags)

    def ungradable(reason: str, why_not_run: str) -> Scorecard:
        results = [_result(t, TestStatus.NOT_RUN, f"not run: {why_not_run}") for t in tests]
        return _scorecard(
            challenge, tests, results, staged, run, setup, GradingStatus.UNGRADABLE, reason, flags
        )

    if staged.refusal is not None or run is None:
        return ungradable(staged.refusal or "the submission was not run", "the submission cannot be graded")
    if outcomes is None:
        problems = "; ".join(run.facts.problems) or "no readable results"
        flags.append(f"the run produced no usable test results ({problems})")
        return ungradable(f"the run produced no test results ({problems})", "no results")
    broken = next((o.harness_failure for o in outcomes if o.harness_failure), "")
    if broken:
        flags.append(f"the grading harness failed, so no verdict can be trusted: {broken}")
        reason = f"the grading harness failed ({broken}); this is not the submission's fault: grade it again"
        return ungradable(reason, "the grading harness failed")
    results = _match(tests, outcomes, run, flags)
    results = _void_if_inconsistent(results, run, flags)
    return _scorecard(challenge, tests, results, staged, run, setup, GradingStatus.GRADED, None, flags)


def _match(
    tests: tuple[DeclaredTest, ...], outcomes: tuple[TestOutcome, ...], run: RunResult, flags: list[str]
) -> list[TestResult]:
    by_id: dict[str, list[TestOutcome]] = defaultdict(list)
    for outcome in outcomes:
        by_id[outcome.id].append(outcome)
    declared = {t.id for t in tests}
    extra = sorted(set(by_id) - declared)
    if extra:
        flags.append(f"ignored {len(extra)} result(s) for tests that are not declared: {_some(extra)}")
    results = []
    for test in tests:
        records = by_id.get(test.id, [])
        if len(records) > 1:
            flags.append(f"{test.id} was reported {len(records)} times; it scores 0")
            results.append(_result(test, TestStatus.NOT_RUN, "not counted: reported more than once"))
        elif not records:
            results.append(_result(test, TestStatus.NOT_RUN, _missing_reason(run)))
        else:
            results.append(_from_outcome(test, records[0]))
    left = [o.name for o in outcomes if o.stray_processes]
    if left:
        flags.append(
            f"{len(left)} test(s) left processes running after they ended (all killed): {_some(left)}"
        )
    return results


def _some(names: list[str], shown: int = 5) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _missing_reason(run: RunResult) -> str:
    if run.facts.timed_out:
        return "not run: the grading hit its overall time limit"
    return "not run: no result was reported for this test"


def _void_if_inconsistent(results: list[TestResult], run: RunResult, flags: list[str]) -> list[TestResult]:
    """Zero every test when pytest's exit code contradicts the per-test records."""
    code = run.facts.pytest_exit_code
    all_passed = all(r.status is TestStatus.PASSED for r in results)
    consistent = (code == PYTEST_ALL_PASSED and all_passed) or (code == PYTEST_SOME_FAILED and not all_passed)
    if consistent or run.facts.timed_out:
        return results
    flags.append(f"pytest exited with code {code}, which contradicts the test records; no points awarded")
    return [
        _result(_declared_of(r), TestStatus.NOT_RUN, "not counted: the run's results are inconsistent")
        if r.status is TestStatus.PASSED
        else r
        for r in results
    ]


def _declared_of(result: TestResult) -> DeclaredTest:
    return DeclaredTest(result.id, result.name, result.max_points, result.category, result.hidden, result.doc)


def _from_outcome(test: DeclaredTest, outcome: TestOutcome) -> TestResult:
    passed = outcome.status is TestStatus.PASSED
    return TestResult(
        id=test.id,
        name=test.name,
        doc=test.doc,
        category=test.category,
        hidden=test.hidden,
        status=outcome.status,
        points=test.points if passed else 0.0,
        max_points=test.points,
        message=outcome.reason,
        details=outcome.details,
        output=outcome.output,
        duration=outcome.duration,
    )


def _result(test: DeclaredTest, status: TestStatus, message: str) -> TestResult:
    return TestResult(
        id=test.id,
        name=test.name,
        doc=test.doc,
        category=test.category,
        hidden=test.hidden,
        status=status,
        points=0.0,
        max_points=test.points,
        message=message,
    )


def _scorecard(
    challenge: Challenge,
    tests: tuple[DeclaredTest, ...],
    results: list[TestResult],
    staged: StagedSubmission,
    run: RunResult | None,
    setup: GradingSetup,
    status: GradingStatus,
    reason: str | None,
    flags: list[str],
) -> Scorecard:
    if run is not None and run.facts.stray_processes_killed:
        flags.append(f"{run.facts.stray_processes_killed} leftover candidate process(es) were killed")
    notes = list(setup.notes)
    if staged.dropped:
        notes.append(f"{len(staged.dropped)} file(s) in the submission were not used (listed below)")
    return Scorecard(
        challenge_id=challenge.id,
        challenge_title=challenge.title,
        status=status,
        score=sum(r.points for r in results),
        max_score=sum(t.points for t in tests),
        tests=tuple(results),
        categories=_categories(results),
        provenance=_provenance(challenge, staged, run, setup),
        suite=setup.suite,
        ungradable_reason=reason,
        notes=tuple(notes),
        flags=tuple(flags),
        dropped=staged.dropped,
    )


def _categories(results: list[TestResult]) -> tuple[CategoryScore, ...]:
    points: defaultdict[Category, float] = defaultdict(float)
    maximum: defaultdict[Category, float] = defaultdict(float)
    for r in results:
        points[r.category] += r.points
        maximum[r.category] += r.max_points
    return tuple(CategoryScore(c, points[c], maximum[c]) for c in Category if maximum[c])


def _provenance(
    challenge: Challenge, staged: StagedSubmission, run: RunResult | None, setup: GradingSetup
) -> Provenance:
    facts = run.facts if run is not None else None
    return Provenance(
        grader_version=__version__,
        sandbox=facts.sandbox if facts else None,
        isolated=facts.isolated if facts else False,
        image_id=facts.image_id if facts else None,
        image_name=facts.image_name if facts else None,
        challenge_id=challenge.id,
        challenge_version=challenge.version,
        challenge_hash=challenge.content_hash,
        submission_hash=staged.sha256,
        submission_files=staged.files,
        limits=challenge.limits,
        seed=setup.seed,
        started_at=setup.started_at,
        durations=setup.durations,
        runtime=facts.versions if facts else (),
    )
