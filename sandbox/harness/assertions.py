"""Assertions for challenge authors: accept every valid answer, and say exactly what is wrong.

    from harness.assertions import assert_arrays_close, assert_same_clusters, ...

Each helper fails with a message that shows what a reviewer needs (shape, dtype, the worst
element and its error, the first differing item) and nothing in the call that a candidate
does not already know from the test's own assertion line. Only numpy and the standard library.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import numpy as np

__all__ = [
    "as_array",
    "assert_arrays_close",
    "assert_close",
    "assert_deterministic",
    "assert_equal_up_to_sign",
    "assert_faster_than",
    "assert_global_rng_untouched",
    "assert_gradient_close",
    "assert_same_clusters",
    "assert_same_index_set",
    "assert_same_subspace",
    "numerical_gradient",
]


def as_array(
    value: Any, name: str = "result", ndim: int | None = None, kind: str | None = None
) -> np.ndarray:
    """``value`` as a numpy array, failing clearly when it is not array-like of the right sort.

    ``kind`` lists acceptable dtype kinds ("f" float, "iu" integer, "b" bool, "fiu" numeric)."""
    try:
        array = np.asarray(value)
    except Exception as exc:  # noqa: BLE001 - any conversion failure is the candidate's
        raise AssertionError(f"{name}: not array-like ({type(value).__name__}): {exc}") from None
    if array.dtype == object:
        raise AssertionError(
            f"{name}: not a numeric array (got {type(value).__name__} of mixed or nested values)"
        )
    if ndim is not None and array.ndim != ndim:
        raise AssertionError(f"{name}: expected {ndim}-D, got shape {array.shape}")
    if kind is not None and array.dtype.kind not in kind:
        raise AssertionError(f"{name}: expected dtype kind {kind!r}, got {array.dtype}")
    return array


def assert_close(
    actual: Any, expected: float, rtol: float = 1e-7, atol: float = 1e-9, name: str = "result"
) -> None:
    """A scalar equals ``expected`` within tolerances (Python or numpy number, not NaN unless expected)."""
    if isinstance(actual, bool) or not isinstance(actual, (int, float, np.integer, np.floating)):
        raise AssertionError(f"{name}: expected a number, got {type(actual).__name__}")
    value = float(actual)
    if math.isnan(expected) and math.isnan(value):
        return
    if not math.isclose(value, expected, rel_tol=rtol, abs_tol=atol):
        raise AssertionError(f"{name}: {value!r} != {expected!r} (rtol={rtol:g}, atol={atol:g})")


def assert_arrays_close(
    actual: Any,
    expected: Any,
    rtol: float = 1e-7,
    atol: float = 1e-9,
    name: str = "result",
    check_dtype_kind: bool = False,
) -> None:
    """Arrays agree in shape and, elementwise, within tolerances; NaNs must sit in the same places.

    The failure says the shape and dtype of both, how many elements differ, and the worst one."""
    got = as_array(actual, name)
    want = np.asarray(expected)
    if got.shape != want.shape:
        raise AssertionError(f"{name}: shape {got.shape} ({got.dtype}), expected {want.shape} ({want.dtype})")
    if check_dtype_kind and got.dtype.kind != want.dtype.kind:
        raise AssertionError(
            f"{name}: dtype {got.dtype}, expected a {want.dtype.kind!r}-kind dtype like {want.dtype}"
        )
    if got.dtype.kind not in "biufc":
        raise AssertionError(f"{name}: not a numeric array (dtype {got.dtype})")
    got_f, want_f = (
        got.astype(np.complex128 if "c" in (got.dtype.kind, want.dtype.kind) else np.float64),
        want,
    )
    nan_mismatch = np.isnan(got_f) != np.isnan(want_f)
    if nan_mismatch.any():
        where = tuple(int(i) for i in np.argwhere(nan_mismatch)[0])
        raise AssertionError(
            f"{name}: NaN where a number was expected (or the reverse) at index {where}; "
            f"got {_item(got_f[where])!r}, expected {_item(want_f[where])!r}"
        )
    with np.errstate(invalid="ignore", over="ignore"):
        error = np.abs(got_f - want_f)
        allowed = atol + rtol * np.abs(want_f)
        close = np.isfinite(want_f) & (error <= allowed)  # an infinity must be matched exactly
        bad = ~((got_f == want_f) | close) & ~np.isnan(want_f)
    if bad.any():
        with np.errstate(invalid="ignore"):
            excess = np.where(bad, np.nan_to_num(error - allowed, nan=np.inf, posinf=np.inf), -np.inf)
        where = np.unravel_index(int(np.argmax(excess)), excess.shape) if excess.ndim else ()
        where_t = tuple(int(i) for i in where)
        raise AssertionError(
            f"{name}: {int(bad.sum())} of {bad.size} elements differ (shape {got.shape}, dtype {got.dtype}); "
            f"worst at index {where_t}: got {_item(got_f[where_t])!r}, expected {_item(want_f[where_t])!r}, "
            f"|error| {float(error[where_t]):.3g} > {float(allowed[where_t]):.3g} "
            f"(rtol={rtol:g}, atol={atol:g})"
        )


def _item(value: Any) -> Any:
    """A numpy scalar as a plain Python number, so messages read the same on every numpy."""
    return value.item() if hasattr(value, "item") else value


def assert_same_clusters(labels: Any, expected: Any, name: str = "labels") -> None:
    """Two labelings describe the same partition, whatever numbers name the clusters."""
    got = as_array(labels, name, ndim=1)
    want = np.asarray(expected)
    if got.shape != want.shape:
        raise AssertionError(f"{name}: shape {got.shape}, expected {want.shape}")
    forward: dict[Any, Any] = {}
    backward: dict[Any, Any] = {}
    for i, (g, w) in enumerate(zip(got.tolist(), want.tolist(), strict=True)):
        if forward.setdefault(g, w) != w or backward.setdefault(w, g) != g:
            raise AssertionError(
                f"{name}: not the expected partition (up to renaming clusters): sample {i} is in "
                f"cluster {g}, which elsewhere holds samples of expected cluster {forward[g]}"
            )


def assert_equal_up_to_sign(
    actual: Any, expected: Any, axis: int = 0, rtol: float = 1e-6, atol: float = 1e-8, name: str = "vectors"
) -> None:
    """Each vector along ``axis`` (axis 0: rows... use axis=1 for columns) matches up to a sign flip."""
    got = as_array(actual, name, kind="fiu").astype(float)
    want = np.asarray(expected, dtype=float)
    if got.shape != want.shape:
        raise AssertionError(f"{name}: shape {got.shape}, expected {want.shape}")
    got_v, want_v = np.moveaxis(got, axis, 0), np.moveaxis(want, axis, 0)
    for i, (g, w) in enumerate(zip(got_v, want_v, strict=True)):
        if not (np.allclose(g, w, rtol=rtol, atol=atol) or np.allclose(g, -w, rtol=rtol, atol=atol)):
            worst = min(float(np.max(np.abs(g - w))), float(np.max(np.abs(g + w))))
            raise AssertionError(
                f"{name}: vector {i} differs from the expected one even up to sign "
                f"(largest difference {worst:.3g})"
            )


def assert_same_subspace(actual: Any, expected: Any, atol: float = 1e-6, name: str = "basis") -> None:
    """Rows of ``actual`` span the same subspace as rows of ``expected`` (compares projectors)."""
    got = as_array(actual, name, ndim=2, kind="fiu").astype(float)
    want = np.asarray(expected, dtype=float)
    if got.shape != want.shape:
        raise AssertionError(f"{name}: shape {got.shape}, expected {want.shape}")
    difference = float(np.max(np.abs(_projector(got) - _projector(want))))
    if difference > atol:
        raise AssertionError(
            f"{name}: spans a different subspace (projectors differ by up to {difference:.3g})"
        )


def _projector(rows: np.ndarray) -> np.ndarray:
    q, _ = np.linalg.qr(rows.T)
    return q @ q.T


def assert_same_index_set(actual: Any, expected: Sequence[int] | np.ndarray, name: str = "indices") -> None:
    """Integer indices equal ``expected`` as a set, in any order, each exactly once."""
    got = as_array(actual, name, ndim=1)
    if got.size and got.dtype.kind not in "iu":
        as_int = got.astype(np.int64)
        if not np.array_equal(as_int, got):
            raise AssertionError(f"{name}: indices must be whole numbers (dtype {got.dtype})")
        got = as_int
    values = sorted(int(v) for v in got)
    if len(set(values)) != len(values):
        raise AssertionError(f"{name}: some indices appear more than once")
    want = sorted(int(v) for v in expected)
    if values != want:
        missing, extra = sorted(set(want) - set(values)), sorted(set(values) - set(want))
        raise AssertionError(
            f"{name}: missing {missing[:10]}{'...' if len(missing) > 10 else ''}, "
            f"unexpected {extra[:10]}{'...' if len(extra) > 10 else ''}"
        )


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central finite differences of a scalar function ``f`` at ``x`` (float64)."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + eps
        plus = float(f(x))
        x[index] = original - eps
        minus = float(f(x))
        x[index] = original
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def assert_gradient_close(
    analytic: Any, numeric: np.ndarray, rtol: float = 1e-5, atol: float = 1e-7, name: str = "gradient"
) -> None:
    """An analytic gradient matches finite differences (relative error per element)."""
    assert_arrays_close(analytic, numeric, rtol=rtol, atol=atol, name=name)


def assert_deterministic(call: Callable[[], Any], name: str = "result") -> Any:
    """Calling twice gives identical results (arrays compared exactly); returns the first."""
    first, second = call(), call()
    _assert_identical(first, second, name)
    return first


def _assert_identical(a: Any, b: Any, where: str) -> None:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            raise AssertionError(
                f"{where}: lengths differ between two identical calls ({len(a)} vs {len(b)})"
            )
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _assert_identical(x, y, f"{where}[{i}]")
        return
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            raise AssertionError(f"{where}: keys differ between two identical calls")
        for key in a:
            _assert_identical(a[key], b[key], f"{where}[{key!r}]")
        return
    x, y = np.asarray(a), np.asarray(b)
    if x.shape != y.shape or not np.array_equal(x, y, equal_nan=x.dtype.kind in "fc"):
        raise AssertionError(f"{where}: differs between two identical calls with the same seed")


def assert_global_rng_untouched(candidate: Any, call: Callable[[], Any]) -> None:
    """``call`` neither changes numpy's/Python's global random state nor depends on it."""
    before = candidate.rng_fingerprint()
    call()
    if candidate.rng_fingerprint() != before:
        raise AssertionError(
            "the global random state changed (use np.random.default_rng(seed), not np.random.*)"
        )
    candidate.seed_global_rng(1)
    first = call()
    candidate.seed_global_rng(2)
    second = call()
    try:
        _assert_identical(first, second, "result")
    except AssertionError:
        raise AssertionError("the result depends on numpy's global random state") from None


_candidate_frozen: Callable[[], AbstractContextManager[None]] = nullcontext


def set_candidate_freezer(freezer: Callable[[], AbstractContextManager[None]]) -> None:
    """Called by the harness: how to stop every process of the candidate's side for a while."""
    global _candidate_frozen
    _candidate_frozen = freezer


def assert_faster_than(
    candidate_call: Callable[[], Any],
    reference_call: Callable[[], Any],
    factor: float,
    repeats: int = 3,
    floor_seconds: float = 0.005,
) -> None:
    """The candidate is at most ``factor`` times slower than the reference, in the same sandbox.

    Both run in worker processes of the same kind; the time is measured around each call in
    the trusted harness process (the candidate cannot patch these clocks), best of ``repeats``
    after a warm-up call each. While the reference is timed, every process of the candidate's
    side is stopped, so that background work of the candidate's cannot slow the reference.
    ``floor_seconds`` keeps a very fast reference from making the bar unreasonably low."""
    with _candidate_frozen():  # nothing of the candidate's may run while the reference is timed
        reference = _best_time(reference_call, repeats)
    allowed = factor * max(reference, floor_seconds)
    budget = time.perf_counter()
    candidate_call()  # warm-up; a hopelessly slow candidate is judged on this single call
    first = time.perf_counter() - budget
    if first > allowed * 3:
        raise AssertionError(
            f"too slow: {first:.3f} s against the reference's {reference:.4f} s "
            f"(allowed {factor:g}x = {allowed:.3f} s)"
        )
    candidate = min(first, _best_time(candidate_call, repeats - 1)) if repeats > 1 else first
    if candidate > allowed:
        raise AssertionError(
            f"too slow: {candidate:.3f} s against the reference's {reference:.4f} s "
            f"(allowed {factor:g}x = {allowed:.3f} s)"
        )


def _best_time(call: Callable[[], Any], repeats: int) -> float:
    call()
    best = math.inf
    for _ in range(max(repeats, 1)):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best
