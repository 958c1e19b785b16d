"""Public tests for precision-recall-f1: run them with `grader test precision-recall-f1 FILE`."""

import math

import pytest


def assert_scores(result, expected):
    assert len(result) == 3, f"expected (precision, recall, f1), got {result!r}"
    for name, got, want in zip(("precision", "recall", "f1"), result, expected):
        assert math.isclose(float(got), want, rel_tol=1e-9, abs_tol=1e-12), f"{name}: {got} != {want}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example: one false negative, no false positive."""
    result = candidate.precision_recall_f1([1, 0, 1, 1, 0, 1], [1, 0, 1, 0, 0, 1])
    assert_scores(result, (1.0, 0.75, 6 / 7))


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_nothing_predicted_positive_gives_zeros(candidate):
    """Zero denominators give 0.0, not NaN or an exception."""
    assert_scores(candidate.precision_recall_f1([0, 1], [0, 0]), (0.0, 0.0, 0.0))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_length_mismatch_raises_value_error(candidate):
    """Inputs of different lengths are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.precision_recall_f1([1, 0, 1], [1, 0])
