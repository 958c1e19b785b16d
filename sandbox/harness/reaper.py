"""Finding and killing every process a candidate started. Standard library only.

A process that makes itself a child subreaper inherits the orphans of its descendants, so a
daemon that double-forks and calls setsid is still found by walking the parent links down from
it. Where the candidate has its own uid, every process of that uid is killed as well.
"""

from __future__ import annotations

import ctypes
import os
import signal
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> bool:
    """Make orphaned descendants of this process its children instead of init's."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def sweep(uid: int | None, statuses: dict[int, int], spare: int = 0) -> int:
    """SIGKILL every descendant (and every process of ``uid``) until none is left.

    Returns how many processes other than ``spare`` had to be killed."""
    me = os.getpid()
    killed: set[int] = set()
    for _ in range(200):
        victims = [p for p in _candidate_processes(me, uid) if p != me]
        if not victims:
            break
        for victim in victims:
            try:
                os.kill(victim, signal.SIGKILL)
                killed.add(victim)
            except (ProcessLookupError, PermissionError):
                pass
        _collect_exited(statuses)
        time.sleep(0.001)
    _collect_exited(statuses)
    return len(killed - {spare})


def _collect_exited(statuses: dict[int, int]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        statuses[pid] = status


def _candidate_processes(root: int, uid: int | None) -> list[int]:
    """Live descendants of ``root`` plus, when given, live processes whose real uid is ``uid``."""
    parents: dict[int, int] = {}
    matches: list[int] = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        info = _process_info(pid)
        if info is None:
            continue
        state, ppid, real_uid = info
        if state in "ZX":
            continue
        parents[pid] = ppid
        if uid is not None and real_uid == uid:
            matches.append(pid)
    for pid in parents:
        ancestor = parents.get(pid)
        while ancestor is not None and ancestor > 1:
            if ancestor == root:
                matches.append(pid)
                break
            ancestor = parents.get(ancestor)
    return sorted(set(matches))


def _process_info(pid: int) -> tuple[str, int, int] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    uid_line = next((line for line in status.splitlines() if line.startswith("Uid:")), "Uid: -1")
    return fields[0], int(fields[1]), int(uid_line.split()[1])
