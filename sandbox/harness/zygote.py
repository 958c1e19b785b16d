"""The zygote: a fork server that starts a fresh worker for every test in a couple of ms.

It runs with the harness's identity, imports numpy and the worker code once, then waits for
requests from the harness on a SOCK_SEQPACKET control socket (JSON, trusted on both ends):

    {"op": "spawn", "config": {...}}  + two fds (channel, output) -> {"pid": n}
    {"op": "reap", "pid": n}          -> {"exit_code": int|None, "signal": int|None, "strays": k}
    {"op": "exit"}

The zygote makes itself a child subreaper, so everything a worker starts, double-forked daemons
included, stays its descendant; ``reap`` kills them all (and, where the worker has its own uid,
every process of that uid) before it reports how the worker ended. A spawned child drops to the
worker's uid, limits, scratch folder and scrubbed environment before any candidate code runs.
The zygote holds no test data: the harness starts it before anything secret is loaded.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import sys
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # started as a script under `python -I`: make the package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import contextlib

import numpy  # noqa: F401 - imported once here so that every worker starts warm

from harness import reaper, wire, worker

CHANNEL_FD = 3
WORKER_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def main(control_fd: int) -> None:
    """Serve spawn and reap requests until told to exit or the harness goes away."""
    reaper.become_subreaper()
    control = socket.socket(fileno=control_fd)
    statuses: dict[int, int] = {}
    while True:
        try:
            data, fds, _flags, _addr = socket.recv_fds(control, 65536, 4)
        except OSError:
            return
        if not data:
            return
        request = json.loads(data)
        if request["op"] == "spawn":
            reply = {"pid": _spawn(request["config"], fds, control)}
        elif request["op"] == "reap":
            reply = _reap(request["pid"], request.get("uid"), statuses)
        else:
            return
        control.send(json.dumps(reply).encode())


def _spawn(config: dict[str, Any], fds: list[int], control: socket.socket) -> int:
    channel_fd, output_fd = fds
    pid = os.fork()
    if pid == 0:
        status = 70
        try:
            control.close()
            _become_worker(config, channel_fd, output_fd)
            channel = socket.socket(fileno=CHANNEL_FD)
            worker.serve(channel, config["entry_module"], wire.WireLimits(**config["wire"]))
            status = 0
        except BaseException as exc:  # noqa: BLE001 - the child must never return into the loop
            with contextlib.suppress(OSError):
                os.write(2, f"worker failed to start: {exc!r}\n".encode())
        finally:
            os._exit(status)
    os.close(channel_fd)
    os.close(output_fd)
    return pid


def _become_worker(config: dict[str, Any], channel_fd: int, output_fd: int) -> None:
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
    scratch = Path(config["scratch_root"]) / f"worker-{os.getpid()}"
    scratch.mkdir(mode=0o700)
    os.chdir(scratch)
    os.environ.clear()
    os.environ.update(WORKER_ENV, HOME=str(scratch), TMPDIR=str(scratch))
    sys.dont_write_bytecode = True
    sys.pycache_prefix = str(scratch / ".pycache")  # never read a shipped __pycache__
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


def _reap(pid: int, uid: int | None, statuses: dict[int, int]) -> dict[str, Any]:
    strays = reaper.sweep(uid, statuses, spare=pid)
    if pid not in statuses:
        try:
            _, status = os.waitpid(pid, 0)
            statuses[pid] = status
        except ChildProcessError:
            statuses[pid] = 0
    status = statuses.pop(pid)
    return {
        "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "strays": strays,
    }


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the harness decides when the zygote ends
    main(int(sys.argv[1]))
