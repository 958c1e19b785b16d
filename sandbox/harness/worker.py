"""The worker: imports the candidate's code and answers the harness's calls. Runs untrusted code.

Everything here executes in a process the candidate controls, so nothing here is trusted by the
harness: the worker's only output that matters is the data it sends back over the wire, and the
harness decodes that as hostile input. The worker's job is to make honest code behave well:
catch every exception (``BaseException`` included, so ``sys.exit`` or ``pytest.skip`` from
candidate code become data), keep stateful objects behind handles, and describe failures
clearly.

Requests (dicts) and their replies:

    {"op": "call", "target": name, "handle": int|None, "args": [...], "kwargs": {...},
     "return_args": bool}
        -> {"ok": value} | {"handle": id, "type": name} | {"raised": exception}
           | {"bad_value": why}; with return_args also "args_after"/"kwargs_after"
    {"op": "getattr", "handle": int|None, "name": str}   -> as above, or {"callable": True}
    {"op": "rng_fingerprint"}                            -> {"ok": hex digest}
    {"op": "seed_global_rng", "seed": int}               -> {"ok": None}

The first message the worker sends is {"ready": True} once the candidate's module is
imported, or {"ready": False, "import_error": exception} when importing it failed.
"""

from __future__ import annotations

import hashlib
import importlib
import random
import socket
import sys
import traceback
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from harness import wire

MAX_MESSAGE_CHARS = 4_000
MAX_TRACEBACK_CHARS = 16_000
_PLAIN_TYPES = (type(None), bool, int, float, str, list, tuple, dict, np.ndarray, np.generic)


def serve(
    channel: socket.socket, entry_module: str, limits: wire.WireLimits, source: tuple[str, str] | None = None
) -> None:
    """Import the module (``entry_module``, or ``source`` = (path, text) when given), then answer
    requests until the harness hangs up."""
    module, import_error = _import_module(entry_module, source)
    _send(channel, {"ready": import_error is None, "import_error": import_error}, limits)
    handles = _Handles()
    while True:
        try:
            request = wire.recv_message(channel, limits)
        except EOFError:
            return
        if import_error is not None:
            reply: dict[str, Any] = {"raised": import_error}
        else:
            reply = _dispatch(request, module, handles)
        _send(channel, reply, limits)


def _send(channel: socket.socket, reply: dict[str, Any], limits: wire.WireLimits) -> None:
    try:
        payload = wire.encode(reply, limits)
    except wire.WireError as exc:
        payload = wire.encode({"bad_value": str(exc)}, limits)
    channel.sendall(wire.frame_header(len(payload)))
    channel.sendall(payload)


def _import_module(
    name: str, source: tuple[str, str] | None
) -> tuple[ModuleType | None, dict[str, Any] | None]:
    try:
        if source is None:
            return importlib.import_module(name), None
        path, text = source
        module = ModuleType(name)
        module.__file__ = path
        sys.modules[name] = module
        exec(compile(text, path, "exec"), module.__dict__)  # the challenge's own reference
        return module, None
    except BaseException as exc:  # noqa: BLE001 - candidate code may raise anything, even SystemExit
        return None, describe_exception(exc, skip_frames=0)


def _dispatch(request: dict[str, Any], module: Any, handles: _Handles) -> dict[str, Any]:
    op = request.get("op")
    try:
        if op == "call":
            return _call(request, module, handles)
        if op == "getattr":
            target = handles.get(request["handle"]) if request.get("handle") is not None else module
            value = getattr(target, request["name"])
            if callable(value) and not isinstance(value, _PLAIN_TYPES):
                return {"callable": True}
            return _result(value, object_context=request.get("handle") is not None, handles=handles)
        if op == "rng_fingerprint":
            return {"ok": rng_fingerprint()}
        if op == "seed_global_rng":
            np.random.seed(request["seed"])
            random.seed(request["seed"])
            return {"ok": None}
    except BaseException as exc:  # noqa: BLE001
        return {"raised": describe_exception(exc)}
    return {
        "raised": {
            "type": "RuntimeError",
            "builtin": "RuntimeError",
            "message": f"unknown request {op!r}",
            "traceback": "",
            "errno": None,
        }
    }


def _call(request: dict[str, Any], module: Any, handles: _Handles) -> dict[str, Any]:
    handle = request.get("handle")
    owner = handles.get(handle) if handle is not None else module
    function = getattr(owner, request["target"])
    args, kwargs = list(request.get("args") or []), dict(request.get("kwargs") or {})
    try:
        value = function(*args, **kwargs)
    except BaseException as exc:  # noqa: BLE001
        return {"raised": describe_exception(exc)}
    object_context = handle is not None or isinstance(function, type)
    reply = _result(value, object_context, handles)
    if request.get("return_args"):
        reply["args_after"], reply["kwargs_after"] = args, kwargs
    return reply


def _result(value: Any, object_context: bool, handles: _Handles) -> dict[str, Any]:
    plain = isinstance(value, _PLAIN_TYPES)
    if object_context and not plain:
        return {"handle": handles.add(value), "type": wire.describe_type(value)}
    return {"ok": value}


class _Handles:
    """Objects that live in the worker, named by small integers the harness holds."""

    def __init__(self) -> None:
        self._objects: dict[int, Any] = {}
        self._ids: dict[int, int] = {}

    def add(self, obj: Any) -> int:
        existing = self._ids.get(id(obj))
        if existing is not None:
            return existing
        handle = len(self._objects) + 1
        self._objects[handle] = obj
        self._ids[id(obj)] = handle
        return handle

    def get(self, handle: int) -> Any:
        if handle not in self._objects:
            raise LookupError(f"no object with handle {handle}")
        return self._objects[handle]


def describe_exception(exc: BaseException, skip_frames: int = 1) -> dict[str, Any]:
    """An exception as plain data: type names, message, errno and the candidate's traceback."""
    builtin = next((c.__name__ for c in type(exc).__mro__ if c.__module__ == "builtins"), "BaseException")
    errno = getattr(exc, "errno", None)
    return {
        "type": wire.describe_type(exc),
        "builtin": builtin,
        "message": _safe_text(exc)[:MAX_MESSAGE_CHARS],
        "errno": errno if type(errno) is int else None,
        "traceback": _traceback_text(exc, skip_frames)[-MAX_TRACEBACK_CHARS:],
    }


def _safe_text(exc: BaseException) -> str:
    try:
        return str(exc)
    except BaseException:  # noqa: BLE001 - a candidate's __str__ may raise anything
        return "<the exception could not be printed>"


def _traceback_text(exc: BaseException, skip_frames: int) -> str:
    tb = exc.__traceback__
    for _ in range(skip_frames):
        tb = tb.tb_next if tb is not None else None
    try:
        return "".join(traceback.format_exception(type(exc), exc, tb))
    except BaseException:  # noqa: BLE001
        return ""


def rng_fingerprint() -> str:
    """A digest of numpy's and Python's global random states."""
    digest = hashlib.sha256()
    name, keys, pos, has_gauss, cached = np.random.get_state()
    digest.update(repr((name, pos, has_gauss, cached)).encode())
    digest.update(np.asarray(keys).tobytes())
    digest.update(repr(random.getstate()).encode())
    return digest.hexdigest()


class ImportRestriction(MetaPathFinder):
    """Refuses top-level imports outside the standard library, the allowed list and the
    submission itself. Defence in depth for from-scratch challenges, not a security boundary."""

    def __init__(self, allowed: Sequence[str], submission_dir: Path) -> None:
        own = {p.stem for p in submission_dir.glob("*.py")} | {
            p.name for p in submission_dir.iterdir() if p.is_dir()
        }
        self.allowed = frozenset(allowed) | frozenset(sys.stdlib_module_names) | own
        self.described = ", ".join(sorted(allowed)) or "nothing"

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        top = fullname.partition(".")[0]
        if top in self.allowed or top in sys.modules:
            return None
        raise ModuleNotFoundError(
            f"module {top!r} is not available in this challenge "
            f"(allowed: the standard library and {self.described})",
            name=fullname,
        )
