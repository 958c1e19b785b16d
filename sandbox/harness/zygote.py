"""The zygote: a fork server that starts a fresh worker for every test in a couple of ms.

The grading's runner (runner.py) is the zygote: it imports numpy and the worker code once, forks
the pytest process, then serves pytest's requests on a SOCK_SEQPACKET control socket (JSON,
trusted on both ends) until pytest hangs up:

    {"op": "spawn", "config": {...}}      -> {"pid": n, "oom_kills": k} + two fds: the harness's
                                             ends of the worker's channel and output pipe
    {"op": "reap", "pid": n, "config": c} -> {"exit_code": int|None, "signal": int|None, "strays": k}
    {"op": "prefetch", "config": {...}}   -> no reply; forks the first test's worker ahead of time
    {"op": "freeze", "config": {...}}     -> {"frozen": n}: SIGSTOP that side's every process
    {"op": "thaw"}                        -> {}: SIGCONT what was frozen
    {"op": "exit"}

The zygote is a child subreaper, so everything a worker starts, double-forked daemons
included, stays its descendant; ``reap`` kills them all (and, where the worker has its own uid,
every process of that uid), never pytest or another live worker, before it reports how the
worker ended. Then it forks the next test's worker ahead of time; a new worker first empties the
scratch space of what earlier workers left, before any candidate code runs. A spawned child
drops to the worker's uid, limits, scratch folder and scrubbed environment before any candidate
code runs. The zygote never holds test data: only the pytest process loads tests.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import random
import resource
import shutil
import signal
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy

from harness import reaper, wire, worker

CHANNEL_FD = 3
# Imported once here, so that no worker pays for them again: numpy's lazily loaded submodules
# (numpy.random alone costs a fresh process 10-20 ms) and the standard modules solutions use.
WARM_MODULES = (
    "numpy.random",
    "numpy.linalg",
    "numpy.fft",
    "bisect",
    "collections",
    "dataclasses",
    "functools",
    "heapq",
    "itertools",
    "math",
    "numbers",
    "operator",
    "random",
    "statistics",
    "typing",
    "warnings",
)
WORKER_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def warm_up() -> None:
    """Import what workers will need and run numpy's one-time initialisation (BLAS buffers,
    the random module's tables) here, once, instead of in every worker. Nothing of a test is
    loaded yet. (Each worker then seeds the global random states itself: see _become_worker.)"""
    for name in WARM_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    square = numpy.eye(4)
    numpy.linalg.norm(square @ square)
    numpy.random.default_rng(0).standard_normal(4)


@dataclass
class _Worker:
    """A worker the zygote forked, and the harness's ends of its channel and output pipe."""

    pid: int
    config: dict[str, Any]
    channel: int
    output: int
    oom_kills: int


class Server:
    """The zygote's state: the live workers, and at most one warm worker waiting for a test.

    After a worker is reaped, and its processes and scratch files are gone, the next worker for
    the same configuration is forked straight away, so that a test's first call finds it ready.
    Each test still gets a fresh process that has seen nothing of the tests before it."""

    def __init__(self, control: socket.socket, harness: frozenset[int]) -> None:
        self.control = control
        self.harness = harness  # pytest: never swept, frozen or outlived by the zygote's care
        self.live: dict[int, dict[str, Any]] = {}
        self.statuses: dict[int, int] = {}
        self.warm: _Worker | None = None
        self.frozen: set[int] = set()

    def serve(self, deadline: float) -> None:
        """Answer requests until pytest says exit or hangs up, or ``deadline`` (monotonic) passes."""
        while True:
            try:
                self.control.settimeout(max(deadline - time.monotonic(), 0.001))
                data = self.control.recv(65536)
            except OSError:  # socket.timeout included: the caller kills pytest
                return
            if not data:
                return
            request = json.loads(data)
            if request["op"] == "spawn":
                self._hand_over(self._take(request["config"]))
            elif request["op"] == "freeze":
                self._reply({"frozen": self._freeze(request["config"])})
            elif request["op"] == "thaw":
                self._thaw()
                self._reply({})
            elif request["op"] == "prefetch" and self.warm is None:
                self.warm = self._fork(request["config"])
            elif request["op"] == "reap":
                self._reply(self._reap(request["pid"]))
                if request["config"].get("prefetch"):
                    self.warm = self._fork(request["config"])
            else:
                return

    def _reply(self, message: dict[str, Any], fds: list[int] | None = None) -> None:
        data = json.dumps(message).encode()
        if fds:
            socket.send_fds(self.control, [data], fds)
        else:
            self.control.send(data)

    def _take(self, config: dict[str, Any]) -> _Worker:
        """The warm worker when it has this configuration, else a new one (the warm one waits)."""
        if self.warm is not None and self.warm.config == config:
            warm, self.warm = self.warm, None
            return warm
        return self._fork(config)

    def _hand_over(self, worker_: _Worker) -> None:
        self._reply({"pid": worker_.pid, "oom_kills": worker_.oom_kills}, [worker_.channel, worker_.output])
        os.close(worker_.channel)
        os.close(worker_.output)

    def _discard(self, worker_: _Worker) -> None:
        os.close(worker_.channel)
        os.close(worker_.output)
        self._reap(worker_.pid)

    def _fork(self, config: dict[str, Any]) -> _Worker:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        out_read, out_write = os.pipe()
        oom_kills = reaper.oom_kill_count()
        pid = _spawn(config, [theirs.detach(), out_write], self.control, keep=set(self.live))
        os.close(out_write)
        self.live[pid] = config
        return _Worker(pid, config, ours.detach(), out_read, oom_kills)

    def _reap(self, pid: int) -> dict[str, Any]:
        """Kill the worker, everything it started and everything of its uid."""
        config = self.live.pop(pid, {})
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        status = self._status(pid)
        protect = self.harness | frozenset(self.live) | ({self.warm.pid} if self.warm else set())
        strays = reaper.sweep(config.get("uid"), self.statuses, protect)
        return {
            "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "strays": strays,
        }

    def _status(self, pid: int) -> int:
        if pid not in self.statuses:
            try:
                _, status = os.waitpid(pid, 0)
                self.statuses[pid] = status
            except ChildProcessError:
                self.statuses[pid] = 0
        return self.statuses.pop(pid)

    def _freeze(self, config: dict[str, Any]) -> int:
        """Stop every process of the side ``config`` describes (e.g. while the reference is timed)."""
        others = self.harness | frozenset(pid for pid, live in self.live.items() if live != config)
        self.frozen = reaper.signal_all(signal.SIGSTOP, config.get("uid"), others)
        return len(self.frozen)

    def _thaw(self) -> None:
        for pid in self.frozen:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGCONT)
        self.frozen = set()

    def shutdown(self) -> None:
        """Kill the warm worker and whatever else is left of the workers (never pytest)."""
        if self.warm is not None:
            self._discard(self.warm)
            self.warm = None
        reaper.sweep(None, self.statuses, self.harness)


def _spawn(config: dict[str, Any], fds: list[int], control: socket.socket, keep: set[int]) -> int:
    """Fork a worker; ``keep`` are the pids of live workers whose scratch folders stay."""
    channel_fd, output_fd = fds
    pid = os.fork()
    if pid == 0:
        status = 70
        try:
            control.close()
            source = _read_source(config.get("module_path"))
            _become_worker(config, channel_fd, output_fd, keep)
            channel = socket.socket(fileno=CHANNEL_FD)
            worker.serve(channel, config["entry_module"], wire.WireLimits(**config["wire"]), source)
            status = 0
        except BaseException as exc:  # noqa: BLE001 - the child must never return into the loop
            with contextlib.suppress(OSError):
                os.write(2, f"worker failed to start: {exc!r}\n".encode())
        finally:
            os._exit(status)
    os.close(channel_fd)
    return pid


def _read_source(path: str | None) -> tuple[str, str] | None:
    """A module the worker cannot read itself (the reference), read while still privileged."""
    if path is None:
        return None
    return path, Path(path).read_text(encoding="utf-8")


def _become_worker(config: dict[str, Any], channel_fd: int, output_fd: int, keep: set[int]) -> None:
    """In the child: new session, fds, limits, identity, scratch, environment, import path."""
    os.setsid()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(output_fd, 1)
    os.dup2(output_fd, 2)
    if channel_fd != CHANNEL_FD:  # dup3 refuses equal fds
        os.dup2(channel_fd, CHANNEL_FD, inheritable=False)
    os.set_inheritable(CHANNEL_FD, False)
    os.closerange(CHANNEL_FD + 1, _max_fd())
    _set_oom_score()
    _set_limits(config["rlimits"])
    uid, gid = config.get("uid"), config.get("gid")
    if uid is not None:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
        if os.getuid() != uid or os.geteuid() != uid:
            raise RuntimeError("could not switch to the worker's uid")
    _empty_scratch(config["scratch_root"], {f"worker-{pid}" for pid in keep})
    scratch = Path(config["scratch_root"]) / f"worker-{os.getpid()}"
    scratch.mkdir(mode=0o700)
    os.chdir(scratch)
    os.environ.clear()
    os.environ.update(WORKER_ENV, HOME=str(scratch), TMPDIR=str(scratch))
    # Global random states start from the grading's seed, not from the zygote's entropy: a
    # solution that (wrongly) draws from them behaves the same on every regrade.
    seed = config.get("global_seed", 0)
    numpy.random.seed(seed)
    random.seed(seed)
    sys.dont_write_bytecode = True
    # Never read bytecode shipped next to a source (a submission's __pycache__ included): only
    # the image's read-only prefix, or in the local sandbox a fresh, empty one.
    sys.pycache_prefix = config.get("pycache_prefix") or str(scratch / ".pycache")
    submission = Path(config["submission_dir"])
    sys.path.append(str(submission))
    sys.meta_path.insert(0, worker.ImportRestriction(config["allowed_imports"], submission))
    sys.stdout = open(1, "w", buffering=1, closefd=False, errors="backslashreplace")  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, closefd=False, errors="backslashreplace")  # noqa: SIM115


def _max_fd() -> int:
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft if soft != resource.RLIM_INFINITY else 4096


def _set_oom_score() -> None:
    with contextlib.suppress(OSError):  # the kernel's OOM killer should pick a worker, never the harness
        Path("/proc/self/oom_score_adj").write_text("1000")


def _set_limits(rlimits: dict[str, int]) -> None:
    for name, value in rlimits.items():
        which = getattr(resource, f"RLIMIT_{name.upper()}")
        _soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, value))


def _empty_scratch(root: str, keep: set[str]) -> None:
    """Remove what earlier workers of this uid left in the scratch space (but not ``keep``).

    Runs in the new worker under its own uid, before any candidate code: the harness (root
    without DAC override) could not enter a worker's 0700 folders, and nothing of the earlier
    workers is running any more."""
    for entry in os.scandir(root):
        if entry.name not in keep:
            _remove(entry.path)


def _remove(path: str) -> None:
    def make_writable(_function: object, failed: str, _exc: object) -> None:
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(failed), 0o700)
            os.chmod(failed, 0o700)
            if os.path.isdir(failed) and not os.path.islink(failed):
                shutil.rmtree(failed, ignore_errors=True)
            else:
                os.unlink(failed)

    with contextlib.suppress(OSError):
        if os.path.isdir(path) and not os.path.islink(path):
            os.chmod(path, 0o700)
            shutil.rmtree(path, onerror=make_writable)
        else:
            os.unlink(path)
