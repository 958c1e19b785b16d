"""Render stage: a Scorecard -> text, Markdown, HTML, JSON or JUnit, for a candidate or a reviewer.

Two views of one grading. ``for_view`` does all the redacting, before any formatting: in the
candidate view a hidden test keeps its name, category, status and points, but its message
becomes a generic one chosen by status (candidate code can echo hidden inputs into exception
messages, so even those are withheld), and its details, captured output and duration are
dropped; integrity flags and most provenance are reviewer-only. The templates (jinja2,
autoescaped, StrictUndefined) and serialisers below then only format what they are given.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from junitparser import Error, Failure, JUnitXml, Properties, Property, TestCase, TestSuite

from grader.models import Limits, OutputFormat, Scorecard, TestResult, TestStatus, View

SCHEMA = "grader.scorecard/1"
TEMPLATES = Path(__file__).resolve().parent / "templates"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def generic_message(status: TestStatus, limits: Limits) -> str:
    """What a candidate is told about a hidden test that ended with ``status``."""
    return {
        TestStatus.PASSED: "",
        TestStatus.FAILED: "wrong result",
        TestStatus.ERROR: "your code raised an exception",
        TestStatus.TIMEOUT: f"took longer than {limits.per_test_seconds:g} s",
        TestStatus.MEMORY_LIMIT: f"used more than {limits.memory_mb} MiB of memory",
        TestStatus.OUTPUT_LIMIT: "printed too much output",
        TestStatus.RESOURCE_LIMIT: "hit a resource limit (processes, open files or disk space)",
        TestStatus.CRASHED: "the process running your code crashed",
        TestStatus.NOT_RUN: "not run",
    }[status]


def for_view(card: Scorecard, view: View) -> Scorecard:
    """The scorecard as ``view`` may see it."""
    if view is View.REVIEWER:
        return dataclasses.replace(card, view=view)
    limits = card.provenance.limits
    tests = tuple(_redacted(t, limits) if t.hidden else t for t in card.tests)
    return dataclasses.replace(card, view=view, tests=tests, flags=())


def _redacted(test: TestResult, limits: Limits) -> TestResult:
    message = test.message if test.status is TestStatus.NOT_RUN and test.message.startswith("not ") else ""
    return dataclasses.replace(
        test, message=message or generic_message(test.status, limits), details="", output="", duration=None
    )


def render(card: Scorecard, fmt: OutputFormat, view: View, color: bool = False) -> str:
    """The scorecard, redacted for ``view``, in format ``fmt``."""
    card = for_view(card, view)
    if fmt is OutputFormat.JSON:
        return json.dumps(to_json(card), indent=2, ensure_ascii=False) + "\n"
    if fmt is OutputFormat.JUNIT:
        return to_junit(card)
    template = {
        OutputFormat.TEXT: "scorecard.txt.j2",
        OutputFormat.MD: "scorecard.md.j2",
        OutputFormat.HTML: "scorecard.html.j2",
    }[fmt]
    return _environment(color).get_template(template).render(card=card, View=View, TestStatus=TestStatus)


def to_json(card: Scorecard) -> dict[str, Any]:
    """The documented JSON form (schema ``grader.scorecard/1``) of an already-redacted card."""
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "view": card.view.value,
        "challenge": {"id": card.challenge_id, "title": card.challenge_title},
        "status": card.status.value,
        "ungradable_reason": card.ungradable_reason,
        "score": number(card.score),
        "max_score": number(card.max_score),
        "percent": round(card.percent, 2),
        "suite": card.suite.value,
        "categories": [
            {"category": c.category.value, "points": number(c.points), "max_points": number(c.max_points)}
            for c in card.categories
        ],
        "tests": [_test_json(t, card.view) for t in card.tests],
        "notes": list(card.notes),
        "dropped_files": [{"path": d.path, "reason": d.reason} for d in card.dropped],
        "provenance": _provenance_json(card),
    }
    if card.view is View.REVIEWER:
        document["flags"] = list(card.flags)
    return document


def _test_json(test: TestResult, view: View) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": test.id,
        "name": test.name,
        "description": test.doc,
        "status": test.status.value,
        "points": number(test.points),
        "max_points": number(test.max_points),
        "category": test.category.value,
        "hidden": test.hidden,
        "message": test.message,
    }
    if view is View.REVIEWER or not test.hidden:
        entry.update(details=test.details, output=test.output, duration=test.duration)
    return entry


def _provenance_json(card: Scorecard) -> dict[str, Any]:
    p = card.provenance
    public = {
        "grader_version": p.grader_version,
        "challenge_id": p.challenge_id,
        "challenge_version": p.challenge_version,
        "submission_sha256": p.submission_hash,
        "sandbox": p.sandbox.value if p.sandbox else None,
        "isolated": p.isolated,
    }
    if card.view is View.CANDIDATE:
        return public
    return public | {
        "image": p.image_name,
        "image_id": p.image_id,
        "challenge_sha256": p.challenge_hash,
        "submission_files": [
            {"path": f.path, "size": f.size, "sha256": f.sha256} for f in p.submission_files
        ],
        "limits": dataclasses.asdict(p.limits),
        "seed": p.seed,
        "started_at": p.started_at,
        "durations_seconds": dict(p.durations),
        "runtime": dict(p.runtime),
    }


def to_junit(card: Scorecard) -> str:
    """A JUnit XML report of an already-redacted card: anything not passed is a failure or error."""
    suite = TestSuite(f"grader.{card.challenge_id}")
    for key, value in (
        ("status", card.status.value),
        ("score", format_points(card.score)),
        ("max_score", format_points(card.max_score)),
        ("ungradable_reason", card.ungradable_reason or ""),
    ):
        suite.add_property(key, value)
    for test in card.tests:
        case = TestCase(
            test.name,
            classname=f"{card.challenge_id}.{'hidden' if test.hidden else 'public'}",
            time=test.duration or 0.0,
        )
        message = plain(test.message or test.status.label)
        if test.status is TestStatus.FAILED:
            case.result = [Failure(message, "failed")]
        elif test.status is not TestStatus.PASSED:
            case.result = [Error(message, test.status.value)]
        if test.details and case.result:
            case.result[0].text = plain(test.details)
        properties = Properties()  # type: ignore[no-untyped-call]
        for key, value in (
            ("points", format_points(test.points)),
            ("max_points", format_points(test.max_points)),
            ("category", test.category.value),
            ("status", test.status.value),
        ):
            properties.add_property(Property(key, value))
        case.append(properties)  # type: ignore[no-untyped-call]
        suite.add_testcase(case)
    document = JUnitXml()
    document.add_testsuite(suite)
    xml: bytes = document.tostring()  # type: ignore[no-untyped-call]
    return xml.decode("utf-8") + "\n"


def template_environment(**filters: Any) -> Environment:
    """The jinja2 environment of every report: autoescaped HTML, StrictUndefined, ``filters``."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=markdown_cell, points=format_points, **filters)
    return env


def _environment(color: bool) -> Environment:
    return template_environment(plain=plain, status_color=lambda s: _ansi(s, color))


def plain(text: object) -> str:
    """Text safe for a terminal: control characters (ANSI escapes included) shown escaped."""
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def markdown_cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    escaped = plain(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    escaped = escaped.replace("<", "&lt;").replace(">", "&gt;").replace("`", "\\`")
    return "".join(c for c in escaped if unicodedata.category(c) != "Cf")


def number(value: float) -> int | float:
    """Whole numbers as ints, so that JSON says 2 rather than 2.0."""
    return int(value) if float(value).is_integer() else value


def format_points(value: float) -> str:
    return f"{value:g}"


_COLORS = {"passed": "32", "failed": "31", "error": "31", "not_run": "90"}


def _ansi(status: TestStatus, color: bool) -> str:
    label = status.label
    if not color:
        return label
    return f"\x1b[{_COLORS.get(status.value, '33')}m{label}\x1b[0m"
