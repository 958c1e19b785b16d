"""Public tests for kmeans: run them with `grader test kmeans FILE`."""

import numpy as np
import pytest


def unpack(result, n, k, d):
    assert isinstance(result, (tuple, list)) and len(result) == 2, "expected a (labels, centroids) pair"
    labels, centroids = np.asarray(result[0]), np.asarray(result[1])
    assert labels.shape == (n,), f"labels have shape {labels.shape}, expected {(n,)}"
    assert labels.dtype.kind in "iu", f"labels have dtype {labels.dtype}, expected an integer dtype"
    assert centroids.shape == (k, d), f"centroids have shape {centroids.shape}, expected {(k, d)}"
    assert centroids.dtype.kind == "f", f"centroids have dtype {centroids.dtype}, expected a float dtype"
    assert np.all(np.isfinite(centroids)), "centroids contain NaN or inf"
    return labels, centroids


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example: two obvious clusters, found up to a renaming."""
    X = np.array([[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]], dtype=float)
    labels, centroids = unpack(candidate.kmeans(X, 2, seed=0), 6, 2, 2)
    assert labels[0] == labels[1] == labels[2] != labels[3] == labels[4] == labels[5], labels.tolist()
    np.testing.assert_allclose(centroids[labels[0]], [1 / 3, 1 / 3], rtol=1e-9)
    np.testing.assert_allclose(centroids[labels[3]], [31 / 3, 31 / 3], rtol=1e-9)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_shapes_and_dtypes(candidate):
    """Integer labels of shape (n,) in 0..k-1, float centroids of shape (k, d)."""
    X = np.random.default_rng(0).standard_normal((20, 3))
    labels, _ = unpack(candidate.kmeans(X, 4, seed=1), 20, 4, 3)
    assert labels.min() >= 0 and labels.max() <= 3, labels.tolist()


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_k_larger_than_n_raises_value_error(candidate):
    """More clusters than points is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.kmeans(np.zeros((3, 2)), 4, seed=0)


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_same_seed_same_result(candidate):
    """Two calls with the same seed give identical results."""
    X = np.random.default_rng(1).uniform(0.0, 1.0, (30, 2))
    first = candidate.kmeans(X, 3, n_init=1, seed=42)
    second = candidate.kmeans(X, 3, n_init=1, seed=42)
    np.testing.assert_array_equal(first[0], second[0])
    np.testing.assert_array_equal(first[1], second[1])
