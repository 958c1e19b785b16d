"""Run stage: a challenge and a staged submission -> the raw JUnit XML and the facts of the run.

A ``Sandbox`` runs the harness (``sandbox/harness/runner.py``) over a run folder:

    <run>/harness/harness/     the harness package (copied)
    <run>/harness/challenge/   the challenge's tests and reference solution (the reference runs
                               only in its own worker, under its own uid, for efficiency tests)
    <run>/harness/job.json     paths (as the sandbox sees them), limits, seed
    <run>/submission/          the staged submission (written by the stage step)
    <run>/results/             the harness writes junit.xml, run.json and pytest.log here
    <run>/scratch/             local sandbox only: the workers' scratch space

The harness's results are read back as untrusted data: opened without following links,
required to be regular files, and capped in size.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from grader.models import Challenge, Limits, RunFacts, RunResult, SandboxKind, Suite
from grader.resources import harness_dir

MAX_JUNIT_BYTES = 8 * 1024 * 1024
MAX_FACTS_BYTES = 64 * 1024
WIRE_MAX_BYTES = 64 * 1024 * 1024
ADDRESS_SPACE_HEADROOM_MB = 256
HARNESS_MEMORY_MB = 256


class Sandbox(Protocol):
    """Something that can run the harness over a prepared run folder."""

    kind: SandboxKind
    isolated: bool

    def run(self, job: RunJob) -> RunResult: ...

    def close(self) -> None:
        """Release what the sandbox holds (a Docker client's connections); idempotent."""


@dataclass(frozen=True)
class RunJob:
    """One grading's run folder and settings."""

    run_dir: Path
    challenge: Challenge
    suite: Suite
    seed: int
    fail_fast: bool = False

    @property
    def limits(self) -> Limits:
        return self.challenge.limits

    @property
    def harness(self) -> Path:
        return self.run_dir / "harness"

    @property
    def submission(self) -> Path:
        return self.run_dir / "submission"

    @property
    def results(self) -> Path:
        return self.run_dir / "results"

    @property
    def scratch(self) -> Path:
        return self.run_dir / "scratch"

    @property
    def deadline_seconds(self) -> float:
        """How long the whole run may take, from the sandbox's start to its end."""
        return self.limits.wall_seconds + 60.0


@dataclass(frozen=True)
class SandboxPaths:
    """Where a sandbox's processes see the run folder's parts."""

    harness: str
    results: str
    harness_tmp: str
    submission: str
    scratch: str
    worker_uid: int | None
    pycache: str | None = None
    reference_uid: int | None = None


_running: dict[int, Callable[[], None]] = {}
_running_lock = threading.Lock()


@contextmanager
def cancellable(cancel: Callable[[], None]) -> Iterator[None]:
    """Register how to stop a running sandbox while the block runs (see cancel_all_runs)."""
    with _running_lock:
        token = id(cancel)
        _running[token] = cancel
    try:
        yield
    finally:
        with _running_lock:
            _running.pop(token, None)


def cancel_all_runs() -> int:
    """Stop every sandbox that is running in this process (e.g. on Ctrl-C during a batch)."""
    with _running_lock:
        cancels = list(_running.values())
    for cancel in cancels:
        cancel()
    return len(cancels)


def prepare_run_dir(run_dir: Path, challenge: Challenge) -> None:
    """Create the run folder's parts and copy in the harness and the challenge's tests."""
    for part in ("harness", "submission", "results", "scratch"):
        (run_dir / part).mkdir(mode=0o755)
    shutil.copytree(harness_dir(), run_dir / "harness" / "harness", ignore=_IGNORED)
    tests_copy = run_dir / "harness" / "challenge" / "tests"
    shutil.copytree(challenge.root / "tests", tests_copy, ignore=_IGNORED)
    shutil.copyfile(challenge.reference_path, run_dir / "harness" / "challenge" / "reference.py")


_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


def write_job(job: RunJob, paths: SandboxPaths) -> Path:
    """Write job.json for the harness, with paths as the sandbox sees them."""
    limits = job.limits
    tests = {Suite.PUBLIC: ["tests/public"], Suite.HIDDEN: ["tests/hidden"]}.get(
        job.suite, ["tests/public", "tests/hidden"]
    )
    document: dict[str, Any] = {
        "challenge_dir": f"{paths.harness}/challenge",
        "test_paths": tests,
        "results_dir": paths.results,
        "harness_tmp": paths.harness_tmp,
        "pycache_prefix": paths.pycache,
        "seed": job.seed,
        "fail_fast": job.fail_fast,
        "limits": {
            "wall_seconds": limits.wall_seconds,
            "per_test_seconds": limits.per_test_seconds,
            "memory_mb": limits.memory_mb,
            "output_keep_bytes": limits.output_keep_kb * 1024,
            "output_flood_bytes": limits.output_flood_kb * 1024,
        },
        "worker": {
            "submission_dir": paths.submission,
            "entry_module": job.challenge.entry_module,
            "uid": paths.worker_uid,
            "gid": paths.worker_uid,
            "scratch_root": paths.scratch,
            "pycache_prefix": paths.pycache,
            "allowed_imports": list(job.challenge.allowed_imports),
            "global_seed": job.seed,
            "rlimits": worker_rlimits(limits),
            "wire": {"max_bytes": WIRE_MAX_BYTES},
            "prefetch": True,
        },
        "reference_worker": {
            "entry_module": "reference",
            "module_path": f"{paths.harness}/challenge/reference.py",
            "uid": paths.reference_uid,
            "gid": paths.reference_uid,
            "prefetch": False,
        },
    }
    path = job.harness / "job.json"
    path.write_text(json.dumps(document, indent=1))
    path.chmod(0o644)
    return path


def worker_rlimits(limits: Limits) -> dict[str, int]:
    """Per-process limits of a worker (the container's cgroup limits come on top)."""
    mib = 1024 * 1024
    return {
        "as": (limits.memory_mb + ADDRESS_SPACE_HEADROOM_MB) * mib,
        "fsize": limits.file_size_mb * mib,
        "nofile": limits.open_files,
        "core": 0,
        "cpu": int(limits.wall_seconds) + 1,
    }


def facts_from(
    sandbox: Sandbox,
    image_id: str | None,
    facts: dict[str, Any],
    problems: tuple[str, ...],
    timed_out: bool,
    duration: float,
) -> RunFacts:
    """RunFacts from what the harness recorded in run.json and what the sandbox saw."""
    raw_versions = facts.get("versions")
    versions: dict[str, Any] = raw_versions if isinstance(raw_versions, dict) else {}
    code = facts.get("pytest_exit_code")
    started = facts.get("started_at")
    return RunFacts(
        sandbox=sandbox.kind,
        isolated=sandbox.isolated,
        image_id=image_id,
        pytest_exit_code=code if type(code) is int else None,
        timed_out=timed_out or facts.get("pytest_timed_out") is True,
        duration_seconds=round(duration, 3),
        started_at=_iso(started) if isinstance(started, (int, float)) else "",
        versions=tuple((str(k), str(v)) for k, v in sorted(versions.items()))[:8],
        stray_processes_killed=int(facts.get("stray_processes_killed") or 0),
        problems=problems,
    )


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).isoformat(timespec="seconds")


def read_results(results: Path) -> tuple[bytes | None, dict[str, Any], tuple[str, ...]]:
    """junit.xml bytes (or None), run.json facts, and what was wrong reading them."""
    problems: list[str] = []
    junit = read_untrusted(results / "junit.xml", MAX_JUNIT_BYTES, problems)
    facts_bytes = read_untrusted(results / "run.json", MAX_FACTS_BYTES, problems)
    facts: dict[str, Any] = {}
    if facts_bytes is not None:
        try:
            loaded = json.loads(facts_bytes)
            facts = loaded if isinstance(loaded, dict) else {}
        except ValueError:
            problems.append("run.json is not valid JSON")
    return junit, facts, tuple(problems)


def read_untrusted(path: Path, limit: int, problems: list[str]) -> bytes | None:
    """A sandbox-written file: no links followed, regular files only, at most ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        problems.append(f"{path.name} is missing")
        return None
    except OSError as exc:
        problems.append(f"{path.name} could not be opened safely ({exc.strerror})")
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            problems.append(f"{path.name} is not a regular file")
            return None
        data = handle.read(limit + 1)
    if len(data) > limit:
        problems.append(f"{path.name} is larger than {limit // 1024} KiB")
        return None
    return data
