"""Render stage: golden scorecards in every format and view, and what each view may show.

Regenerate the goldens on purpose with ``pytest tests/test_render.py --update-goldens``.
"""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from grader.load import load_challenge
from grader.models import (
    Category,
    DeclaredTest,
    Dropped,
    GradingSetup,
    OutputFormat,
    RunFacts,
    RunResult,
    SandboxKind,
    Scorecard,
    StagedFile,
    StagedSubmission,
    SubmissionKind,
    Suite,
    TestOutcome,
    TestStatus,
    View,
)
from grader.render import render
from grader.score import score
from tests.helpers import ROOT, TINY

GOLDENS = ROOT / "tests" / "goldens"
SECRET = "SECRET-HIDDEN-INPUT-4242"
TESTS = (
    DeclaredTest(
        "tests/public/test_p.py::test_add", "test_add", 1, Category.CORRECTNESS, False, "Adds two numbers."
    ),
    DeclaredTest(
        "tests/hidden/test_h.py::test_mean", "test_mean", 2, Category.CORRECTNESS, True, "Averages a list."
    ),
    DeclaredTest(
        "tests/hidden/test_h.py::test_empty", "test_empty", 1, Category.API, True, "Rejects empty input."
    ),
    DeclaredTest(
        "tests/hidden/test_h.py::test_slow", "test_slow", 2, Category.NUMERICAL, True, "Handles big input."
    ),
)
EXTENSIONS = {
    OutputFormat.TEXT: "txt",
    OutputFormat.MD: "md",
    OutputFormat.HTML: "html",
    OutputFormat.JSON: "json",
    OutputFormat.JUNIT: "junit.xml",
}


def sample_card() -> Scorecard:
    challenge = load_challenge(TINY)
    staged = StagedSubmission(
        Path("solution.py"),
        SubmissionKind.FOLDER,
        Path("/staged"),
        (StagedFile("solution.py", 120, "5" * 64),),
        (Dropped("conftest.py", "pytest configuration from a submission is never used"),),
        sha256="a" * 64,
    )
    facts = RunFacts(
        SandboxKind.DOCKER,
        True,
        "sha256:" + "b" * 64,
        1,
        False,
        1.5,
        "2026-01-01T00:00:01+00:00",
        (("numpy", "1.24.2"), ("pytest", "7.2.1"), ("python", "3.11.2")),
    )
    outcomes = (
        TestOutcome(TESTS[0].id, "test_add", TestStatus.PASSED, duration=0.01),
        TestOutcome(
            TESTS[1].id,
            "test_mean",
            TestStatus.FAILED,
            f"assert 10 == 2.5 ({SECRET})",
            f"tests/hidden/test_h.py:9: assert mean({SECRET}) == 2.5",
            f"printed {SECRET}",
            0.02,
        ),
        TestOutcome(
            TESTS[2].id,
            "test_empty",
            TestStatus.ERROR,
            f"raised ZeroDivisionError: {SECRET}",
            "Traceback ...",
            "",
            0.01,
        ),
        TestOutcome(TESTS[3].id, "test_slow", TestStatus.TIMEOUT, "timed out after 2 s", "", "", 2.0),
    )
    setup = GradingSetup(
        Suite.ALL, 7, "2026-01-01T00:00:00+00:00", (("load", 0.1), ("stage", 0.0), ("run", 1.6))
    )
    card = score(challenge, TESTS, staged, RunResult(b"", facts), outcomes, setup)
    provenance = dataclasses.replace(card.provenance, challenge_hash="c" * 64, grader_version="0.0.0-test")
    return dataclasses.replace(
        card, provenance=provenance, flags=("1 leftover candidate process(es) were killed",)
    )


@pytest.mark.parametrize("view", list(View))
@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_golden_scorecards(fmt: OutputFormat, view: View, update_goldens: bool) -> None:
    rendered = render(sample_card(), fmt, view)
    golden = GOLDENS / f"scorecard.{view.value}.{EXTENSIONS[fmt]}"
    if update_goldens:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8"), (
        f"{golden} differs (regenerate with --update-goldens)"
    )


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_the_candidate_view_never_shows_hidden_details(fmt: OutputFormat) -> None:
    assert SECRET not in render(sample_card(), fmt, View.CANDIDATE)
    assert "leftover candidate process" not in render(sample_card(), fmt, View.CANDIDATE)


@pytest.mark.parametrize("fmt", [OutputFormat.TEXT, OutputFormat.HTML, OutputFormat.JSON])
def test_the_reviewer_view_shows_everything(fmt: OutputFormat) -> None:
    rendered = render(sample_card(), fmt, View.REVIEWER)
    assert SECRET in rendered and "leftover candidate process" in rendered


def test_candidate_json_keeps_names_statuses_and_points_with_generic_messages() -> None:
    document = json.loads(render(sample_card(), OutputFormat.JSON, View.CANDIDATE))
    assert document["schema"] == "grader.scorecard/1" and document["view"] == "candidate"
    assert (document["score"], document["max_score"], document["status"]) == (1, 6, "graded")
    by_name = {t["name"]: t for t in document["tests"]}
    assert by_name["test_mean"]["message"] == "wrong result"
    assert by_name["test_empty"]["message"] == "your code raised an exception"
    assert by_name["test_slow"]["message"] == "took longer than 2 s"
    assert "details" not in by_name["test_mean"] and "output" not in by_name["test_mean"]
    assert "flags" not in document and "seed" not in document["provenance"]
    for test in document["tests"]:
        assert {"id", "name", "status", "points", "max_points", "category", "hidden", "message"} <= set(test)


def test_terminal_text_cannot_be_driven_by_candidate_escape_sequences() -> None:
    card = sample_card()
    evil = dataclasses.replace(
        card.tests[0], hidden=False, status=TestStatus.FAILED, message="\x1b[2J\x1b]0;pwned\x07"
    )
    text = render(dataclasses.replace(card, tests=(evil,)), OutputFormat.TEXT, View.REVIEWER)
    assert "\x1b" not in text and "\x07" not in text and "\\x1b[2J" in text


def test_html_and_markdown_escape_candidate_text() -> None:
    card = sample_card()
    evil = dataclasses.replace(
        card.tests[0],
        hidden=False,
        status=TestStatus.FAILED,
        message="<script>alert(1)</script> | col",
        details="<img src=x onerror=alert(1)>",
    )
    card = dataclasses.replace(card, tests=(evil,))
    html = render(card, OutputFormat.HTML, View.REVIEWER)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<img" not in html
    md = render(card, OutputFormat.MD, View.REVIEWER)
    assert "<script>" not in md and "\\| col" in md


def test_junit_export_fails_anything_not_passed() -> None:
    root = ET.fromstring(render(sample_card(), OutputFormat.JUNIT, View.REVIEWER))
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert [child.tag for child in cases["test_add"] if child.tag != "properties"] == []
    assert cases["test_mean"].find("failure") is not None
    assert cases["test_slow"].find("error").get("type") == "timeout"  # type: ignore[union-attr]
    assert {p.get("name"): p.get("value") for p in root.iter("property")}["score"] == "1"


def test_html_is_self_contained() -> None:
    html = render(sample_card(), OutputFormat.HTML, View.REVIEWER)
    for external in ("<script", "<link", "src=", "@import", "url("):
        assert external not in html
