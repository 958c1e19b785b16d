"""Finding and killing every process a candidate started. Standard library only.

A process that makes itself a child subreaper inherits the orphans of its descendants, so a
daemon that double-forks and calls setsid is still found by walking the parent links down from
it. Where the candidate has its own uid, every process of that uid is killed as well.
"""

from __future__ import annotations

import contextlib
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


def sweep(uid: int | None, statuses: dict[int, int], protect: frozenset[int] = frozenset()) -> int:
    """SIGKILL, until none is left, every process that belongs to the candidate's side.

    That is every descendant of this (subreaper) process, orphans it adopted included, and,
    when given, every process whose real uid is ``uid``; but never a ``protect``-ed process
    (another live worker) or anything below one. Records exit statuses of reaped children in
    ``statuses``; returns how many processes were killed."""
    me = os.getpid()
    killed: set[int] = set()
    for _ in range(200):
        victims = _victims(me, uid, protect)
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
    return len(killed)


def signal_all(sig: int, uid: int | None, protect: frozenset[int]) -> set[int]:
    """Send ``sig`` to every process ``sweep`` would kill, until no new one appears (used with
    SIGSTOP, so that processes forked meanwhile are caught in the next round)."""
    me = os.getpid()
    reached: set[int] = set()
    for _ in range(50):
        fresh = [p for p in _victims(me, uid, protect) if p not in reached]
        if not fresh:
            break
        for pid in fresh:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, sig)
            reached.add(pid)
    return reached


def _collect_exited(statuses: dict[int, int]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        statuses[pid] = status


def _victims(root: int, uid: int | None, protect: frozenset[int]) -> list[int]:
    parents: dict[int, int] = {}
    uids: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            info = _process_info(int(entry.name))
            if info is not None and info[0] not in "ZX":
                parents[int(entry.name)], uids[int(entry.name)] = info[1], info[2]

    def chain(pid: int) -> list[int]:
        ancestors = []
        ancestor = parents.get(pid)
        while ancestor is not None and ancestor > 1 and len(ancestors) < 10_000:
            ancestors.append(ancestor)
            ancestor = parents.get(ancestor)
        return ancestors

    victims = []
    for pid in parents:
        if pid == root or pid in protect:
            continue
        ancestors = chain(pid)
        if protect.intersection(ancestors):
            continue
        if root in ancestors or (uid is not None and uids[pid] == uid):
            victims.append(pid)
    return sorted(victims)


def _process_info(pid: int) -> tuple[str, int, int] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    uid_line = next((line for line in status.splitlines() if line.startswith("Uid:")), "Uid: -1")
    return fields[0], int(fields[1]), int(uid_line.split()[1])


def oom_kill_count() -> int:
    """How many processes the kernel's OOM killer has killed in this cgroup (0 if unknown)."""
    for path in ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"):
        try:
            text = Path(path).read_text()
        except OSError:
            continue
        for line in text.splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
    return 0
