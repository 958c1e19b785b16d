"""Public tests for tree-best-split: run them with `grader test tree-best-split FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_close


def check(result, X, feature, low, decrease):
    """The result splits on ``feature``, sends exactly the samples <= ``low`` left, and has the decrease."""
    assert result is not None and len(result) == 3, f"expected (feature, threshold, decrease), got {result!r}"
    got_feature, threshold, got_decrease = result
    assert int(got_feature) == feature, f"feature {got_feature} != {feature}"
    column = np.asarray(X, dtype=float)[:, feature]
    got_left = (column <= float(threshold)).tolist()
    want_left = (column <= low).tolist()
    assert got_left == want_left, f"threshold {threshold} sends {got_left} left, expected {want_left}"
    assert_close(got_decrease, decrease, rtol=1e-9, atol=1e-9, name="impurity decrease")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example: one feature, the classes are separated at the midpoint 3.0."""
    X = [[2.5], [3.5], [1.0], [4.0]]
    result = candidate.best_split(X, [0, 1, 0, 1])
    check(result, X, 0, 2.5, 0.5)
    assert_close(result[1], 3.0, rtol=1e-12, name="threshold")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_gini_and_entropy_with_string_labels(candidate):
    """String labels, a constant second feature, and both criteria."""
    X = [[1, 7], [2, 7], [3, 7], [4, 7], [5, 7]]
    y = ["a", "a", "b", "b", "b"]
    check(candidate.best_split(X, y), X, 0, 2.0, 0.48)
    check(candidate.best_split(X, y, criterion="entropy"), X, 0, 2.0, 0.9709505944546686)


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_pure_node_returns_none(candidate):
    """When all labels are the same there is nothing to split: the result is None."""
    assert candidate.best_split([[1.0], [2.0]], [1, 1]) is None


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_unknown_criterion_raises_value_error(candidate):
    """A criterion other than "gini" or "entropy" is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.best_split([[1.0], [2.0]], [0, 1], criterion="mse")
