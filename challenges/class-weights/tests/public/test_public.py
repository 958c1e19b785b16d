"""Public tests for class-weights: run them with `grader test class-weights FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_arrays_close


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example: sorted classes and their balanced weights."""
    classes, weights = candidate.compute_class_weight([0, 0, 0, 0, 1, 1, 2])
    assert np.asarray(classes).tolist() == [0, 1, 2], f"classes: {np.asarray(classes).tolist()}"
    assert_arrays_close(weights, [7 / 12, 7 / 6, 7 / 3], rtol=1e-12, name="weights")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_sample_weights_example(candidate):
    """The worked example: each sample gets the weight of its class."""
    weights = candidate.compute_sample_weight([0, 0, 0, 0, 1, 1, 2])
    assert_arrays_close(weights, [7 / 12] * 4 + [7 / 6] * 2 + [7 / 3], rtol=1e-12, name="sample weights")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_absent_class_raises_value_error(candidate):
    """An explicit class that does not occur in y is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.compute_class_weight([0, 0, 1], classes=[0, 1, 2])
