"""Public tests for silhouette-score: run them with `grader test silhouette-score FILE`."""

import math

import numpy as np
import pytest

X_EXAMPLE = [[1, 1], [1.5, 2], [3, 4], [5, 7], [3.5, 5], [4.5, 5], [3.5, 4.5]]


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_score(candidate):
    """The first worked example: the mean silhouette of two clusters."""
    result = float(candidate.silhouette_score(X_EXAMPLE, [0, 0, 1, 1, 1, 1, 1]))
    assert math.isclose(result, 0.6450054987719778, rel_tol=1e-9), f"score {result!r}"


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_singleton_gets_zero(candidate):
    """The second worked example: a sample alone in its cluster gets 0."""
    result = np.asarray(candidate.silhouette_samples([[0], [0.1], [5], [5.1], [10]], [0, 0, 1, 1, 2]))
    assert result.shape == (5,), f"shape {result.shape}, expected (5,)"
    expected = [0.98019801980198, 0.97979797979798, 0.97979797979798, 0.9795918367346939, 0.0]
    np.testing.assert_allclose(result, expected, rtol=1e-9, atol=1e-12)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_one_cluster_raises_value_error(candidate):
    """A single cluster is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.silhouette_score([[0], [1], [2]], ["x", "x", "x"])
