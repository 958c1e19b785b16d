"""The harness's pytest plugin: point and category markers, the ``candidate`` fixture, and each
test's verdict written into the JUnit XML as properties.

Three modes, chosen by option:

``--grader-job JOB``        grading: ``candidate`` forwards calls to a fresh worker per test,
                            which the runner (the zygote, ``--grader-zygote-fd``) forks.
``--grader-manifest OUT``   with ``--collect-only``: write the declared tests (id, points,
                            category, hidden, doc) and any authoring errors to OUT as JSON.
``--grader-inprocess FILE`` benchmarks and authoring only: ``candidate`` is FILE imported into
                            this very process. Never used to grade: it is not a sandbox.

Each test case in the JUnit file gets the properties ``grader.id`` (the pytest node id),
``grader.status`` (passed, failed, error, timeout, memory_limit, output_limit, resource_limit,
crashed, not_run), ``grader.reason``, and when they apply ``grader.output`` (what the worker
printed), ``grader.candidate_traceback`` and ``grader.strays`` (processes the worker left
running, killed after the test).
"""

from __future__ import annotations

import copy
import importlib.util
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from harness import assertions
from harness.proxy import Candidate, CandidateError, HarnessFailure, WorkerSession, Zygote

CATEGORIES = ("correctness", "edge_cases", "api", "determinism", "numerical", "efficiency")
MAX_REASON_CHARS = 2_000

_GRADING = pytest.StashKey["Grading"]()
_SESSION = pytest.StashKey[WorkerSession]()
_REFERENCE = pytest.StashKey[WorkerSession]()
_PHASES = pytest.StashKey[dict[str, Any]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("grader")
    group.addoption("--grader-job", help="the grading job (JSON) this run belongs to")
    group.addoption("--grader-zygote-fd", type=int, help="the zygote's control socket (inherited fd)")
    group.addoption("--grader-manifest", help="write the declared tests to this JSON file")
    group.addoption("--grader-inprocess", help="import this solution in-process (not a sandbox)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "points(n): the points this test is worth")
    config.addinivalue_line("markers", f"category(name): rubric category, one of {CATEGORIES}")
    grading = Grading(config)
    config.stash[_GRADING] = grading
    config.pluginmanager.register(grading, "grader-grading")


def pytest_unconfigure(config: pytest.Config) -> None:
    grading = config.stash.get(_GRADING, None)
    if grading is not None:
        grading.close()


class Grading:
    """What this pytest session knows about the grading it runs."""

    def __init__(self, config: pytest.Config) -> None:
        job_path = config.getoption("--grader-job")
        self.job: dict[str, Any] | None = json.loads(Path(job_path).read_text()) if job_path else None
        self.manifest_path: str | None = config.getoption("--grader-manifest")
        self.manifest_errors: list[str] = []
        self.declared: list[dict[str, Any]] = []
        self.inprocess = _import_file(config.getoption("--grader-inprocess"))
        self.started = time.monotonic()
        self._zygote_fd: int | None = config.getoption("--grader-zygote-fd")
        self._zygote: Zygote | None = None

    @property
    def seed(self) -> int:
        return int(self.job["seed"]) if self.job else 0

    def new_session(self, reference: bool = False) -> WorkerSession:
        """A worker for one test: the candidate's, or (``reference``) the reference solution's."""
        if self.job is None:
            raise pytest.UsageError("the candidate and reference fixtures need --grader-job")
        limits = self.job["limits"]
        now = time.monotonic()
        deadline = min(now + limits["per_test_seconds"], self.started + limits["wall_seconds"])
        job = self.job
        if reference:
            job = dict(job, worker=dict(job["worker"], **job["reference_worker"]))
        return WorkerSession(self._start_zygote(), job, deadline, "reference" if reference else "candidate")

    def _start_zygote(self) -> Zygote:
        if self._zygote is None:
            if self._zygote_fd is None:
                raise pytest.UsageError("grading needs the zygote: run it through runner.py grade")
            self._zygote = Zygote(socket.socket(fileno=self._zygote_fd))
        return self._zygote

    def pytest_sessionstart(self) -> None:
        if self.job is not None:  # the first test's worker is forked while pytest collects
            zygote = self._start_zygote()
            zygote.prefetch(self.job["worker"])
            worker = self.job["worker"]
            assertions.set_candidate_freezer(lambda: zygote.frozen(worker))

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.manifest_errors.append(f"{report.nodeid}: {report.longreprtext.strip()}")

    def pytest_sessionfinish(self) -> None:
        if self.manifest_path:
            manifest = {"tests": self.declared, "errors": self.manifest_errors}
            Path(self.manifest_path).write_text(json.dumps(manifest, indent=1))

    def close(self) -> None:
        if self._zygote is not None:
            self._zygote.close()
            self._zygote = None


def _import_file(path: str | None) -> Any:
    if not path:
        return None
    spec = importlib.util.spec_from_file_location("candidate_inprocess", path)
    if spec is None or spec.loader is None:
        raise pytest.UsageError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def candidate(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The candidate's solution; calls run in a separate worker process."""
    yield from _worker(request, reference=False)


@pytest.fixture
def reference(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The challenge's reference solution, in its own worker (own uid), for oracles and timing."""
    yield from _worker(request, reference=True)


def _worker(request: pytest.FixtureRequest, reference: bool) -> Iterator[Any]:
    grading = request.config.stash[_GRADING]
    if grading.inprocess is not None:
        module = (
            _import_file(str(Path(request.config.rootpath) / "reference.py"))
            if reference
            else grading.inprocess
        )
        yield InProcessCandidate(module)
        return
    session = grading.new_session(reference=reference)
    request.node.stash[_REFERENCE if reference else _SESSION] = session
    try:
        yield Candidate(session)
    finally:
        session.finish()


@pytest.fixture
def grading_seed(request: pytest.FixtureRequest) -> int:
    """The seed of this grading, for tests that generate their inputs."""
    return request.config.stash[_GRADING].seed


class InProcessCandidate:
    """The solution imported in this process; only for benchmarks and challenge authoring."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        return _LocalFunction(getattr(self._module, name))

    def rng_fingerprint(self) -> str:
        from harness.worker import rng_fingerprint

        return rng_fingerprint()

    def seed_global_rng(self, seed: int) -> None:
        import random

        import numpy as np

        np.random.seed(seed)
        random.seed(seed)


class _LocalFunction:
    """A function of the in-process solution, called as the proxy would call it in a worker:
    with copies of the arguments, results made of plain data or wrapped objects."""

    def __init__(self, function: Any) -> None:
        self._function = function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.returning_args(*args, **kwargs)[0]

    def returning_args(self, *args: Any, **kwargs: Any) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
        args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
        result = self._function(*args, **kwargs)
        if not isinstance(result, _PLAIN) and (
            isinstance(self._function, type) or hasattr(result, "__dict__")
        ):
            result = _LocalObject(result)
        return result, args, kwargs


class _LocalObject:
    """An object of the in-process solution, with the proxy's method API."""

    def __init__(self, target: Any) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if callable(value) and not isinstance(value, _PLAIN):
            return _LocalFunction(value)
        return copy.deepcopy(value)


_PLAIN = (type(None), bool, int, float, str, list, tuple, dict, np.ndarray, np.generic)


# -- the declared tests ------------------------------------------------------------------------


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    grading = config.stash[_GRADING]
    if not grading.manifest_path:
        return
    for item in items:
        declared, errors = _declaration(item)
        grading.manifest_errors.extend(errors)
        if declared is not None:
            grading.declared.append(declared)


def _declaration(item: pytest.Item) -> tuple[dict[str, Any] | None, list[str]]:
    errors = []
    points = _marker_arg(item, "points")
    if isinstance(points, bool) or not isinstance(points, (int, float)) or not points > 0:
        errors.append(f"{item.nodeid}: needs @pytest.mark.points(N) with a number N > 0")
    category = _marker_arg(item, "category")
    if category not in CATEGORIES:
        errors.append(
            f"{item.nodeid}: needs @pytest.mark.category(NAME), NAME one of {', '.join(CATEGORIES)}"
        )
    if errors:
        return None, errors
    doc = (getattr(getattr(item, "obj", None), "__doc__", None) or "").strip().splitlines()
    return {
        "id": item.nodeid,
        "name": item.name,
        "points": points,
        "category": category,
        "hidden": item.nodeid.startswith("tests/hidden/"),
        "doc": doc[0] if doc else "",
    }, []


def _marker_arg(item: pytest.Item, name: str) -> Any:
    marker = item.get_closest_marker(name)
    if marker is None or len(marker.args) != 1 or marker.kwargs:
        return None
    return marker.args[0]


# -- verdicts ----------------------------------------------------------------------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()  # type: ignore[attr-defined]
    phases = item.stash.setdefault(_PHASES, {})
    phases[call.when] = (report, call.excinfo)
    if call.when == "teardown":
        report.user_properties.extend(_verdict_properties(item, phases))


def _verdict_properties(item: pytest.Item, phases: dict[str, Any]) -> list[tuple[str, str]]:
    session = item.stash.get(_SESSION, None)
    status, reason = _verdict(phases, session, item.stash.get(_REFERENCE, None))
    properties = [("grader.id", item.nodeid), ("grader.status", status), ("grader.reason", reason)]
    harness_failure = _harness_failure(phases)
    if harness_failure:
        properties.append(("grader.harness_failure", harness_failure))
    if session is not None:
        properties.append(("grader.calls", str(session.calls)))
        if session.output.total:
            properties.append(("grader.output", session.output.text()))
        if session.exit is not None and session.exit.strays:
            properties.append(("grader.strays", str(session.exit.strays)))
        failure = session.failure
        if failure is not None and failure.details:
            properties.append(("grader.candidate_traceback", failure.details))
    return properties


def _verdict(
    phases: dict[str, Any], session: WorkerSession | None, reference: WorkerSession | None = None
) -> tuple[str, str]:
    if session is not None and session.failure is not None:
        return session.failure.status, _short(session.failure.reason)
    if reference is not None and reference.failure is not None:
        return "error", _short(f"the reference solution failed ({reference.failure.reason}): a challenge bug")
    for when in ("setup", "call", "teardown"):
        report, excinfo = phases.get(when, (None, None))
        if report is None:
            continue
        if report.skipped:
            return "not_run", _short(f"skipped: {_skip_reason(report)}")
        if report.failed:
            return _failure_verdict(when, excinfo)
    if "call" not in phases:
        return "not_run", "the test did not run"
    return "passed", ""


def _harness_failure(phases: dict[str, Any]) -> str:
    """The harness's own failure in any phase of a test ("" when there was none)."""
    for _report, excinfo in phases.values():
        if excinfo is not None and isinstance(excinfo.value, HarnessFailure):
            return _short(str(excinfo.value))
    return ""


def _failure_verdict(when: str, excinfo: Any) -> tuple[str, str]:
    exc = excinfo.value if excinfo is not None else None
    if isinstance(exc, HarnessFailure):
        return "not_run", _short(f"not run: the grading harness failed ({exc})")
    if isinstance(exc, CandidateError) and exc.role == "reference":
        return "error", _short(f"the reference solution failed ({exc.reason}): a challenge bug")
    if isinstance(exc, CandidateError):
        if exc.status == "error":
            return "error", _short(exc.reason)
        return exc.status, _short(exc.reason)
    text = excinfo.exconly() if excinfo is not None else "failed"
    if when != "call":
        return "error", _short(f"the test's {when} failed: {text}")
    if isinstance(exc, AssertionError) or type(exc).__name__ == "Failed":
        return "failed", _short(text)
    return "failed", _short(f"the result could not be checked: {text}")


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return "skipped"


def _short(text: str) -> str:
    text = text.strip()
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"
