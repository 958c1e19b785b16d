"""Public tests for early-stopping: run them with `grader test early-stopping FILE`."""

import pytest


def epochs(result):
    assert len(result) == 2, f"expected (stop_epoch, best_epoch), got {result!r}"
    return int(result[0]), int(result[1])


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The first worked example: two epochs without improvement stop training."""
    result = candidate.early_stopping([0.9, 0.8, 0.75, 0.77, 0.76, 0.77, 0.78], patience=2, min_delta=0.01)
    assert epochs(result) == (4, 2), f"got {result!r}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_min_delta_decides_the_restored_epoch(candidate):
    """The second worked example: improvements smaller than min_delta do not move the best epoch."""
    result = candidate.early_stopping([1.0, 0.75, 0.6875, 0.625, 0.75], patience=2, min_delta=0.125)
    assert epochs(result) == (3, 1), f"got {result!r}"


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_running_out_of_epochs(candidate):
    """The third worked example: when the rule never stops training, the last epoch is reported."""
    result = candidate.early_stopping([0.5, 0.4], patience=3, min_delta=0.01)
    assert epochs(result) == (1, 1), f"got {result!r}"
