"""Public tests for inverted-dropout: run them with `grader test inverted-dropout FILE`."""

import numpy as np
import pytest
from harness.assertions import as_array, assert_arrays_close

X = np.array([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]])


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_kept_elements_are_scaled_and_dropped_ones_are_zero(candidate):
    """In training, out is x / (1 - p) where the mask keeps an element and 0 where it drops it."""
    out, mask = candidate.dropout_forward(X, p=0.5, seed=0)
    out = as_array(out, "out", kind="f")
    mask = as_array(mask, "mask", kind="b")
    assert out.shape == X.shape and mask.shape == X.shape, "out and mask must have x's shape"
    assert_arrays_close(out, np.where(mask, X * 2.0, 0.0), name="out")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_evaluation_returns_the_input(candidate):
    """In evaluation mode, out equals x and the mask is None."""
    out, mask = candidate.dropout_forward(X, p=0.5, training=False)
    assert_arrays_close(out, X, rtol=0, atol=0, name="out")
    assert mask is None, "the evaluation mask must be None"


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_same_seed_gives_the_same_mask(candidate):
    """Two calls with the same seed give the same output and mask."""
    first = candidate.dropout_forward(X, p=0.3, seed=42)
    second = candidate.dropout_forward(X, p=0.3, seed=42)
    same = np.array_equal(first[0], second[0]) and np.array_equal(first[1], second[1])
    assert same, "two calls with the same seed differ"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_p_above_one_raises_value_error(candidate):
    """A drop probability above 1 is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.dropout_forward(X, p=1.5, seed=0)
