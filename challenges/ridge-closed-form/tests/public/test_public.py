"""Public tests for ridge-closed-form: run them with `grader test ridge-closed-form FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_arrays_close, assert_close

X = [[0], [1], [2], [3]]
Y = [1, 3, 2, 5]


def unpack(result, d):
    assert isinstance(result, (tuple, list)) and len(result) == 2, "expected a (w, b) pair"
    w = np.asarray(result[0])
    assert w.shape == (d,), f"w: expected shape {(d,)}, got {w.shape}"
    return w, result[1]


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example with alpha=1: centred solution and unpenalised intercept."""
    w, b = unpack(candidate.ridge_fit(X, Y, alpha=1.0), 1)
    assert_arrays_close(w, [5.5 / 6], rtol=1e-9, name="w")
    assert_close(b, 2.75 - 1.5 * 5.5 / 6, rtol=1e-9, name="b")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_alpha_zero_is_least_squares(candidate):
    """alpha=0 gives the ordinary least-squares line."""
    w, b = unpack(candidate.ridge_fit(X, Y, alpha=0.0), 1)
    assert_arrays_close(w, [1.1], rtol=1e-9, name="w")
    assert_close(b, 1.1, rtol=1e-9, name="b")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_without_intercept(candidate):
    """fit_intercept=False: no centring and b = 0."""
    w, b = unpack(candidate.ridge_fit(X, Y, alpha=1.0, fit_intercept=False), 1)
    assert_arrays_close(w, [22 / 15], rtol=1e-9, name="w")
    assert_close(b, 0.0, name="b")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_negative_alpha_raises_value_error(candidate):
    """A negative alpha is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.ridge_fit(X, Y, alpha=-1.0)
