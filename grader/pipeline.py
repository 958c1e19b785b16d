"""The grading pipeline, top to bottom: load -> stage -> run -> parse -> score.

The only module that knows the order of the stages. Rendering is left to the caller, since one
scorecard is rendered for several views and formats.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from grader.junit import JUnitError, parse_junit
from grader.load import declared_tests, load_challenge
from grader.models import GradingSetup, RunResult, SandboxChoice, Scorecard, Suite, TestOutcome
from grader.run import RunJob, prepare_run_dir
from grader.sandbox import open_sandbox
from grader.score import score
from grader.stage import stage_submission


@dataclass(frozen=True)
class GradeRequest:
    """What to grade, and how."""

    challenge: str | Path
    submission: Path
    suite: Suite = Suite.ALL
    sandbox: SandboxChoice = SandboxChoice.AUTO
    image: str | None = None
    seed: int = 0
    fail_fast: bool = False


def grade(request: GradeRequest) -> Scorecard:
    """Grade one submission against one challenge."""
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    clock = _Clock()
    challenge = load_challenge(request.challenge)
    tests = declared_tests(challenge)
    sandbox, notes = open_sandbox(request.sandbox, request.image)
    clock.lap("load")
    with closing(sandbox), tempfile.TemporaryDirectory(prefix="grader-run-") as tmp:
        run_dir = Path(tmp)
        prepare_run_dir(run_dir, challenge)
        staged = stage_submission(request.submission, challenge, run_dir / "submission")
        clock.lap("stage")
        job = RunJob(run_dir, challenge, request.suite, request.seed, request.fail_fast)
        run = sandbox.run(job) if staged.gradable else None
        clock.lap("run")
    run, outcomes = _parse(run)
    setup = GradingSetup(request.suite, request.seed, started_at, clock.laps, notes)
    return score(challenge, tests, staged, run, outcomes, setup)


def _parse(run: RunResult | None) -> tuple[RunResult | None, tuple[TestOutcome, ...] | None]:
    if run is None or run.junit_xml is None:
        return run, None
    try:
        return run, parse_junit(run.junit_xml)
    except JUnitError as exc:
        facts = dataclasses.replace(run.facts, problems=(*run.facts.problems, str(exc)))
        return dataclasses.replace(run, facts=facts), None


class _Clock:
    def __init__(self) -> None:
        self._last = time.monotonic()
        self.laps: tuple[tuple[str, float], ...] = ()

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.laps += ((name, round(now - self._last, 3)),)
        self._last = now
