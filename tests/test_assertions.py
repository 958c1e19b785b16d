"""The assertion helpers challenge authors use: accept every valid answer, explain every wrong one."""

from __future__ import annotations

import itertools
import time
from typing import Any

import numpy as np
import pytest
from harness.assertions import (
    as_array,
    assert_arrays_close,
    assert_close,
    assert_deterministic,
    assert_equal_up_to_sign,
    assert_faster_than,
    assert_global_rng_untouched,
    assert_gradient_close,
    assert_same_clusters,
    assert_same_index_set,
    assert_same_subspace,
    numerical_gradient,
)


def test_arrays_close_accepts_lists_numpy_and_small_errors() -> None:
    assert_arrays_close([[1.0, 2.0]], np.array([[1.0, 2.0 + 1e-12]]))
    assert_arrays_close(np.float32([0.5]), [0.5], rtol=1e-6)
    assert_arrays_close([np.nan, 1.0], [np.nan, 1.0])


def test_arrays_close_reports_shape_dtype_and_the_worst_element() -> None:
    with pytest.raises(AssertionError, match=r"shape \(2,\) \(int64\), expected \(3,\)"):
        assert_arrays_close(np.array([1, 2], dtype=np.int64), [1, 2, 3])
    with pytest.raises(AssertionError) as caught:
        assert_arrays_close(np.array([[1.0, 2.0], [3.0, 9.0]]), [[1.0, 2.1], [3.0, 4.0]], name="centroids")
    message = str(caught.value)
    assert "centroids: 2 of 4 elements differ" in message
    assert "worst at index (1, 1): got 9.0, expected 4.0" in message
    with pytest.raises(AssertionError, match="NaN where a number was expected"):
        assert_arrays_close([np.nan, 1.0], [0.0, 1.0])
    with pytest.raises(AssertionError, match="not a numeric array"):
        assert_arrays_close(["a"], [1.0])


def test_close_for_scalars() -> None:
    assert_close(np.float64(0.25), 0.25)
    with pytest.raises(AssertionError, match="expected a number"):
        assert_close("0.25", 0.25)
    with pytest.raises(AssertionError, match=r"0\.3 != 0\.25"):
        assert_close(0.3, 0.25, name="precision")


def test_as_array_checks_dimensions_and_kind() -> None:
    assert as_array([1, 2], ndim=1, kind="iu").tolist() == [1, 2]
    with pytest.raises(AssertionError, match="expected 2-D"):
        as_array([1, 2], ndim=2)
    with pytest.raises(AssertionError, match="dtype kind 'iu'"):
        as_array([1.5], kind="iu")


def test_clusters_are_compared_up_to_renaming() -> None:
    truth = [0, 0, 1, 1, 2]
    for perm in itertools.permutations(range(3)):
        assert_same_clusters([perm[t] for t in truth], truth)
    with pytest.raises(AssertionError, match="not the expected partition"):
        assert_same_clusters([0, 0, 0, 1, 2], truth)
    with pytest.raises(AssertionError, match="not the expected partition"):
        assert_same_clusters([0, 1, 2, 3, 4], truth)


def test_vectors_up_to_sign_and_subspaces() -> None:
    basis = np.array([[1.0, 0.0, 0.0], [0.0, 0.6, 0.8]])
    assert_equal_up_to_sign(basis * np.array([[-1.0], [1.0]]), basis)
    with pytest.raises(AssertionError, match="vector 1 differs"):
        assert_equal_up_to_sign(np.array([[1.0, 0.0, 0.0], [0.0, 0.8, 0.6]]), basis)
    rotated = np.array([[0.6, 0.48, 0.64], [-0.8, 0.36, 0.48]])  # another basis of the same plane
    assert_same_subspace(rotated, basis)
    with pytest.raises(AssertionError, match="different subspace"):
        assert_same_subspace(np.eye(3)[:2], basis)


def test_index_sets_ignore_order_but_not_duplicates() -> None:
    assert_same_index_set(np.array([3, 1, 2]), [1, 2, 3])
    assert_same_index_set([2.0, 1.0], [1, 2])
    with pytest.raises(AssertionError, match="more than once"):
        assert_same_index_set([1, 1, 2], [1, 2])
    with pytest.raises(AssertionError, match=r"missing \[3\], unexpected \[4\]"):
        assert_same_index_set([1, 2, 4], [1, 2, 3])


def test_gradients_by_finite_differences() -> None:
    x = np.array([[0.5, -1.0], [2.0, 0.25]])
    numeric = numerical_gradient(lambda v: float(np.sum(v**3)), x)
    assert_gradient_close(3 * x**2, numeric)
    with pytest.raises(AssertionError, match="gradient"):
        assert_gradient_close(2 * x, numeric)


class FakeCandidate:
    """Stands in for the candidate fixture's random-state helpers."""

    def __init__(self) -> None:
        self.state = 0

    def rng_fingerprint(self) -> str:
        return str(self.state)

    def seed_global_rng(self, seed: int) -> None:
        self.state = seed


def test_global_rng_checks() -> None:
    fake = FakeCandidate()
    assert_global_rng_untouched(fake, lambda: [1, 2])
    with pytest.raises(AssertionError, match="global random state changed"):
        assert_global_rng_untouched(fake, lambda: setattr(fake, "state", fake.state + 1))
    with pytest.raises(AssertionError, match="depends on numpy's global random state"):
        assert_global_rng_untouched(fake, lambda: np.array([fake.state]))


def test_determinism() -> None:
    calls = iter([(np.array([1.0]), [2]), (np.array([1.0]), [3])])
    with pytest.raises(AssertionError, match=r"result\[1\]\[0\]: differs"):
        assert_deterministic(lambda: next(calls))
    assert assert_deterministic(lambda: {"a": np.arange(3)})["a"].tolist() == [0, 1, 2]


def sleeper(seconds: float) -> Any:
    return lambda: time.sleep(seconds)


def test_timing_relative_to_the_reference() -> None:
    assert_faster_than(sleeper(0.001), sleeper(0.01), factor=2, repeats=2)
    with pytest.raises(AssertionError, match="too slow"):
        assert_faster_than(sleeper(0.05), sleeper(0.002), factor=3, repeats=2, floor_seconds=0.001)


def test_equal_infinities_match_without_warnings() -> None:
    assert_arrays_close([-np.inf, 1.0, np.inf], [-np.inf, 1.0, np.inf])
    with pytest.raises(AssertionError, match="worst at index"):
        assert_arrays_close([np.inf], [-np.inf])
