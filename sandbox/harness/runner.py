"""Entrypoint of a grading run: inside the container, or as the local sandbox's process.

    runner.py grade JOB.json              run the challenge's tests, then record the run's facts
    runner.py collect CHALLENGE_DIR OUT   write a challenge's declared tests as JSON (host side)
    runner.py pytest ARGS...              pytest with the harness importable

Always started as ``python3 -I -B runner.py ...``: isolated mode ignores PYTHON* variables and
user site-packages and keeps the working directory off ``sys.path``; the harness package is
added by absolute path below. pytest gets the harness's own ini (``-c``), the challenge folder
as rootdir and conftest boundary, no plugin autoloading, no cache provider and no bytecode
writing. The submission lives outside rootdir and is never collected.

``grade`` writes ``run.json`` next to pytest's ``junit.xml`` in the results folder:
the pytest exit code, timings and versions. The host trusts neither blindly (see grader/score.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HARNESS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(HARNESS_DIR.parent))

from harness import reaper  # noqa: E402

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
    """Run the job's tests in a pytest subprocess; sweep the candidate's processes; record facts."""
    job: dict[str, Any] = json.loads(job_path.read_text())
    reaper.become_subreaper()
    results = Path(job["results_dir"])
    challenge_dir = Path(job["challenge_dir"])
    extra = [f"--junitxml={results / 'junit.xml'}", f"--grader-job={job_path}"]
    if job.get("fail_fast"):
        extra.append("--exitfirst")
    prefix = ["-X", f"pycache_prefix={job['pycache_prefix']}"] if job.get("pycache_prefix") else []
    args = pytest_args(challenge_dir, job["test_paths"], extra)
    env = dict(HARNESS_ENV, TMPDIR=job["harness_tmp"], HOME=job["harness_tmp"])
    started_at, start = time.time(), time.monotonic()
    budget = float(job["limits"]["wall_seconds"]) + PYTEST_GRACE_SECONDS
    exit_code: int | None
    with open(results / "pytest.log", "wb") as log:
        try:
            exit_code = subprocess.run(
                [sys.executable, "-I", "-B", *prefix, str(Path(__file__).resolve()), "pytest", *args],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=job["harness_tmp"],
                timeout=budget,
                check=False,
            ).returncode
        except subprocess.TimeoutExpired:
            exit_code = None
    strays = reaper.sweep(job["worker"].get("uid"), {})
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


def collect(challenge_dir: Path, out: Path) -> int:
    """Collect (never run) a challenge's tests and write their declarations to ``out``."""
    os.environ.update(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONDONTWRITEBYTECODE="1")
    extra = ["--collect-only", f"--grader-manifest={out}"]
    return run_pytest(pytest_args(challenge_dir, ["tests"], extra))


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
    if argv and argv[0] == "pytest":
        return run_pytest(argv[1:])
    sys.stderr.write(__doc__ or "")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
