"""Entrypoint of a grading run: inside the container, or as the local sandbox's process.

    runner.py grade JOB.json              run the challenge's tests, then record the run's facts
    runner.py collect CHALLENGE_DIR OUT   write a challenge's declared tests as JSON (host side)
    runner.py inprocess CHALLENGE_DIR SOLUTION JUNIT
                                          the public and hidden tests with SOLUTION imported into
                                          pytest's own process: no sandbox, no worker (benchmarks
                                          and tests that compare with a grading; never grading)

Always started as ``python3 -I -B runner.py ...``: isolated mode ignores PYTHON* variables and
user site-packages and keeps the working directory off ``sys.path``; the harness package is
added by absolute path below. pytest gets the harness's own ini (``-c``), the challenge folder
as rootdir and conftest boundary, no plugin autoloading, no cache provider and no bytecode
writing. The submission lives outside rootdir and is never collected.

``grade`` makes this process the zygote (see zygote.py): it imports numpy and the worker code,
forks pytest, which inherits them, and forks a worker for each test that pytest asks for. When
pytest is done, or the time budget is, it kills every process that is left and writes
``run.json`` next to pytest's ``junit.xml`` in the results folder: the pytest exit code, timings
and versions. The host trusts neither blindly (see grader/score.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sys
import time
import traceback
from pathlib import Path
from typing import Any, NoReturn

HARNESS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(HARNESS_DIR.parent))

from harness import reaper, zygote  # noqa: E402

PYTEST_GRACE_SECONDS = 20
HARNESS_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def pytest_args(challenge_dir: Path, paths: list[str], extra: list[str]) -> list[str]:
    """The options every harness pytest run gets, then ``extra``, then the test paths."""
    return [
        "-c",
        str(HARNESS_DIR / "pytest.ini"),
        "--rootdir",
        str(challenge_dir),
        f"--confcutdir={challenge_dir}",
        "-p",
        "harness.plugin",
        "-p",
        "no:cacheprovider",
        "--import-mode=importlib",
        "-q",
        "--tb=short",
        "--no-header",
        *extra,
        *[str(challenge_dir / p) for p in paths],
    ]


def grade(job_path: Path) -> int:
    """Run the job's tests in a forked pytest, serving as its zygote; then sweep and record facts.

    This process imports numpy and the worker code once, forks pytest (which inherits them),
    and answers pytest's requests for workers until pytest is done or the budget runs out. It
    never loads a test or an expected value: only the pytest child does."""
    job: dict[str, Any] = json.loads(job_path.read_text())
    reaper.become_subreaper()
    zygote.warm_up()
    results = Path(job["results_dir"])
    control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    extra = [
        f"--junitxml={results / 'junit.xml'}",
        f"--grader-job={job_path}",
        f"--grader-zygote-fd={theirs.fileno()}",
    ]
    if job.get("fail_fast"):
        extra.append("--exitfirst")
    args = pytest_args(Path(job["challenge_dir"]), job["test_paths"], extra)
    started_at, start = time.time(), time.monotonic()
    deadline = start + float(job["limits"]["wall_seconds"]) + PYTEST_GRACE_SECONDS
    pytest_pid = os.fork()
    if pytest_pid == 0:  # the child: pytest, in the harness's environment
        control.close()
        _run_pytest_child(job, args, results / "pytest.log")
    theirs.close()
    server = zygote.Server(control, harness=frozenset({pytest_pid}))
    try:
        server.serve(deadline)
    finally:
        server.shutdown()
        control.close()  # a pytest still waiting for a worker hears that there will be none
    exit_code = _wait_for(pytest_pid, server.statuses, deadline)
    strays = reaper.sweep(job["worker"].get("uid"), server.statuses)
    facts = {
        "pytest_exit_code": exit_code,
        "pytest_timed_out": exit_code is None,
        "started_at": started_at,
        "duration_seconds": round(time.monotonic() - start, 3),
        "stray_processes_killed": strays,
        "versions": _versions(),
    }
    _write_atomically(results / "run.json", json.dumps(facts, indent=1))
    return 0


def _run_pytest_child(job: dict[str, Any], args: list[str], log_path: Path) -> NoReturn:
    """In the forked child: become the harness's pytest process, run, exit with its code."""
    code = 70
    try:
        log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        os.close(null)
        os.chdir(job["harness_tmp"])
        os.environ.clear()
        os.environ.update(HARNESS_ENV, TMPDIR=job["harness_tmp"], HOME=job["harness_tmp"])
        sys.dont_write_bytecode = True
        sys.pycache_prefix = job.get("pycache_prefix") or None
        code = run_pytest(args)
    except BaseException:  # noqa: BLE001 - the child must never return into the server loop
        traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _wait_for(pid: int, statuses: dict[int, int], deadline: float) -> int | None:
    """pytest's exit code (negative: killed by that signal); None when it overran the budget."""
    while pid not in statuses:
        try:
            waited, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return None
        if waited == pid:
            statuses[pid] = status
        elif time.monotonic() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None
        else:
            time.sleep(0.005)
    status = statuses.pop(pid)
    return os.waitstatus_to_exitcode(status)


def collect(challenge_dir: Path, out: Path) -> int:
    """Collect (never run) a challenge's tests and write their declarations to ``out``."""
    os.environ.update(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONDONTWRITEBYTECODE="1")
    extra = ["--collect-only", f"--grader-manifest={out}"]
    return run_pytest(pytest_args(challenge_dir, ["tests"], extra))


def inprocess(challenge_dir: Path, solution: Path, junit: Path) -> int:
    """Run the tests as a grading would, but with ``solution`` imported here; pytest's exit code."""
    os.environ.update(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONDONTWRITEBYTECODE="1")
    extra = [f"--junitxml={junit}", f"--grader-inprocess={solution}"]
    return run_pytest(pytest_args(challenge_dir, ["tests/public", "tests/hidden"], extra))


def run_pytest(args: list[str]) -> int:
    import pytest

    return int(pytest.main(args))


def _versions() -> dict[str, str]:
    """Versions of what ran the tests, from package metadata (importing them would cost time)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": sys.version.split()[0]}
    for package in ("numpy", "pytest"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "unknown"
    return found


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text)
    partial.replace(path)


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "grade":
        return grade(Path(argv[1]))
    if len(argv) >= 3 and argv[0] == "collect":
        return collect(Path(argv[1]), Path(argv[2]))
    if len(argv) == 4 and argv[0] == "inprocess":
        return inprocess(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    sys.stderr.write(__doc__ or "")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
