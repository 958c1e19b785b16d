"""Public tests for roc-auc-rank: run them with `grader test roc-auc-rank FILE`."""

import math

import pytest


def assert_auc(result, expected):
    value = float(result)
    assert math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-12), f"AUC {value!r} != {expected!r}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_without_ties(candidate):
    """The first worked example: no tied scores."""
    assert_auc(candidate.roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_a_tie_counts_one_half(candidate):
    """The second worked example: a positive and a negative with the same score count one half."""
    assert_auc(candidate.roc_auc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]), 0.875)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_one_class_raises_value_error(candidate):
    """Labels of a single class are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.roc_auc([1, 1, 1], [0.2, 0.3, 0.4])
