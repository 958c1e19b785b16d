"""Paths and helpers shared by the grader's tests."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
TINY = FIXTURES / "challenges" / "tiny"
TINY_SUBMISSIONS = FIXTURES / "submissions" / "tiny"
CHALLENGES = ROOT / "challenges"
LABEL = "dev.grader.run"


@contextmanager
def ctrl_c_as_at_a_terminal() -> Iterator[None]:
    """Children started inside take SIGINT as Ctrl-C at a terminal does. A test run started in
    the background by a non-interactive shell (``cmd &``) inherits SIGINT ignored, children
    inherit that, and Python then never raises KeyboardInterrupt. A handler (unlike "ignored")
    is reset to the default by exec."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_grader(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """The real CLI, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "grader", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=timeout,
        check=False,
    )


def grade_json(*args: str | Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Grade through the CLI and return the JSON scorecard (asserting exit code 0)."""
    proc = run_grader("grade", *args, "--format", "json", env=env)
    assert proc.returncode == 0, proc.stderr
    document: dict[str, Any] = json.loads(proc.stdout)
    return document


def statuses(card: dict[str, Any]) -> dict[str, str]:
    return {t["name"]: t["status"] for t in card["tests"]}
