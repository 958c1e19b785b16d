"""``grader validate``: a good challenge passes every check, a broken one says what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from grader.models import SandboxChoice
from grader.validate import validate
from tests.helpers import TINY


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    target = tmp_path / "tiny"
    shutil.copytree(TINY, target)
    return target


def checks(challenge: Path) -> dict[str, tuple[bool, str]]:
    return {c.name: (c.ok, c.detail) for c in validate(challenge, SandboxChoice.LOCAL).checks}


def test_a_good_challenge_passes_every_check() -> None:
    result = validate(TINY, SandboxChoice.LOCAL)
    assert result.ok, result.checks
    assert [c.name for c in result.checks] == [
        "declarations",
        "functions are named",
        "reference scores 100%",
        "stub scores 0",
    ]


def test_a_function_missing_from_the_prompt_is_named(tiny_copy: Path) -> None:
    prompt = tiny_copy / "prompt.md"
    prompt.write_text(prompt.read_text().replace("`normalize(x)`", "`normalise(x)`"))
    ok, detail = checks(tiny_copy)["functions are named"]
    assert not ok and detail == "normalize is missing from prompt.md"


def test_a_failing_reference_and_a_scoring_stub_fail(tiny_copy: Path) -> None:
    reference = tiny_copy / "reference.py"
    reference.write_text(reference.read_text().replace("return a + b", "return a - b"))
    (tiny_copy / "stub.py").write_text((TINY / "reference.py").read_text())
    found = checks(tiny_copy)
    ok, detail = found["reference scores 100%"]
    assert not ok and "test_add (failed" in detail
    assert found["stub scores 0"] == (False, "the stub scores 9/9")


def test_undeclared_points_stop_validation_early(tiny_copy: Path) -> None:
    public = tiny_copy / "tests" / "public" / "test_public.py"
    public.write_text(public.read_text().replace("@pytest.mark.points(1)\n", ""))
    result = validate(tiny_copy, SandboxChoice.LOCAL)
    assert not result.ok and [c.name for c in result.checks] == ["declarations"]
