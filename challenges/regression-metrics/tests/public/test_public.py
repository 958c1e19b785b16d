"""Public tests for regression-metrics: run them with `grader test regression-metrics FILE`."""

import math

import pytest


def assert_metrics(result, expected):
    assert set(result) == set(expected), f"keys {sorted(result)}, expected {sorted(expected)}"
    for key, want in expected.items():
        got = float(result[key])
        assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12), f"{key}: {got!r} != {want!r}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The first worked example: all four metrics."""
    result = candidate.regression_metrics([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])
    assert_metrics(result, {"mse": 0.375, "rmse": math.sqrt(0.375), "mae": 0.5, "r2": 0.9486081370449679})


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_r2_can_be_negative(candidate):
    """Predictions worse than the mean give a negative R²."""
    assert math.isclose(float(candidate.regression_metrics([1, 2, 3], [3, 2, 1])["r2"]), -3.0)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_constant_targets(candidate):
    """Constant y_true: R² is 1.0 for perfect predictions and 0.0 otherwise."""
    assert float(candidate.regression_metrics([5, 5, 5], [5, 5, 5])["r2"]) == 1.0
    assert float(candidate.regression_metrics([5, 5, 5], [4, 5, 6])["r2"]) == 0.0


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_length_mismatch_raises_value_error(candidate):
    """Inputs of different lengths are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.regression_metrics([1.0, 2.0, 3.0], [1.0, 2.0])
