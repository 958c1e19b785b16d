"""Parse stage: the harness's JUnit XML -> one TestOutcome per test case.

The XML is pytest's own ``--junitxml`` output; the harness's plugin adds per-test properties
(``grader.id``, ``grader.status``, ``grader.reason``, ``grader.output``). Both must agree that a
test passed for it to count as passed: a passed element without the harness's verdict, or a
"passed" verdict on an element that records a failure, error or skip, is not a pass.
Documents with a DTD are refused outright (no entity can be defined without one).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import ParseError

from junitparser import Error, Failure, JUnitXml, JUnitXmlError, Properties, Skipped, TestCase

from grader.models import TestOutcome, TestStatus

MAX_TEXT_CHARS = 20_000
_DTD_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class JUnitError(Exception):
    """The JUnit XML is not a well-formed pytest report."""


def parse_junit(xml: bytes) -> tuple[TestOutcome, ...]:
    """Every test case in the document, in document order."""
    if _DTD_RE.search(xml):
        raise JUnitError("the JUnit XML declares a DTD, which is never allowed")
    try:
        document = JUnitXml.fromstring(xml)
    except (ParseError, JUnitXmlError, ValueError, SyntaxError) as exc:
        raise JUnitError(f"the JUnit XML is malformed: {exc}") from None
    return tuple(_outcome(case) for suite in document for case in suite)


def _outcome(case: TestCase) -> TestOutcome:
    properties = _properties(case)
    element_status, element_text, element_message = _element_verdict(case)
    status, reason = _combine(element_status, element_message, properties)
    traceback = properties.get("grader.candidate_traceback", "")
    details = "\n\n".join(part for part in (element_text, traceback) if part)
    return TestOutcome(
        id=properties.get("grader.id") or f"{case.classname}::{case.name}",
        name=case.name or "",
        status=status,
        reason=reason[:MAX_TEXT_CHARS],
        details=details[:MAX_TEXT_CHARS],
        output=properties.get("grader.output", "")[:MAX_TEXT_CHARS],
        duration=_duration(case),
        stray_processes=_count(properties.get("grader.strays")),
        harness_failure=properties.get("grader.harness_failure", "")[:MAX_TEXT_CHARS],
    )


def _properties(case: TestCase) -> dict[str, str]:
    found: dict[str, str] = {}
    for block in case.iterchildren(Properties):  # type: ignore[no-untyped-call]
        for prop in block:
            if prop.name and prop.name not in found:
                found[prop.name] = prop.value or ""
    return found


def _element_verdict(case: TestCase) -> tuple[TestStatus, str, str]:
    """What pytest's own elements say: status, full text, short message."""
    for result in case.result:
        text = (result.text or "").strip()
        message = (result.message or "").strip()
        if isinstance(result, Failure):
            return TestStatus.FAILED, text, message
        if isinstance(result, Error):
            return TestStatus.ERROR, text, message
        if isinstance(result, Skipped):
            return TestStatus.NOT_RUN, text, message or "skipped"
    return TestStatus.PASSED, "", ""


def _combine(element: TestStatus, element_message: str, properties: dict[str, str]) -> tuple[TestStatus, str]:
    recorded = properties.get("grader.status")
    reason = properties.get("grader.reason", "") or element_message
    if recorded is None:
        if element is TestStatus.PASSED:
            return TestStatus.NOT_RUN, "no verdict was recorded for this test"
        return element, reason
    try:
        status = TestStatus(recorded)
    except ValueError:
        return TestStatus.ERROR, f"unknown verdict {recorded[:40]!r}"
    if status is TestStatus.PASSED and element is not TestStatus.PASSED:
        return element, reason or "pytest did not report this test as passed"
    return status, reason


def _count(text: str | None) -> int:
    return int(text) if text is not None and text.isdigit() and len(text) < 7 else 0


def _duration(case: TestCase) -> float:
    try:
        return max(float(case.time or 0.0), 0.0)
    except (TypeError, ValueError):
        return 0.0
