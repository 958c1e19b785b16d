"""Parse stage: real JUnit files for every pytest outcome, and hostile ones."""

from __future__ import annotations

import pytest

from grader.junit import JUnitError, parse_junit
from grader.models import TestStatus
from tests.helpers import FIXTURES

JUNIT = FIXTURES / "junit"


def outcomes(name: str) -> dict[str, tuple[TestStatus, str]]:
    return {o.name: (o.status, o.reason) for o in parse_junit((JUNIT / name).read_bytes())}


def test_harness_verdicts_are_read_from_properties() -> None:
    found = outcomes("harness_verdicts.xml")
    assert {name: status for name, (status, _) in found.items()} == {
        "test_add": TestStatus.PASSED,
        "test_add_negative": TestStatus.PASSED,
        "test_mean": TestStatus.FAILED,
        "test_mean_empty_raises": TestStatus.ERROR,
        "test_normalize": TestStatus.TIMEOUT,
        "test_normalize_keeps_input": TestStatus.CRASHED,
        "test_counter_object": TestStatus.PASSED,
    }
    assert found["test_normalize"][1] == "timed out after 2 s"
    assert "ZeroDivisionError" in found["test_mean_empty_raises"][1]


def test_harness_ids_and_output_are_kept() -> None:
    parsed = {o.name: o for o in parse_junit((JUNIT / "harness_verdicts.xml").read_bytes())}
    assert parsed["test_mean"].id == "tests/hidden/test_hidden.py::test_mean"
    assert "assert" in parsed["test_mean"].details


def test_plain_pytest_outcomes_map_to_statuses_and_never_pass_without_a_verdict() -> None:
    found = {name: status for name, (status, _) in outcomes("plain_outcomes.xml").items()}
    assert found == {
        "test_passes": TestStatus.NOT_RUN,  # no harness verdict: not counted as a pass
        "test_fails": TestStatus.FAILED,
        "test_raises": TestStatus.FAILED,
        "test_setup_error": TestStatus.ERROR,
        "test_teardown_error": TestStatus.ERROR,
        "test_skipped": TestStatus.NOT_RUN,
        "test_xfail": TestStatus.NOT_RUN,
        "test_xpass_strict": TestStatus.FAILED,
    }


def test_collection_error_and_empty_runs() -> None:
    assert [s for s, _ in outcomes("collection_error.xml").values()] == [TestStatus.ERROR]
    assert outcomes("empty.xml") == {}


def test_a_passed_verdict_on_a_failed_element_is_not_a_pass() -> None:
    xml = (
        b'<testsuites><testsuite name="s"><testcase classname="c" name="t">'
        b'<properties><property name="grader.id" value="t"/><property name="grader.status" value="passed"/>'
        b'</properties><failure message="boom">boom</failure></testcase></testsuite></testsuites>'
    )
    (outcome,) = parse_junit(xml)
    assert outcome.status is TestStatus.FAILED


def test_unknown_verdicts_are_errors() -> None:
    xml = (
        b'<testsuite name="s"><testcase classname="c" name="t"><properties>'
        b'<property name="grader.status" value="excellent"/></properties></testcase></testsuite>'
    )
    (outcome,) = parse_junit(xml)
    assert outcome.status is TestStatus.ERROR


@pytest.mark.parametrize(
    "name, message",
    [
        ("truncated.xml", "malformed"),
        ("doctype.xml", "DTD"),
        ("not_junit.xml", "malformed"),
    ],
)
def test_malformed_documents_raise(name: str, message: str) -> None:
    with pytest.raises(JUnitError, match=message):
        parse_junit((JUNIT / name).read_bytes())
