"""Cohort reports, derived from a results folder's records alone.

    grades.csv     one row per candidate x challenge: score, max, percent, status, per-category points
    summary.json   counts, per-challenge statistics and histograms, per-test pass rates,
                   per-category averages, the submissions flagged for review
    report.html    the same, self-contained, with inline SVG charts
    summary.md     the same in Markdown, for $GITHUB_STEP_SUMMARY
    junit.xml      every submission's tests in one JUnit file (a test suite per submission)
    gradescope/    <candidate>/<challenge>/results.json in Gradescope's autograder format

Flagged for review: anything not plainly graded, graded without isolation, or carrying
integrity flags (leftover processes, Trojan-Source characters, dropped files...).
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from junitparser import Error, Failure, TestCase, TestSuite

from grader.batch import Results, safe_name, write_atomically
from grader.models import Category
from grader.render import number, template_environment

HISTOGRAM_BINS = 10
CATEGORIES = tuple(c.value for c in Category)
CATEGORY_LABELS = {c.value: c.label for c in Category}


@dataclass(frozen=True)
class Row:
    """One submission, as the cohort sees it."""

    candidate: str
    challenge: str
    status: str
    score: float
    max_score: float
    percent: float
    reason: str
    categories: dict[str, tuple[float, float]]
    flags: tuple[str, ...]


@dataclass(frozen=True)
class TestRate:
    __test__ = False

    test_id: str
    name: str
    category: str
    hidden: bool
    passed: int
    total: int

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


@dataclass(frozen=True)
class ChallengeStats:
    """How a cohort did on one challenge."""

    challenge: str
    title: str
    graded: int
    mean: float
    median: float
    low: float
    high: float
    histogram: tuple[int, ...]
    categories: tuple[tuple[str, float], ...]
    tests: tuple[TestRate, ...]


@dataclass(frozen=True)
class Cohort:
    rows: tuple[Row, ...]
    challenges: tuple[ChallengeStats, ...]
    generated_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def flagged(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.flags)

    @property
    def counts(self) -> dict[str, int]:
        found: dict[str, int] = defaultdict(int)
        for row in self.rows:
            found[row.status] += 1
        return dict(sorted(found.items()))


def summarize(records: Iterable[dict[str, Any]]) -> Cohort:
    """Fold records into rows and per-challenge statistics, one record at a time."""
    rows: list[Row] = []
    titles: dict[str, str] = {}
    rates: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    for record in records:
        row = _row(record)
        rows.append(row)
        if record["status"] != "graded":
            continue
        titles[row.challenge] = record["challenge"].get("title", "")
        for test in record["tests"]:
            entry = rates[row.challenge].setdefault(
                test["id"], [test["name"], test["category"], test["hidden"], 0, 0]
            )
            entry[3] += test["status"] == "passed"
            entry[4] += 1
    rows.sort(key=lambda r: (r.challenge, r.candidate))
    stats = tuple(
        _stats(challenge, titles[challenge], rows, rates[challenge]) for challenge in sorted(titles)
    )
    return Cohort(tuple(rows), stats)


def _row(record: dict[str, Any]) -> Row:
    categories = {
        c["category"]: (float(c["points"]), float(c["max_points"])) for c in record.get("categories", [])
    }
    return Row(
        candidate=str(record.get("candidate", "?")),
        challenge=str(record["challenge"]["id"]),
        status=str(record["status"]),
        score=float(record["score"]),
        max_score=float(record["max_score"]),
        percent=float(record["percent"]),
        reason=str(record.get("ungradable_reason") or ""),
        categories=categories,
        flags=tuple(_flags(record)),
    )


def _flags(record: dict[str, Any]) -> list[str]:
    found = list(record.get("flags", []))
    if record["status"] != "graded":
        found.insert(
            0, f"{record['status'].replace('_', ' ')}: {record.get('ungradable_reason') or ''}".strip(": ")
        )
    elif record.get("provenance", {}).get("isolated") is False:
        found.insert(0, "graded without isolation (local sandbox)")
    if record.get("dropped_files"):
        found.append(f"{len(record['dropped_files'])} file(s) dropped from the submission")
    return found


def _stats(challenge: str, title: str, rows: list[Row], rates: dict[str, list[Any]]) -> ChallengeStats:
    graded = [r for r in rows if r.challenge == challenge and r.status == "graded"]
    percents = [r.percent for r in graded]
    histogram = [0] * HISTOGRAM_BINS
    for percent in percents:
        histogram[min(int(percent // (100 / HISTOGRAM_BINS)), HISTOGRAM_BINS - 1)] += 1
    categories = []
    for category in CATEGORIES:
        pairs = [
            r.categories[category] for r in graded if category in r.categories and r.categories[category][1]
        ]
        if pairs:
            categories.append((category, 100 * statistics.fmean(p / m for p, m in pairs)))
    tests = tuple(
        sorted(
            (TestRate(test_id, *values) for test_id, values in rates.items()),
            key=lambda t: (t.rate, t.test_id),
        )
    )
    return ChallengeStats(
        challenge,
        title,
        len(graded),
        statistics.fmean(percents),
        statistics.median(percents),
        min(percents),
        max(percents),
        tuple(histogram),
        tuple(categories),
        tests,
    )


# -- formats -----------------------------------------------------------------------------------


def to_csv(cohort: Cohort) -> str:
    categories = [c for c in CATEGORIES if any(c in r.categories for r in cohort.rows)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["candidate", "challenge", "status", "score", "max_score", "percent", "reason"]
    writer.writerow(header + [f"{c}_{part}" for c in categories for part in ("points", "max")])
    for row in cohort.rows:
        cells = [
            _csv_safe(row.candidate),
            _csv_safe(row.challenge),
            row.status,
            number(row.score),
            number(row.max_score),
            f"{row.percent:.2f}",
            _csv_safe(row.reason),
        ]
        for category in categories:
            points, maximum = row.categories.get(category, (0.0, 0.0))
            cells += [number(points), number(maximum)]
        writer.writerow(cells)
    return buffer.getvalue()


def _csv_safe(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_summary(cohort: Cohort) -> dict[str, Any]:
    return {
        "schema": "grader.cohort/1",
        "generated_at": cohort.generated_at,
        "submissions": len(cohort.rows),
        "statuses": cohort.counts,
        "challenges": [
            {
                "id": s.challenge,
                "title": s.title,
                "graded": s.graded,
                "mean_percent": round(s.mean, 2),
                "median_percent": round(s.median, 2),
                "min_percent": round(s.low, 2),
                "max_percent": round(s.high, 2),
                "histogram": {"bin_percent": 100 // HISTOGRAM_BINS, "counts": list(s.histogram)},
                "category_average_percent": {c: round(v, 2) for c, v in s.categories},
                "tests": [
                    {
                        "id": t.test_id,
                        "name": t.name,
                        "category": t.category,
                        "hidden": t.hidden,
                        "passed": t.passed,
                        "graded": t.total,
                        "pass_rate": round(t.rate, 4),
                    }
                    for t in s.tests
                ],
            }
            for s in cohort.challenges
        ],
        "flagged": [
            {"candidate": r.candidate, "challenge": r.challenge, "flags": list(r.flags)}
            for r in cohort.flagged
        ],
    }


def render_cohort(cohort: Cohort, fmt: str) -> str:
    """The cohort report as ``html`` or ``md``."""
    env = template_environment(category=lambda c: CATEGORY_LABELS.get(c, c))
    template = {"html": "cohort.html.j2", "md": "cohort.md.j2"}[fmt]
    return env.get_template(template).render(cohort=cohort, bins=HISTOGRAM_BINS)


def merged_junit(records: Iterable[dict[str, Any]]) -> str:
    """Every submission's tests in one JUnit document: one suite per submission."""
    return "".join(merged_junit_parts(records))


def merged_junit_parts(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The merged JUnit document a suite at a time, so that writing it holds one record at once."""
    yield '<testsuites name="grader">'
    for record in records:
        xml: bytes = _junit_suite(record).tostring()  # type: ignore[no-untyped-call]
        yield xml.decode("utf-8")
    yield "</testsuites>\n"


def _junit_suite(record: dict[str, Any]) -> TestSuite:
    suite = TestSuite(f"{record.get('candidate', '?')}/{record['challenge']['id']}")
    if record["status"] != "graded":
        case = TestCase("grading", classname=suite.name)
        case.result = [Error(str(record.get("ungradable_reason") or record["status"]), record["status"])]
        suite.add_testcase(case)
    for test in record["tests"]:
        case = TestCase(test["name"], classname=suite.name, time=test.get("duration") or 0.0)
        if test["status"] == "failed":
            case.result = [Failure(test["message"][:2000] or "failed", "failed")]
        elif test["status"] != "passed":
            case.result = [Error(test["message"][:2000] or test["status"], test["status"])]
        suite.add_testcase(case)
    return suite


def gradescope(record: dict[str, Any]) -> dict[str, Any]:
    """A record in Gradescope's autograder results.json format (hidden tests stay hidden)."""
    tests = [
        {
            "name": test["name"],
            "score": test["points"],
            "max_score": test["max_points"],
            "status": "passed" if test["status"] == "passed" else "failed",
            "output": test["message"] if not test["hidden"] else "",
            "tags": [test["category"]],
            "visibility": "after_published" if test["hidden"] else "visible",
        }
        for test in record["tests"]
    ]
    output = record.get("ungradable_reason") or ""
    return {"score": record["score"], "output": output, "visibility": "visible", "tests": tests}


def write_reports(results: Results) -> tuple[Path, ...]:
    """(Re)write every report in the results folder from its records, reading one record at a
    time: what stays in memory is a row per submission, not the scorecards."""
    cohort = summarize(results.records())
    root = results.root
    written = {
        root / "grades.csv": to_csv(cohort),
        root / "summary.json": json.dumps(to_summary(cohort), indent=1) + "\n",
        root / "report.html": render_cohort(cohort, "html"),
        root / "summary.md": render_cohort(cohort, "md"),
    }
    for path, text in written.items():
        write_atomically(path, text)
    junit = root / "junit.xml"
    write_atomically(junit, merged_junit_parts(results.records()))
    for record in results.records():
        target = (
            root
            / "gradescope"
            / safe_name(record.get("candidate", "?"))
            / safe_name(record["challenge"]["id"])
        )
        write_atomically(target / "results.json", json.dumps(gradescope(record), indent=1) + "\n")
    return (*written, junit)
