"""Public tests for optimizer-steps: run them with `grader test optimizer-steps FILE`."""

import numpy as np
import pytest
from harness.assertions import as_array, assert_arrays_close


def unpack(result, count, shape):
    assert isinstance(result, tuple) and len(result) == count, f"expected a tuple of {count} arrays"
    arrays = [as_array(r, f"element {i} of the result", kind="f") for i, r in enumerate(result)]
    for i, arr in enumerate(arrays):
        assert arr.shape == shape, f"element {i} of the result: shape {arr.shape}, expected {shape}"
    return arrays


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_first_adam_step_of_the_example(candidate):
    """The prompt's first Adam step on a single number."""
    p, m, v = unpack(candidate.adam_step(1.0, 0.1, 0.0, 0.0, 1), 3, ())
    assert_arrays_close(p, 0.9990000001, rtol=1e-12, name="params")
    assert_arrays_close(m, 0.01, rtol=1e-12, name="m")
    assert_arrays_close(v, 1e-5, rtol=1e-12, name="v")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_two_sgd_momentum_steps_of_the_example(candidate):
    """The prompt's two SGD steps with momentum."""
    p, vel = unpack(candidate.sgd_step(np.array([1.0, -2.0]), np.array([0.5, -1.0]), np.zeros(2), lr=0.1, momentum=0.9), 2, (2,))
    assert_arrays_close(p, [0.95, -1.9], rtol=1e-12, name="params after step 1")
    assert_arrays_close(vel, [0.5, -1.0], rtol=1e-12, name="velocity after step 1")
    p, vel = unpack(candidate.sgd_step(p, np.array([0.3, -0.5]), vel, lr=0.1, momentum=0.9), 2, (2,))
    assert_arrays_close(p, [0.875, -1.76], rtol=1e-12, name="params after step 2")
    assert_arrays_close(vel, [0.75, -1.4], rtol=1e-12, name="velocity after step 2")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_rmsprop_step_of_the_example(candidate):
    """The prompt's RMSProp step with the default hyper-parameters."""
    p, s = unpack(candidate.rmsprop_step(np.array([1.0, -2.0]), np.array([0.5, -1.0]), np.zeros(2)), 2, (2,))
    assert_arrays_close(s, [0.0025, 0.01], rtol=1e-12, name="square_avg")
    assert_arrays_close(p, [0.900000019999996, -1.900000009999999], rtol=1e-12, name="params")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_adam_step_zero_raises_value_error(candidate):
    """Adam steps count from 1: t = 0 is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.adam_step(1.0, 0.1, 0.0, 0.0, 0)
