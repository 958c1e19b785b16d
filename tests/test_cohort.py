"""Cohort reports from batch records: statistics, CSV, Markdown, HTML, merged JUnit, Gradescope."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from grader.batch import BatchItem, BatchSettings, Results, RowStatus, grade_item, problem_record
from grader.cohort import (
    HISTOGRAM_BINS,
    gradescope,
    merged_junit,
    render_cohort,
    summarize,
    to_csv,
    to_summary,
    write_reports,
)
from grader.models import SandboxChoice
from tests.helpers import TINY, TINY_SUBMISSIONS

LOCAL = BatchSettings(sandbox=SandboxChoice.LOCAL)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Results:
    folder = Results(tmp_path_factory.mktemp("results"))
    evil = tmp_path_factory.mktemp("evil") / "solution.py"
    evil.write_text((TINY / "reference.py").read_text().replace("return a + b", "return a - b"))
    for candidate, submission in (
        ("alice", TINY / "reference.py"),
        ("bob", TINY_SUBMISSIONS / "mixed.py"),
        ("carol", TINY_SUBMISSIONS / "syntax_error.py"),
        ("=cmd|calc", evil),
    ):
        item = BatchItem(candidate, "tiny", submission)
        record, _ = grade_item(TINY, item, "source", LOCAL)
        folder.write(item, record)
    ghost = BatchItem("dave", "tinny", Path("."))
    folder.write(ghost, problem_record(ghost, RowStatus.UNKNOWN_CHALLENGE, "no challenge 'tinny'"))
    return folder


def test_the_cohort_counts_statuses_and_computes_statistics(results: Results) -> None:
    cohort = summarize(results.records())
    assert cohort.counts == {"graded": 3, "ungradable": 1, "unknown_challenge": 1}
    (stats,) = cohort.challenges
    assert stats.graded == 3
    percents = sorted(r.percent for r in cohort.rows if r.status == "graded")
    assert stats.low == percents[0] and stats.high == percents[-1] == 100.0
    assert sum(stats.histogram) == 3 and len(stats.histogram) == HISTOGRAM_BINS and stats.histogram[-1] == 1
    rates = {t.name: (t.passed, t.total) for t in stats.tests}
    assert rates["test_counter_object"] == (3, 3) and rates["test_normalize"] == (2, 3)
    assert stats.tests[0].rate <= stats.tests[-1].rate
    assert dict(stats.categories)["correctness"] == pytest.approx(100 * (5 / 5 + 3 / 5 + 3 / 5) / 3)


def test_flagged_submissions_say_why(results: Results) -> None:
    flagged = {(r.candidate, r.challenge): r.flags for r in summarize(results.records()).flagged}
    assert any("does not compile" in f for f in flagged[("carol", "tiny")])
    assert any("unknown challenge" in f for f in flagged[("dave", "tinny")])
    assert any("without isolation" in f for f in flagged[("alice", "tiny")])


def test_the_csv_has_one_row_per_submission_and_is_spreadsheet_safe(results: Results) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(summarize(results.records())))))
    assert len(rows) == 5
    alice = next(r for r in rows if r["candidate"] == "alice")
    assert (alice["score"], alice["max_score"], alice["percent"]) == ("9", "9", "100.00")
    assert (alice["correctness_points"], alice["correctness_max"]) == ("5", "5")
    assert next(r for r in rows if r["candidate"] == "carol")["reason"].startswith(
        "solution.py does not compile"
    )
    text = to_csv(summarize(results.records()))
    assert "\n'=cmd|calc," in text and "\n=cmd" not in text


def test_summary_json_and_markdown(results: Results) -> None:
    cohort = summarize(results.records())
    summary = to_summary(cohort)
    assert summary["schema"] == "grader.cohort/1" and summary["submissions"] == 5
    (challenge,) = summary["challenges"]
    assert challenge["histogram"]["counts"][-1] == 1 and len(challenge["tests"]) == 7
    markdown = render_cohort(cohort, "md")
    assert markdown.startswith("## Grading: 5 submission(s)") and "| dave | tinny |" in markdown


def test_the_html_report_is_self_contained_and_escaped(results: Results) -> None:
    html = render_cohort(summarize(results.records()), "html")
    assert html.count("<svg") == 3 and 'class="histogram"' in html
    for external in ("<script", "<link", "src=", "@import", "url("):
        assert external not in html


def test_merged_junit_has_a_suite_per_submission(results: Results) -> None:
    root = ET.fromstring(merged_junit(results.records()))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"alice/tiny", "bob/tiny", "carol/tiny", "=cmd|calc/tiny", "dave/tinny"}
    assert len(list(suites["alice/tiny"].iter("testcase"))) == 7
    assert suites["carol/tiny"].find("testcase/error") is not None


def test_gradescope_results_keep_hidden_tests_quiet(results: Results) -> None:
    bob = next(r for r in results.records() if r["candidate"] == "bob")
    exported: dict[str, Any] = gradescope(bob)
    assert exported["score"] == bob["score"] and len(exported["tests"]) == 7
    hidden = [t for t in exported["tests"] if t["visibility"] == "after_published"]
    assert hidden and all(t["output"] == "" for t in hidden)


def test_write_reports_writes_every_file(results: Results) -> None:
    written = write_reports(results)
    assert {p.name for p in written} == {
        "grades.csv",
        "summary.json",
        "report.html",
        "summary.md",
        "junit.xml",
    }
    assert json.loads((results.root / "gradescope" / "bob" / "tiny" / "results.json").read_text())["tests"]
    junit = ET.parse(results.root / "junit.xml").getroot()
    assert junit.tag == "testsuites" and len(junit.findall("testsuite")) == 5
    assert (results.root / "junit.xml").read_text() == merged_junit(results.records())
