"""Public tests for softmax-cross-entropy: run them with `grader test softmax-cross-entropy FILE`."""

import numpy as np
import pytest
from harness.assertions import as_array, assert_arrays_close, assert_close

LOGITS = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]])
LABELS = np.array([0, 1])


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_softmax_and_log_softmax_of_the_example(candidate):
    """softmax and log_softmax of the prompt's example vector."""
    probs = as_array(candidate.softmax([1.0, 2.0, 3.0]), "softmax", ndim=1, kind="f")
    assert_arrays_close(probs, [0.09003057317038046, 0.24472847105479764, 0.6652409557748219], name="softmax")
    logp = as_array(candidate.log_softmax([1.0, 2.0, 3.0]), "log_softmax", ndim=1, kind="f")
    assert_arrays_close(logp, [-2.40760596444438, -1.4076059644443804, -0.4076059644443803], name="log_softmax")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_cross_entropy_and_gradient_of_the_example(candidate):
    """The prompt's cross-entropy example: mean, per-sample losses and gradient."""
    assert_close(candidate.cross_entropy(LOGITS, LABELS), 0.2851041117000609, name="mean loss")
    losses = as_array(candidate.cross_entropy(LOGITS, LABELS, reduction="none"), "losses", ndim=1)
    assert_arrays_close(losses, [0.4170300162778335, 0.1531782071222881], name="losses")
    grad = as_array(candidate.cross_entropy_grad(LOGITS, LABELS), "gradient", ndim=2)
    expected = [
        [-0.17049943055701605, 0.12121648535235696, 0.04928294520465908],
        [0.05805726733707059, -0.07101159469577135, 0.012954327358700763],
    ]
    assert_arrays_close(grad, expected, name="gradient")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_large_logits_do_not_overflow(candidate):
    """Logits around 1000 give the same probabilities as the same logits shifted to around 0."""
    probs = as_array(candidate.softmax([1000.0, 1001.0, 1002.0]), "softmax", ndim=1, kind="f")
    assert_arrays_close(probs, [0.09003057317038046, 0.24472847105479764, 0.6652409557748219], name="softmax")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_out_of_range_label_raises_value_error(candidate):
    """A label equal to the number of classes is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.cross_entropy(LOGITS, np.array([0, 3]))
