"""The harness's side of a worker: the ``candidate`` object tests call, and the process control
behind it.

``candidate.kmeans(X, k=3)`` becomes a request on the wire to a worker process that a zygote
forked for this test; the reply is decoded as hostile data. Every wait has the test's deadline
and watches the worker's output pipe too, so a worker that hangs, floods its output, dies or
sends garbage fails only this test, with a verdict that says which. Nothing here imports or
runs candidate code.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import json
import os
import select
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NoReturn

from harness import reaper, wire

_REraisable = (
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "FloatingPointError",
    "ImportError",
    "IndexError",
    "KeyError",
    "LookupError",
    "ModuleNotFoundError",
    "NameError",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "RecursionError",
    "RuntimeError",
    "StopIteration",
    "TypeError",
    "UnboundLocalError",
    "UnicodeError",
    "ValueError",
    "ZeroDivisionError",
    "Exception",
)


class HarnessFailure(Exception):
    """The harness itself could not do its job (e.g. it lost its zygote): nobody's verdict."""


class CandidateError(Exception):
    """Base of everything a worker's side can make a call end with."""

    status = "error"
    role = "candidate"  # or "reference": which worker the failure came from

    def __init__(self, reason: str, details: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details


class CandidateRaised(CandidateError):
    """The candidate's code raised; instances are also instances of the matching builtin."""

    candidate_type = "Exception"


class CandidateTimeout(CandidateError):
    status = "timeout"


class CandidateMemoryLimit(CandidateError):
    status = "memory_limit"


class CandidateOutputLimit(CandidateError):
    status = "output_limit"


class CandidateResourceLimit(CandidateError):
    status = "resource_limit"


class CandidateCrashed(CandidateError):
    status = "crashed"


class BudgetExhausted(CandidateError):
    status = "not_run"


_raised_classes: dict[str, type[CandidateRaised]] = {}


def raised_class(builtin_name: str) -> type[CandidateRaised]:
    """A subclass of both CandidateRaised and the named builtin exception."""
    if builtin_name not in _REraisable:
        builtin_name = "Exception"
    if builtin_name not in _raised_classes:
        base = getattr(builtins, builtin_name)
        cls = type(builtin_name, (CandidateRaised, base), {"__module__": "candidate"})
        _raised_classes[builtin_name] = cls
    return _raised_classes[builtin_name]


@dataclass(frozen=True)
class WorkerExit:
    exit_code: int | None
    signal: int | None
    strays: int


class Zygote:
    """The client end of the zygote's control socket (the runner process is the zygote)."""

    def __init__(self, control: socket.socket) -> None:
        self._control = control

    def spawn(self, config: dict[str, Any]) -> tuple[int, socket.socket, int, int]:
        """A worker for one test: its pid, the harness's ends of its channel and output pipe, and
        the OOM-kill count from before it was forked."""
        try:
            self._control.send(json.dumps({"op": "spawn", "config": config}).encode())
            data, fds, _flags, _address = socket.recv_fds(self._control, 65536, 2)
            reply = json.loads(data)
        except (OSError, ValueError) as exc:
            raise HarnessFailure(f"the zygote did not start a worker: {exc!r}") from None
        if len(fds) != 2:
            raise HarnessFailure("the zygote did not hand over a worker")
        channel = socket.socket(fileno=fds[0])
        channel.setblocking(False)
        os.set_blocking(fds[1], False)
        return int(reply["pid"]), channel, fds[1], int(reply["oom_kills"])

    def prefetch(self, config: dict[str, Any]) -> None:
        """Have the first worker for ``config`` forked now, while pytest is still collecting."""
        self._control.send(json.dumps({"op": "prefetch", "config": config}).encode())

    @contextmanager
    def frozen(self, config: dict[str, Any]) -> Iterator[None]:
        """Every process of the side ``config`` describes stopped for the duration of the block."""
        try:
            self._control.send(json.dumps({"op": "freeze", "config": config}).encode())
            json.loads(self._control.recv(65536))
        except (OSError, ValueError) as exc:
            raise HarnessFailure(f"the zygote could not freeze a worker: {exc!r}") from None
        try:
            yield
        finally:
            self._control.send(json.dumps({"op": "thaw"}).encode())
            self._control.recv(65536)

    def reap(self, pid: int, config: dict[str, Any]) -> WorkerExit:
        """Kill the worker and everything it started, empty the scratch space; how it ended."""
        try:
            self._control.send(json.dumps({"op": "reap", "pid": pid, "config": config}).encode())
            reply = json.loads(self._control.recv(65536))
            return WorkerExit(reply["exit_code"], reply["signal"], reply["strays"])
        except (OSError, ValueError, KeyError) as exc:
            raise HarnessFailure(f"the zygote did not reap worker {pid}: {exc!r}") from None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._control.send(json.dumps({"op": "exit"}).encode())
        self._control.close()


class OutputCapture:
    """Keeps the first ``keep`` bytes a worker writes and counts the rest."""

    def __init__(self, keep: int, flood: int) -> None:
        self.keep, self.flood = keep, flood
        self.head = bytearray()
        self.total = 0

    def drain(self, fd: int) -> bool:
        """Read what is available; False at end of file. Raises on a flood."""
        while True:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                return True
            if not chunk:
                return False
            self.total += len(chunk)
            room = self.keep - len(self.head)
            if room > 0:
                self.head += chunk[:room]
            if self.total > self.flood:
                raise CandidateOutputLimit(
                    f"wrote more than {self.flood // 1024:,} KiB of output",
                )

    def text(self) -> str:
        body = self.head.decode("utf-8", "replace")
        if self.total > len(self.head):
            body += f"\n[... output truncated: {self.total:,} bytes written, first {len(self.head):,} kept]"
        return body


class WorkerSession:
    """One test's worker: spawned on first use, killed (with all it started) at the end."""

    def __init__(self, zygote: Zygote, job: dict[str, Any], deadline: float, role: str = "candidate") -> None:
        self.zygote = zygote
        self.role = role
        self.config = job["worker"]
        self.limits = wire.WireLimits(**self.config["wire"])
        self.deadline = deadline
        self.per_test_seconds = job["limits"]["per_test_seconds"]
        self.memory_mb = job["limits"]["memory_mb"]
        self.output = OutputCapture(job["limits"]["output_keep_bytes"], job["limits"]["output_flood_bytes"])
        self.failure: CandidateError | None = None  # sticky: the first fatal verdict of this test
        self.calls = 0
        self._pid: int | None = None
        self._channel: socket.socket | None = None
        self._output_fd: int | None = None
        self._oom_before = 0
        self._import_error: dict[str, Any] | None = None
        self.exit: WorkerExit | None = None

    # -- requests -------------------------------------------------------------------------

    def request(self, message: dict[str, Any]) -> dict[str, Any]:
        """Send one request and return the decoded reply, or raise the call's verdict."""
        __tracebackhide__ = True  # reviewers see the test and the candidate, not the proxy
        if self.failure is not None:
            raise self.failure
        try:
            self._ensure_worker()
            self.calls += 1
            self._send(wire.encode(message, self.limits))
            reply = self._receive()
        except wire.UnsupportedValue as exc:  # the harness's own arguments; a test bug
            raise TypeError(f"cannot send this argument to the candidate: {exc}") from None
        except CandidateError as exc:
            self._fail(exc)
        except wire.WireError as exc:
            self._fail(CandidateCrashed(f"the worker broke the wire protocol: {exc}"))
        if not isinstance(reply, dict):
            self._fail(CandidateCrashed("the worker sent a reply that is not a message"))
        if "bad_value" in reply:
            raise CandidateError(f"returned a value that cannot be graded: {reply['bad_value']}")
        if "raised" in reply:
            raise self._raised(reply["raised"])
        return reply

    def _ensure_worker(self) -> None:
        if self._pid is not None:
            return
        if time.monotonic() >= self.deadline:
            raise BudgetExhausted("not run: the grading time budget ran out before this test")
        self._pid, self._channel, self._output_fd, self._oom_before = self.zygote.spawn(self.config)
        ready = self._receive(importing=True)
        if not isinstance(ready, dict) or "ready" not in ready:
            raise CandidateCrashed("the worker did not start properly")
        if not ready["ready"]:
            self._import_error = ready.get("import_error") or {}

    def _raised(self, info: Any) -> CandidateError:
        __tracebackhide__ = True  # reviewers see the test and the candidate, not the proxy
        info = info if isinstance(info, dict) else {}
        type_name = str(info.get("type", "Exception"))
        builtin = str(info.get("builtin", "Exception"))
        message = str(info.get("message", ""))
        details = str(info.get("traceback", ""))
        limit = _limit_verdict(builtin, info.get("errno"), message, self.memory_mb)
        if limit is not None:
            limit.details = details
            self._fail(limit)
        if self._import_error is not None:
            exc: CandidateError = CandidateRaised(
                f"importing the solution raised {type_name}: {message}", details
            )
            exc.candidate_type = type_name  # type: ignore[attr-defined]
            exc.role = self.role
            return exc
        cls = raised_class(builtin)
        raised = cls(message, details)
        raised.role = self.role
        raised.candidate_type = type_name
        raised.reason = f"raised {type_name}: {message}" if message else f"raised {type_name}"
        return raised

    def _fail(self, failure: CandidateError) -> NoReturn:
        __tracebackhide__ = True  # reviewers see the test and the candidate, not the proxy
        failure.role = self.role
        self.failure = failure
        self._stop_worker()
        raise failure

    # -- I/O with deadline ----------------------------------------------------------------

    def _send(self, payload: bytes) -> None:
        assert self._channel is not None
        data = memoryview(wire.frame_header(len(payload)) + payload)
        while data:
            self._wait(write=True, what="sending its arguments")
            try:
                sent = self._channel.send(data)
            except BlockingIOError:
                continue
            except OSError:
                raise self._death() from None
            data = data[sent:]

    def _receive(self, importing: bool = False) -> Any:
        header = self._read_exact(wire.HEADER_SIZE, importing)
        size = wire.parse_header(bytes(header), self.limits)
        return wire.decode(self._read_exact(size, importing), self.limits)

    def _read_exact(self, size: int, importing: bool) -> bytearray:
        assert self._channel is not None
        buffer = bytearray(size)
        view = memoryview(buffer)
        got = 0
        while got < size:
            self._wait(write=False, what="importing the solution" if importing else "")
            try:
                n = self._channel.recv_into(view[got:], size - got)
            except BlockingIOError:
                continue
            except OSError:
                raise self._death() from None
            if n == 0:
                raise self._death()
            got += n
        return buffer

    def _wait(self, write: bool, what: str) -> None:
        """Block until the channel is ready, draining output; raise at the deadline."""
        assert self._channel is not None
        while True:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                during = f" while {what}" if what else ""
                raise CandidateTimeout(f"timed out after {self.per_test_seconds:g} s{during}")
            output = [] if self._output_fd is None else [self._output_fd]
            readers = output + ([] if write else [self._channel])
            writers = [self._channel] if write else []
            ready_r, ready_w, _ = select.select(readers, writers, [], remaining)
            if output and output[0] in ready_r and not self.output.drain(output[0]):
                self._close_output()
            if self._channel in ready_r or self._channel in ready_w:
                return

    def _death(self) -> CandidateError:
        """The verdict for a worker that went away on its own."""
        ended = self._stop_worker()
        if ended is None:
            return CandidateCrashed("the worker stopped")
        if ended.signal == 9 and reaper.oom_kill_count() > self._oom_before:
            return CandidateMemoryLimit(f"exceeded the memory limit ({self.memory_mb} MiB)")
        if ended.signal == 24:  # SIGXCPU
            return CandidateTimeout("used up its CPU-time limit")
        if ended.signal is not None:
            return CandidateCrashed(f"crashed: killed by signal {_signal_name(ended.signal)}")
        return CandidateCrashed(f"the worker process exited with code {ended.exit_code} during a call")

    # -- the end of the test --------------------------------------------------------------

    def _stop_worker(self) -> WorkerExit | None:
        if self._pid is None:
            return None
        ended = self.zygote.reap(self._pid, self.config)
        self._pid = None
        if self._channel is not None:
            self._channel.close()
            self._channel = None
        self._drain_rest()
        self.exit = ended
        return ended

    def _drain_rest(self) -> None:
        """Read what the (now dead) worker left in its output pipe."""
        if self._output_fd is None:
            return
        try:
            while self.output.drain(self._output_fd):
                if not select.select([self._output_fd], [], [], 0.2)[0]:
                    break
        except CandidateOutputLimit:
            pass
        self._close_output()

    def _close_output(self) -> None:
        if self._output_fd is not None:
            os.close(self._output_fd)
            self._output_fd = None

    def finish(self) -> None:
        """Kill the worker and everything it started; the output is kept."""
        self._stop_worker()


def _limit_verdict(builtin: str, err: Any, message: str, memory_mb: int) -> CandidateError | None:
    """The resource verdict behind a candidate exception that only a limit can cause."""
    if builtin == "MemoryError":
        return CandidateMemoryLimit(f"exceeded the memory limit ({memory_mb} MiB)")
    if err == errno.EFBIG:
        return CandidateResourceLimit("hit the file-size limit")
    if err == errno.ENOSPC:
        return CandidateResourceLimit("filled its scratch space")
    if err in (errno.EMFILE, errno.ENFILE):
        return CandidateResourceLimit("hit the open-files limit")
    if err == errno.EAGAIN and builtin in ("BlockingIOError", "OSError"):
        return CandidateResourceLimit("hit the process limit")
    if builtin == "RuntimeError" and "can't start new thread" in message:
        return CandidateResourceLimit("hit the thread limit")
    return None


def _signal_name(number: int) -> str:
    import signal

    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


class Candidate:
    """What a test sees as ``candidate``: attribute access names the candidate's functions."""

    def __init__(self, session: WorkerSession) -> None:
        self._session = session

    def __getattr__(self, name: str) -> RemoteFunction:
        if name.startswith("__"):
            raise AttributeError(name)
        return RemoteFunction(self._session, name, handle=None)

    def rng_fingerprint(self) -> str:
        """A digest of the worker's global numpy and Python random states."""
        return str(self._session.request({"op": "rng_fingerprint"})["ok"])

    def seed_global_rng(self, seed: int) -> None:
        """Seed the worker's global numpy and Python random states."""
        self._session.request({"op": "seed_global_rng", "seed": seed})


class RemoteFunction:
    """A function or method that lives in the worker."""

    def __init__(self, session: WorkerSession, name: str, handle: int | None) -> None:
        self._session, self._name, self._handle = session, name, handle

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        __tracebackhide__ = True  # reviewers see the test and the candidate, not the proxy
        return self._invoke(args, kwargs, return_args=False)

    def returning_args(self, *args: Any, **kwargs: Any) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
        """Call; return the result and the arguments as the candidate left them."""
        __tracebackhide__ = True  # reviewers see the test and the candidate, not the proxy
        result: tuple[Any, tuple[Any, ...], dict[str, Any]] = self._invoke(args, kwargs, True)
        return result

    def _invoke(self, args: tuple[Any, ...], kwargs: dict[str, Any], return_args: bool) -> Any:
        __tracebackhide__ = True  # reviewers see the test and the candidate, not the proxy
        reply = self._session.request(
            {
                "op": "call",
                "target": self._name,
                "handle": self._handle,
                "args": list(args),
                "kwargs": kwargs,
                "return_args": return_args,
            }
        )
        value = _unwrap(self._session, reply)
        if return_args:
            return value, tuple(reply.get("args_after") or ()), dict(reply.get("kwargs_after") or {})
        return value

    def __repr__(self) -> str:
        return f"<candidate function {self._name}>"


class RemoteObject:
    """An object that lives in the worker (e.g. a fitted model), reached through a handle."""

    def __init__(self, session: WorkerSession, handle: int, type_name: str) -> None:
        self._session, self._handle, self._type_name = session, handle, type_name

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        reply = self._session.request({"op": "getattr", "handle": self._handle, "name": name})
        if reply.get("callable"):
            return RemoteFunction(self._session, name, handle=self._handle)
        return _unwrap(self._session, reply)

    def __repr__(self) -> str:
        return f"<candidate object {self._type_name} #{self._handle}>"


def _unwrap(session: WorkerSession, reply: dict[str, Any]) -> Any:
    if "handle" in reply and isinstance(reply["handle"], int):
        return RemoteObject(session, reply["handle"], str(reply.get("type", "object")))
    if "ok" not in reply:
        raise CandidateCrashed("the worker sent a reply without a value")
    return reply["ok"]
