"""The harness's wire format: plain data round-trips; everything else is refused or rejected."""

from __future__ import annotations

import collections
import contextlib
import struct
from typing import Any

import numpy as np
import pytest
from harness import wire
from hypothesis import given, settings
from hypothesis import strategies as st

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
plain = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=5).map(tuple)
        | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=30,
)


@given(plain)
def test_plain_values_round_trip_with_exact_types(value: Any) -> None:
    decoded = wire.decode(wire.encode(value))
    assert decoded == value
    assert _types(decoded) == _types(value)


def _types(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return (type(value), [_types(v) for v in value])
    if isinstance(value, dict):
        return (dict, {k: _types(v) for k, v in value.items()})
    return type(value)


@pytest.mark.parametrize(
    "array",
    [
        np.arange(12, dtype=np.int64).reshape(3, 4),
        np.linspace(0, 1, 7, dtype=np.float32),
        np.array([True, False]),
        np.array(["spam", "ham"]),
        np.array([1 + 2j]),
        np.zeros((0, 3)),
        np.arange(6, dtype=">i4").reshape(2, 3)[:, ::2],  # non-native, non-contiguous
    ],
)
def test_arrays_keep_dtype_shape_and_values(array: np.ndarray) -> None:
    decoded = wire.decode(wire.encode(array))
    assert type(decoded) is np.ndarray and decoded.dtype == array.dtype and decoded.shape == array.shape
    np.testing.assert_array_equal(decoded, array)
    assert decoded.flags.writeable


def test_numpy_scalars_keep_their_type() -> None:
    for scalar in (np.float64(0.5), np.int32(-3), np.bool_(True), np.float32(1.25)):
        decoded = wire.decode(wire.encode(scalar))
        assert type(decoded) is type(scalar) and decoded == scalar


def test_big_ints_and_special_floats() -> None:
    assert wire.decode(wire.encode(2**200)) == 2**200
    assert wire.decode(wire.encode(-(2**64))) == -(2**64)
    assert np.isnan(wire.decode(wire.encode(float("nan"))))
    assert wire.decode(wire.encode(float("-inf"))) == float("-inf")


def test_harmless_subclasses_cross_as_their_builtin() -> None:
    point = collections.namedtuple("Point", "x y")(1, 2)
    decoded = wire.decode(wire.encode({"p": point, "o": collections.OrderedDict(a=1)}))
    assert type(decoded["p"]) is tuple and decoded["p"] == (1, 2)
    assert type(decoded["o"]) is dict


class AlwaysEqual(float):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = float.__hash__


class Sneaky:
    pass


@pytest.mark.parametrize(
    "value, message",
    [
        (AlwaysEqual(0.1), "overrides __eq__"),
        (Sneaky(), "cannot be sent"),
        (np.array([object()]), "dtype object"),
        (np.zeros(2, dtype=[("a", "f8")]), "cannot be sent"),
        (np.ma.masked_array([1, 2]), "subclass of numpy.ndarray"),
        ({1: "int key"}, "dict keys must be str"),
        (b"bytes", "cannot be sent"),
        ({1, 2}, "cannot be sent"),
    ],
)
def test_unsupported_values_are_refused_with_a_reason(value: Any, message: str) -> None:
    with pytest.raises(wire.UnsupportedValue, match=message):
        wire.encode(value)


def test_caps_on_depth_items_and_size() -> None:
    deep: Any = []
    for _ in range(100):
        deep = [deep]
    with pytest.raises(wire.WireError, match="nested"):
        wire.encode(deep)
    with pytest.raises(wire.WireError, match="items"):
        wire.encode(list(range(50)), wire.WireLimits(max_items=10))
    with pytest.raises(wire.WireError, match="limit"):
        wire.encode(np.zeros(1000), wire.WireLimits(max_bytes=1000))
    small = wire.WireLimits(max_bytes=100)
    with pytest.raises(wire.WireError, match="over the 100-byte limit"):
        wire.parse_header(wire.frame_header(101), small)


def test_deeply_nested_input_is_rejected_not_recursed() -> None:
    payload = b"l\x00\x00\x00\x01" * 10_000 + b"N"
    with pytest.raises(wire.WireError, match="nested"):
        wire.decode(payload)


@pytest.mark.parametrize(
    "payload, message",
    [
        (b"", "truncated"),
        (b"Z", "unknown tag"),
        (b"s\x00\x00\x00\x09abc", "truncated"),
        (b"l\xff\xff\xff\xff", "longer than the message"),
        (b"NN", "trailing"),
        (b"a\x03|O8\x01" + struct.pack(">q", 1) + struct.pack(">q", 8) + b"\0" * 8, "not allowed"),
        (b"a\x03<f8\x01" + struct.pack(">q", 2) + struct.pack(">q", 8) + b"\0" * 8, "does not match"),
        (b"a\x03|b1\x01" + struct.pack(">q", 1) + struct.pack(">q", 1) + b"\x02", "bool array"),
        (b"I\x00\x00\x00\x031x3", "bad integer"),
        (b"d\x00\x00\x00\x01i" + b"\0" * 8 + b"N", "key is not a str"),
    ],
)
def test_malformed_payloads_raise_wire_error(payload: bytes, message: str) -> None:
    with pytest.raises(wire.WireError, match=message):
        wire.decode(payload)


@settings(max_examples=300)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise_anything_but_wire_error(payload: bytes) -> None:
    with contextlib.suppress(wire.WireError):
        wire.decode(payload)


def test_bad_frame_marker_is_rejected() -> None:
    with pytest.raises(wire.WireError, match="frame marker"):
        wire.parse_header(b"HTTP" + b"\0" * 8)
