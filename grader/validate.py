"""``grader validate``: is a challenge fit to grade with? For challenge authors and CI.

A challenge passes when:
- every test declares its points and rubric category (collection succeeds);
- the prompt, ``challenge.toml``'s ``functions`` and the stub name every function the tests call;
- the reference scores 100% in the sandbox, three times over, with identical per-test results;
- the stub scores 0.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from grader.errors import ChallengeInvalid
from grader.load import declared_tests, load_challenge
from grader.models import Challenge, SandboxChoice, Scorecard, TestStatus
from grader.pipeline import GradeRequest, grade

FIXTURE_METHODS = frozenset({"rng_fingerprint", "seed_global_rng"})
REFERENCE_RUNS = 3


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class Validation:
    challenge_id: str
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


def validate(
    ref: str | Path, sandbox: SandboxChoice, progress: Callable[[str], None] = lambda _: None
) -> Validation:
    """Run every check on one challenge; a broken challenge is a failed check, not an exception."""
    challenge = load_challenge(ref)
    try:
        tests = declared_tests(challenge)
    except ChallengeInvalid as exc:
        return Validation(challenge.id, (Check("declarations", False, str(exc)),))
    hidden = sum(t.hidden for t in tests)
    checks = [
        Check(
            "declarations",
            True,
            f"{len(tests) - hidden} public and {hidden} hidden tests, all with points and a category",
        )
    ]
    checks.append(_names_check(challenge))
    progress(f"{challenge.id}: grading the reference {REFERENCE_RUNS} times")
    runs = [_grade(challenge, challenge.reference_path, sandbox) for _ in range(REFERENCE_RUNS)]
    checks.append(_reference_check(runs))
    progress(f"{challenge.id}: grading the stub")
    stub = _grade(challenge, challenge.stub_path, sandbox)
    checks.append(
        Check("stub scores 0", stub.score == 0, f"the stub scores {stub.score:g}/{stub.max_score:g}")
    )
    return Validation(challenge.id, tuple(checks))


def _grade(challenge: Challenge, solution: Path, sandbox: SandboxChoice) -> Scorecard:
    return grade(GradeRequest(challenge.root, solution, sandbox=sandbox))


def _reference_check(runs: list[Scorecard]) -> Check:
    first = runs[0]
    failing = [
        f"{t.name} ({t.status.label}: {t.message[:80]})"
        for t in first.tests
        if t.status is not TestStatus.PASSED
    ]
    if failing:
        return Check(
            "reference scores 100%", False, f"{first.percent:.1f}%; not passed: {'; '.join(failing[:5])}"
        )
    outcomes = {tuple((t.id, t.status) for t in card.tests) for card in runs}
    sandbox = first.provenance.sandbox.value if first.provenance.sandbox else "no"
    if len(outcomes) != 1:
        return Check("reference scores 100%", False, f"results differ between {len(runs)} gradings")
    return Check("reference scores 100%", True, f"100% in {len(runs)} identical gradings ({sandbox} sandbox)")


def called_functions(challenge: Challenge) -> set[str]:
    """Names the tests call on the ``candidate`` (and ``reference``) fixtures."""
    names: set[str] = set()
    for path in sorted((challenge.root / "tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in ("candidate", "reference")
                and node.attr not in FIXTURE_METHODS
            ):
                names.add(node.attr)
    return names


def _names_check(challenge: Challenge) -> Check:
    called = called_functions(challenge)
    prompt = challenge.prompt_path.read_text(encoding="utf-8")
    stub = ast.parse(challenge.stub_path.read_text(encoding="utf-8"))
    defined = {n.name for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    problems = []
    for name in sorted(called):
        where = [
            place
            for place, found in (
                ("prompt.md", re.search(rf"\b{re.escape(name)}\b", prompt)),
                ("challenge.toml functions", name in challenge.functions),
                ("stub.py", name in defined),
            )
            if not found
        ]
        if where:
            problems.append(f"{name} is missing from {', '.join(where)}")
    if not called:
        problems.append("the tests never call the candidate")
    detail = "; ".join(problems) or f"the prompt, challenge.toml and stub name {', '.join(sorted(called))}"
    return Check("functions are named", not problems, detail)
