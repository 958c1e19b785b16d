"""Public tests for feature-scalers: run them with `grader test feature-scalers FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_arrays_close

X = np.array([[1, -1, 10], [2, 0, 10], [4, 3, 10], [9, 2, 10]])


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_standard_scaler_example(candidate):
    """The worked example: StandardScaler's mean_ and scale_ (population standard deviation)."""
    scaler = candidate.StandardScaler()
    scaler.fit(X)
    assert_arrays_close(scaler.mean_, [4.0, 1.0, 10.0], name="mean_")
    assert_arrays_close(scaler.scale_, [3.082207001484488, 1.5811388300841898, 1.0], name="scale_")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_min_max_scaler_example(candidate):
    """The worked example: MinMaxScaler with feature_range=(-1, 2) on new data."""
    scaler = candidate.MinMaxScaler(feature_range=(-1, 2))
    scaler.fit(X)
    assert_arrays_close(scaler.transform(np.array([[0.0, 5.0, 11.0]])), [[-1.375, 3.5, 2.0]], name="transform")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_robust_scaler_example(candidate):
    """The worked example: RobustScaler's median center_ and interquartile scale_."""
    scaler = candidate.RobustScaler()
    scaler.fit(X)
    assert_arrays_close(scaler.center_, [3.0, 1.0, 10.0], name="center_")
    assert_arrays_close(scaler.scale_, [3.5, 2.5, 1.0], name="scale_")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_constant_column_standardises_to_zero(candidate):
    """A constant column gets scale_ 1.0 and transforms to zeros."""
    scaler = candidate.StandardScaler()
    scaler.fit(X)
    out = np.asarray(scaler.transform(X))
    assert_arrays_close(out[:, 2], np.zeros(4), atol=1e-12, name="constant column")
