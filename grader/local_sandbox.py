"""The local sandbox: the same harness and workers, as processes on this machine.

Used when no Docker daemon answers (a candidate's laptop) or when asked for. Each worker still
runs in its own process with a deadline, rlimits (address space, file size, open files, CPU,
no core dumps) and a scrubbed environment, and every process it starts is killed after each
test. But there is no separate uid, no network cut, no read-only filesystem and no cgroup:
candidate code can read and write whatever this user can. Scorecards say so.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

from grader.errors import SandboxFailed
from grader.models import RunResult, SandboxKind
from grader.run import RunJob, SandboxPaths, cancellable, facts_from, read_results, write_job

MAX_DIAGNOSTIC_BYTES = 4096


class LocalSandbox:
    """Runs the harness as a subprocess of the grader, without isolation."""

    kind = SandboxKind.LOCAL
    isolated = False

    def close(self) -> None:
        """Nothing to release: each run is a subprocess that has ended."""

    def run(self, job: RunJob) -> RunResult:
        tmp = job.run_dir / "tmp"
        tmp.mkdir(mode=0o700)
        paths = SandboxPaths(
            harness=str(job.harness),
            results=str(job.results),
            harness_tmp=str(tmp),
            submission=str(job.submission),
            scratch=str(job.scratch),
            worker_uid=None,
        )
        job_file = write_job(job, paths)
        command = [
            sys.executable,
            "-I",
            "-B",
            str(job.harness / "harness" / "runner.py"),
            "grade",
            str(job_file),
        ]
        start = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=tmp,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env=_environment(),
        )
        timed_out = False
        try:
            with cancellable(lambda: _kill_group(process)):
                _, stderr = process.communicate(timeout=job.deadline_seconds)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill_group(process)
            _, stderr = process.communicate()
        except BaseException:
            _kill_group(process)
            process.wait()
            raise
        junit, facts, problems = read_results(job.results)
        if not facts and not timed_out:
            tail = stderr[-MAX_DIAGNOSTIC_BYTES:].decode("utf-8", "replace").strip().splitlines()
            raise SandboxFailed(
                f"the local harness failed (exit code {process.returncode}): "
                f"{tail[-1] if tail else 'no output'}"
            )
        duration = time.monotonic() - start
        return RunResult(junit, facts_from(self, None, facts, problems, timed_out, duration))


def _environment() -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT")
    return {k: v for k, v in os.environ.items() if k in keep}


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
