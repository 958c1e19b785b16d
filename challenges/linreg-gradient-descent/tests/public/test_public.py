"""Public tests for linreg-gradient-descent: run them with `grader test linreg-gradient-descent FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_arrays_close, assert_close


def unpack(result, d):
    assert isinstance(result, (tuple, list)) and len(result) == 2, "expected a (w, b) pair"
    w = np.asarray(result[0])
    assert w.shape == (d,), f"w: expected shape {(d,)}, got {w.shape}"
    return w, result[1]


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example: 1000 steps on a one-feature problem."""
    w, b = unpack(candidate.linreg_gd([[1], [2], [3]], [1, 2, 3], lr=0.01, n_iter=1000), 1)
    assert_arrays_close(w, [0.9512961894220736], rtol=1e-9, name="w")
    assert_close(b, 0.11071520925847289, rtol=1e-9, name="b")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_one_step_from_zero(candidate):
    """One step from zero gives w = lr * X^T y / n and b = lr * mean(y)."""
    w, b = unpack(candidate.linreg_gd([[1], [2], [3]], [1, 2, 3], lr=0.01, n_iter=1), 1)
    assert_arrays_close(w, [0.01 * 14 / 3], rtol=1e-12, name="w")
    assert_close(b, 0.02, rtol=1e-12, name="b")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_zero_iterations_give_zeros(candidate):
    """n_iter=0 returns the starting point: w all zeros and b = 0."""
    w, b = unpack(candidate.linreg_gd([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0], n_iter=0), 2)
    assert_arrays_close(w, [0.0, 0.0], name="w")
    assert_close(b, 0.0, name="b")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_length_mismatch_raises_value_error(candidate):
    """X and y with different numbers of rows are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.linreg_gd([[1.0], [2.0], [3.0]], [1.0, 2.0])
