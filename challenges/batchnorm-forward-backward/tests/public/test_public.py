"""Public tests for batchnorm-forward-backward: run them with `grader test batchnorm-forward-backward FILE`."""

import numpy as np
import pytest
from harness.assertions import as_array, assert_arrays_close

X = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 4.0]])
DY = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, -1.0]])
S = 1.0 / np.sqrt(8.0 / 3.0 + 1e-5)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_training_forward_of_the_example(candidate):
    """The prompt's example: a training forward normalises each column with the batch statistics."""
    bn = candidate.BatchNorm1d(2)
    y = as_array(bn.forward(X), "y", ndim=2, kind="f")
    expected = np.array([[-2.0, -2.0], [0.0, 2.0], [2.0, 0.0]]) * S
    assert_arrays_close(y, expected, rtol=1e-10, atol=1e-12, name="y")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_running_statistics_of_the_example(candidate):
    """After one training forward, the running statistics move 10% of the way to the batch's."""
    bn = candidate.BatchNorm1d(2)
    bn.forward(X)
    assert_arrays_close(bn.running_mean, [0.3, 0.4], rtol=1e-12, name="running_mean")
    assert_arrays_close(bn.running_var, [1.3, 1.3], rtol=1e-12, name="running_var")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_backward_of_the_example(candidate):
    """The prompt's example: dx, dgamma and dbeta after a training forward."""
    bn = candidate.BatchNorm1d(2)
    bn.forward(X)
    result = bn.backward(DY)
    assert len(result) == 3, "backward must return (dx, dgamma, dbeta)"
    dx, dgamma, dbeta = (as_array(r, name, kind="f") for r, name in zip(result, ("dx", "dgamma", "dbeta")))
    assert_arrays_close(dbeta, [1.0, -1.0], rtol=1e-12, name="dbeta")
    assert_arrays_close(dgamma, [-2.0 * S, 0.0], rtol=1e-10, atol=1e-12, name="dgamma")
    expected_dx = [
        [0.10206303, 0.20412376],
        [-0.20412376, 0.20412376],
        [0.10206073, -0.40824753],
    ]
    assert_arrays_close(dx, expected_dx, rtol=1e-6, atol=1e-8, name="dx")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_training_on_one_sample_raises_value_error(candidate):
    """A training forward on a single sample is rejected with ValueError."""
    bn = candidate.BatchNorm1d(2)
    with pytest.raises(ValueError):
        bn.forward(np.array([[1.0, 2.0]]))
