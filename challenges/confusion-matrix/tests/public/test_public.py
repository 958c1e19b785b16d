"""Public tests for confusion-matrix: run them with `grader test confusion-matrix FILE`."""

import numpy as np
import pytest


def assert_matrix(result, expected):
    got = np.asarray(result)
    want = np.asarray(expected)
    assert got.shape == want.shape, f"shape {got.shape}, expected {want.shape}"
    same = np.array_equal(got, want)
    assert same, f"got\n{got}\nexpected\n{want}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example with three classes and the default label order."""
    result = candidate.confusion_matrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2])
    assert_matrix(result, [[2, 0, 0], [0, 0, 1], [1, 0, 2]])


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_rows_are_true_and_columns_predicted(candidate):
    """Two classes: rows are true labels and columns are predicted labels, [[TN, FP], [FN, TP]]."""
    result = candidate.confusion_matrix([0, 1, 1, 0, 1], [0, 1, 0, 1, 1])
    assert_matrix(result, [[1, 1], [1, 2]])


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_explicit_labels_drop_other_samples(candidate):
    """With explicit labels, their order is kept and samples with other labels are not counted."""
    result = candidate.confusion_matrix(["cat", "dog", "cat"], ["dog", "dog", "bird"], labels=["dog", "cat"])
    assert_matrix(result, [[1, 0], [1, 0]])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_length_mismatch_raises_value_error(candidate):
    """Inputs of different lengths are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.confusion_matrix([1, 0, 1], [1, 0])
