"""Public tests for scaled-dot-product-attention: run them with `grader test scaled-dot-product-attention FILE`."""

import math

import numpy as np
import pytest
from harness.assertions import as_array, assert_arrays_close

Q = K = np.eye(2)
V = np.array([[1.0, 2.0], [3.0, 4.0]])
W = 1.0 / (1.0 + math.exp(-1.0 / math.sqrt(2.0)))  # softmax([1/sqrt(2), 0])[0]


def attend(candidate, *args, **kwargs):
    result = candidate.scaled_dot_product_attention(*args, **kwargs)
    assert isinstance(result, tuple) and len(result) == 2, "expected a tuple (out, weights)"
    return as_array(result[0], "out", kind="f"), as_array(result[1], "weights", kind="f")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_without_a_mask(candidate):
    """The prompt's example: weights are the softmax of the scaled scores, out is weights @ V."""
    out, weights = attend(candidate, Q, K, V)
    assert_arrays_close(weights, [[W, 1 - W], [1 - W, W]], name="weights")
    assert_arrays_close(out, [[1.6604769013466862, 2.6604769013466862], [2.3395230986533138, 3.3395230986533138]], name="out")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_causal_mask_true_means_attend(candidate):
    """With a causal mask (True = may attend), the first query sees only the first key."""
    out, weights = attend(candidate, Q, K, V, mask=np.array([[True, False], [True, True]]))
    assert_arrays_close(weights, [[1.0, 0.0], [1 - W, W]], name="weights")
    assert_arrays_close(out, [[1.0, 2.0], [2.3395230986533138, 3.3395230986533138]], name="out")


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_fully_masked_row_gives_zeros(candidate):
    """A query that may attend to nothing gets zero weights and a zero output, with no NaN."""
    out, weights = attend(candidate, Q, K, V, mask=np.array([[False, False], [True, True]]))
    assert_arrays_close(weights, [[0.0, 0.0], [1 - W, W]], name="weights")
    assert_arrays_close(out, [[0.0, 0.0], [2.3395230986533138, 3.3395230986533138]], name="out")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_batched_shapes(candidate):
    """Batched inputs give out of shape (..., Lq, dv) and weights of shape (..., Lq, Lk)."""
    rng = np.random.default_rng(0)
    out, weights = attend(candidate, rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 3, 6)))
    assert out.shape == (2, 5, 6), f"out: shape {out.shape}, expected (2, 5, 6)"
    assert weights.shape == (2, 5, 3), f"weights: shape {weights.shape}, expected (2, 5, 3)"
