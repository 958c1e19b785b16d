"""The wire between the harness and a worker: length-prefixed frames of plain data, never pickle.

A frame is ``MAGIC`` + an 8-byte big-endian payload length + the payload. The payload is one
value in a small tagged binary encoding that knows only:

    None, bool, int, float, str, list, tuple, dict with str keys,
    numpy arrays and numpy scalars of bool/int/uint/float/complex/str/bytes dtypes.

Both sides refuse anything else, and the decoder treats its input as hostile: every length is
checked against what is left and against the caps before anything is allocated, nesting depth
and item counts are bounded, and trailing bytes are an error. What comes out of ``decode`` is
made only of exact builtin types and fresh numpy arrays, so no candidate-defined ``__eq__`` or
``__array__`` can ever run in the harness.
"""

from __future__ import annotations

import re
import socket
import struct
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np

MAGIC = b"GRW1"
_HEADER = struct.Struct(">4sQ")
HEADER_SIZE = _HEADER.size

_U32 = struct.Struct(">I")
_I64 = struct.Struct(">q")
_F64 = struct.Struct(">d")

# Dtypes that may cross: bool, signed/unsigned int, float, complex, fixed-width str/bytes.
_DTYPE_RE = re.compile(r"^[<>|][biufcUS][0-9]{1,6}$")
_ARRAY_KINDS = frozenset("biufcUS")
# Methods whose override changes what a value means; a subclass overriding one is refused.
_SEMANTIC_DUNDERS = (
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__bool__",
    "__len__",
    "__iter__",
    "__getitem__",
    "__contains__",
    "__int__",
    "__float__",
    "__index__",
    "__array__",
    "__array_ufunc__",
    "__array_function__",
)


class WireError(Exception):
    """A message broke the wire format or its limits."""


class UnsupportedValue(WireError):
    """A value of a type that may not cross the wire."""


@dataclass(frozen=True)
class WireLimits:
    """Caps on one message; both sides enforce them."""

    max_bytes: int = 64 * 1024 * 1024
    max_depth: int = 64
    max_items: int = 1_000_000
    max_int_digits: int = 4000


DEFAULT_LIMITS = WireLimits()


def frame_header(payload_size: int) -> bytes:
    """The header that precedes a payload of ``payload_size`` bytes."""
    return _HEADER.pack(MAGIC, payload_size)


def parse_header(header: bytes, limits: WireLimits = DEFAULT_LIMITS) -> int:
    """The payload size a header announces; refuses bad magic and oversized payloads."""
    magic, size = _HEADER.unpack(header)
    if magic != MAGIC:
        raise WireError(f"malformed message: bad frame marker {magic!r}")
    if size > limits.max_bytes:
        raise WireError(f"message of {size:,} bytes is over the {limits.max_bytes:,}-byte limit")
    return int(size)


def encode(value: Any, limits: WireLimits = DEFAULT_LIMITS) -> bytes:
    """Encode ``value`` as a payload; raises UnsupportedValue for anything not plain data."""
    encoder = _Encoder(limits)
    encoder.write(value, 0)
    payload = b"".join(encoder.parts)
    if len(payload) > limits.max_bytes:
        raise WireError(f"message of {len(payload):,} bytes is over the {limits.max_bytes:,}-byte limit")
    return payload


def decode(payload: bytes | bytearray | memoryview, limits: WireLimits = DEFAULT_LIMITS) -> Any:
    """Decode one payload; raises WireError on anything malformed."""
    if len(payload) > limits.max_bytes:
        raise WireError(f"message of {len(payload):,} bytes is over the limit")
    decoder = _Decoder(memoryview(payload), limits)
    try:
        value = decoder.read(0)
    except WireError:
        raise
    except (ValueError, TypeError, OverflowError, struct.error, UnicodeDecodeError) as exc:
        raise WireError(f"malformed message: {exc}") from None
    if decoder.pos != len(payload):
        raise WireError("malformed message: trailing bytes after the value")
    return value


def describe_type(value: object) -> str:
    """A short name for a value's type, for error messages."""
    cls = type(value)
    module = getattr(cls, "__module__", "") or ""
    qualname = getattr(cls, "__qualname__", cls.__name__)
    return qualname if module in ("builtins", "") else f"{module}.{qualname}"


class _Encoder:
    def __init__(self, limits: WireLimits) -> None:
        self.limits = limits
        self.parts: list[bytes] = []
        self.size = 0
        self.items = 0

    def _put(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limits.max_bytes:
            raise WireError(f"value is over the {self.limits.max_bytes:,}-byte message limit")
        self.parts.append(data)

    def _count(self) -> None:
        self.items += 1
        if self.items > self.limits.max_items:
            raise WireError(f"value has more than {self.limits.max_items:,} items")

    def write(self, value: Any, depth: int) -> None:
        if depth > self.limits.max_depth:
            raise WireError(f"value is nested more than {self.limits.max_depth} levels deep")
        self._count()
        cls = type(value)
        if value is None:
            self._put(b"N")
        elif cls is bool:
            self._put(b"T" if value else b"F")
        elif cls is int:
            self._write_int(value)
        elif cls is float:
            self._put(b"f" + _F64.pack(value))
        elif cls is str:
            self._write_text(b"s", value)
        elif cls is list or cls is tuple:
            self._put((b"l" if cls is list else b"t") + _U32.pack(len(value)))
            for item in value:
                self.write(item, depth + 1)
        elif cls is dict:
            self._write_dict(value, depth)
        elif cls is np.ndarray:
            self._write_array(value)
        elif isinstance(value, np.generic):
            self._write_scalar(value)
        else:
            self.write(_plain_equivalent(value), depth)
            self.items -= 1

    def _write_int(self, value: int) -> None:
        if -(2**63) <= value < 2**63:
            self._put(b"i" + _I64.pack(value))
            return
        text = str(value)
        if len(text) > self.limits.max_int_digits:
            raise WireError(f"integer with {len(text):,} digits is too large")
        self._write_text(b"I", text)

    def _write_text(self, tag: bytes, text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        self._put(tag + _U32.pack(len(data)) + data)

    def _write_dict(self, value: dict[Any, Any], depth: int) -> None:
        self._put(b"d" + _U32.pack(len(value)))
        for key, item in value.items():
            if type(key) is not str:
                raise UnsupportedValue(f"dict keys must be str, got a key of type {describe_type(key)}")
            self._write_text(b"s", key)
            self.write(item, depth + 1)

    def _write_array(self, array: np.ndarray) -> None:
        dtype = _checked_dtype(array.dtype)
        if array.ndim > 32:
            raise UnsupportedValue("numpy arrays with more than 32 dimensions cannot be sent")
        if array.nbytes > self.limits.max_bytes:
            raise WireError(f"array of {array.nbytes:,} bytes is over the message limit")
        data = np.ascontiguousarray(array).tobytes()
        descr = dtype.str.encode("ascii")
        shape = b"".join(_I64.pack(n) for n in array.shape)
        header = bytes([len(descr)]) + descr + bytes([array.ndim]) + shape
        self._put(b"a" + header + _I64.pack(len(data)))
        self._put(data)

    def _write_scalar(self, scalar: np.generic) -> None:
        if type(scalar) is not scalar.dtype.type:
            raise UnsupportedValue(f"unsupported numpy scalar type {describe_type(scalar)}")
        dtype = _checked_dtype(scalar.dtype)
        descr = dtype.str.encode("ascii")
        data = np.asarray(scalar).tobytes()
        self._put(b"g" + bytes([len(descr)]) + descr + _I64.pack(len(data)) + data)


def _checked_dtype(dtype: np.dtype[Any]) -> np.dtype[Any]:
    if dtype.kind not in _ARRAY_KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise UnsupportedValue(
            f"numpy arrays of dtype {dtype} cannot be sent; use a numeric, bool or str dtype"
        )
    return dtype


def _plain_equivalent(value: Any) -> Any:
    """The builtin value behind a harmless subclass (namedtuple, OrderedDict, ...), or refuse."""
    cls = type(value)
    if isinstance(value, np.ndarray):
        raise UnsupportedValue(
            f"{describe_type(value)} is a subclass of numpy.ndarray; return a plain numpy array"
        )
    base = next((b for b in (int, float, str, tuple, list, dict) if isinstance(value, b)), None)
    if base is None:
        raise UnsupportedValue(f"values of type {describe_type(value)} cannot be sent")
    from_stdlib = (cls.__module__ or "").partition(".")[0] in sys.stdlib_module_names
    overridden = [
        name for name in _SEMANTIC_DUNDERS if getattr(cls, name, None) is not getattr(base, name, None)
    ]
    if overridden and not from_stdlib and not _is_namedtuple(cls):
        raise UnsupportedValue(
            f"{describe_type(value)} is a subclass of {base.__name__} that overrides "
            f"{', '.join(overridden)}; return a plain {base.__name__}"
        )
    return _base_value(base, value)


def _is_namedtuple(cls: type) -> bool:
    return issubclass(cls, tuple) and isinstance(getattr(cls, "_fields", None), tuple)


def _base_value(base: type, value: Any) -> Any:
    # Call the builtin's own slots so that no override on the subclass can run.
    if base is int:
        return int.__index__(value) if type(value) is not bool else bool(value)
    if base is float:
        return float.__float__(value)
    if base is str:
        return str.__str__(value)
    if base is tuple:
        return tuple(tuple.__iter__(value))
    if base is list:
        return list(list.__iter__(value))
    return {k: v for k, v in dict.items(value)}


class _Decoder:
    def __init__(self, data: memoryview, limits: WireLimits) -> None:
        self.data = data
        self.pos = 0
        self.limits = limits
        self.items = 0

    def _take(self, size: int) -> memoryview:
        if size < 0 or self.pos + size > len(self.data):
            raise WireError("malformed message: truncated value")
        chunk = self.data[self.pos : self.pos + size]
        self.pos += size
        return chunk

    def _u32(self) -> int:
        return int(_U32.unpack(self._take(4))[0])

    def _i64(self) -> int:
        return int(_I64.unpack(self._take(8))[0])

    def _text(self) -> str:
        return bytes(self._take(self._u32())).decode("utf-8", "surrogatepass")

    def _count(self, n: int = 1) -> None:
        self.items += n
        if self.items > self.limits.max_items:
            raise WireError(f"message has more than {self.limits.max_items:,} items")

    def read(self, depth: int) -> Any:
        if depth > self.limits.max_depth:
            raise WireError(f"message is nested more than {self.limits.max_depth} levels deep")
        self._count()
        tag = bytes(self._take(1))
        if tag == b"N":
            return None
        if tag == b"T":
            return True
        if tag == b"F":
            return False
        if tag == b"i":
            return self._i64()
        if tag == b"I":
            return self._big_int()
        if tag == b"f":
            return float(_F64.unpack(self._take(8))[0])
        if tag == b"s":
            return self._text()
        if tag in (b"l", b"t"):
            return self._sequence(tag, depth)
        if tag == b"d":
            return self._dict(depth)
        if tag == b"a":
            return self._array()
        if tag == b"g":
            return self._scalar()
        raise WireError(f"malformed message: unknown tag {tag!r}")

    def _big_int(self) -> int:
        text = self._text()
        if len(text) > self.limits.max_int_digits or not re.fullmatch(r"-?[0-9]+", text):
            raise WireError("malformed message: bad integer")
        return int(text)

    def _sequence(self, tag: bytes, depth: int) -> list[Any] | tuple[Any, ...]:
        count = self._u32()
        if count > len(self.data) - self.pos:  # every item takes at least one byte
            raise WireError("malformed message: sequence longer than the message")
        items = [self.read(depth + 1) for _ in range(count)]
        return items if tag == b"l" else tuple(items)

    def _dict(self, depth: int) -> dict[str, Any]:
        count = self._u32()
        if count > len(self.data) - self.pos:
            raise WireError("malformed message: dict longer than the message")
        result: dict[str, Any] = {}
        for _ in range(count):
            if bytes(self._take(1)) != b"s":
                raise WireError("malformed message: dict key is not a str")
            key = self._text()
            result[key] = self.read(depth + 1)
        return result

    def _dtype(self) -> np.dtype[Any]:
        descr = bytes(self._take(self._take(1)[0])).decode("ascii")
        if not _DTYPE_RE.match(descr):
            raise WireError(f"malformed message: dtype {descr!r} is not allowed")
        dtype = np.dtype(descr)
        if dtype.itemsize == 0:
            raise WireError("malformed message: zero-size dtype")
        return dtype

    def _array(self) -> np.ndarray:
        dtype = self._dtype()
        ndim = self._take(1)[0]
        if ndim > 32:
            raise WireError("malformed message: array has too many dimensions")
        shape = tuple(self._i64() for _ in range(ndim))
        if any(n < 0 for n in shape):
            raise WireError("malformed message: negative array dimension")
        count = 1
        for n in shape:
            count *= n
        nbytes = self._i64()
        if nbytes != count * dtype.itemsize:
            raise WireError("malformed message: array data does not match its shape")
        raw = self._take(nbytes)
        array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
        _check_array_values(array)
        return array

    def _scalar(self) -> np.generic:
        dtype = self._dtype()
        nbytes = self._i64()
        if nbytes != dtype.itemsize:
            raise WireError("malformed message: scalar size does not match its dtype")
        array = np.frombuffer(self._take(nbytes), dtype=dtype).copy()
        _check_array_values(array)
        scalar: np.generic = array[0]
        return scalar


def _check_array_values(array: np.ndarray) -> None:
    # A bool must be 0 or 1 and a str code point must exist, or numpy misbehaves later.
    if not array.size:
        return
    if array.dtype.kind == "b" and array.view(np.uint8).max() > 1:
        raise WireError("malformed message: bool array holds values other than 0 and 1")
    if array.dtype.kind == "U" and array.view(array.dtype.str[0] + "u4").max() > 0x10FFFF:
        raise WireError("malformed message: str array holds invalid code points")


def send_message(sock: socket.socket, value: Any, limits: WireLimits = DEFAULT_LIMITS) -> None:
    """Encode and send one framed message (blocking)."""
    payload = encode(value, limits)
    sock.sendall(frame_header(len(payload)))
    sock.sendall(payload)


def recv_message(sock: socket.socket, limits: WireLimits = DEFAULT_LIMITS) -> Any:
    """Receive and decode one framed message (blocking); EOFError when the peer is gone."""
    size = parse_header(_recv_exact(sock, HEADER_SIZE), limits)
    return decode(_recv_exact(sock, size), limits)


def _recv_exact(sock: socket.socket, size: int) -> bytearray:
    buffer = bytearray(size)
    view = memoryview(buffer)
    got = 0
    while got < size:
        n = sock.recv_into(view[got:], size - got)
        if n == 0:
            raise EOFError("the other side closed the channel")
        got += n
    return buffer
