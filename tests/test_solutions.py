"""Proof that grading is right, per challenge: independently written correct solutions score
100%, and realistic wrong ones lose points in the rubric categories their mistake belongs to.

Each ``tests/solutions/<challenge-id>/`` holds the solutions and ``expectations.toml``:

    [correct_loops]
    full_marks = true

    [wrong_off_by_one_folds]
    full_marks = false
    loses = ["correctness", "edge_cases"]
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from tests.helpers import CHALLENGES, ROOT, grade_json

SOLUTIONS = ROOT / "tests" / "solutions"


def expectations(challenge_id: str) -> dict[str, dict[str, Any]]:
    return tomllib.loads((SOLUTIONS / challenge_id / "expectations.toml").read_text())


def solution_cases() -> list[tuple[str, str]]:
    return [
        (folder.name, name)
        for folder in sorted(SOLUTIONS.iterdir())
        if (folder / "expectations.toml").is_file()
        for name in expectations(folder.name)
    ]


@pytest.mark.parametrize(
    "challenge_id", sorted(p.name for p in CHALLENGES.iterdir() if (p / "challenge.toml").is_file())
)
def test_every_challenge_has_two_correct_and_two_wrong_alternatives(challenge_id: str) -> None:
    assert (SOLUTIONS / challenge_id / "expectations.toml").is_file(), f"no tests/solutions/{challenge_id}"
    listed = expectations(challenge_id)
    correct = [n for n, e in listed.items() if e["full_marks"]]
    wrong = [n for n, e in listed.items() if not e["full_marks"]]
    assert len(correct) >= 2 and len(wrong) >= 2, (correct, wrong)
    files = {p.stem for p in (SOLUTIONS / challenge_id).glob("*.py")}
    assert files == set(listed), (
        f"listed but missing: {set(listed) - files}; not listed: {files - set(listed)}"
    )
    for name in wrong:
        assert listed[name].get("loses"), f"{name}: say which categories it must lose points in"


@pytest.mark.docker
@pytest.mark.usefixtures("no_leftover_containers")
@pytest.mark.parametrize("challenge_id, name", solution_cases())
def test_alternative_solution_gets_its_expected_grade(challenge_id: str, name: str) -> None:
    expected = expectations(challenge_id)[name]
    card = grade_json(challenge_id, SOLUTIONS / challenge_id / f"{name}.py", "--sandbox", "docker")
    failing = {
        t["name"]: f"{t['status']}: {t['message'][:150]}" for t in card["tests"] if t["status"] != "passed"
    }
    if expected["full_marks"]:
        assert card["score"] == card["max_score"], failing
        return
    assert card["score"] < card["max_score"]
    categories = {c["category"]: c for c in card["categories"]}
    for category in expected["loses"]:
        got = categories[category]
        assert got["points"] < got["max_points"], f"{name} should lose points in {category}: {failing}"
