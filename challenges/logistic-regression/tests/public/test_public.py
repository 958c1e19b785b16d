"""Public tests for logistic-regression: run them with `grader test logistic-regression FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_arrays_close, assert_close


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_predict_example_from_the_prompt(candidate):
    """The worked prediction example: positive logits predict 1, negative ones 0."""
    got = np.asarray(candidate.logreg_predict([[1, 1], [2, 2], [-1, -1], [-2, -2]], [1, 1], 0))
    assert got.tolist() == [1, 1, 0, 0], f"predictions {got.tolist()} != [1, 1, 0, 0]"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_loss_gradient_and_one_step_from_the_prompt(candidate):
    """The worked loss, gradient and one-step fit examples."""
    assert_close(candidate.logreg_loss([[1.0], [-1.0]], [1, 0], [2.0], 0.0), float(np.log1p(np.exp(-2.0))), rtol=1e-9, name="loss")
    grad_w, grad_b = candidate.logreg_gradient([[1.0], [-1.0]], [1, 0], [0.0], 0.0)
    assert_arrays_close(grad_w, [-0.5], name="grad_w")
    assert_close(grad_b, 0.0, name="grad_b")
    w, b = candidate.logreg_fit([[1.0], [-1.0]], [1, 0], lr=0.1, n_iter=1)
    assert_arrays_close(w, [0.05], name="w")
    assert_close(b, 0.0, name="b")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_sigmoid_saturates_without_nan(candidate):
    """sigmoid gives exactly 0.0 and 1.0 for huge logits, and 0.5 at 0."""
    got = candidate.sigmoid(np.array([0.0, -1000.0, 1000.0]))
    assert_arrays_close(got, [0.5, 0.0, 1.0], rtol=0, atol=0, name="sigmoid")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_loss_of_a_confidently_wrong_sample(candidate):
    """A sample with y = 1 and logit -1000 has loss exactly 1000 (no inf, NaN or clipping)."""
    assert_close(candidate.logreg_loss([[1.0]], [1], [-1000.0], 0.0), 1000.0, rtol=1e-12, name="loss")
