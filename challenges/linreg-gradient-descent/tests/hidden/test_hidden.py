"""Hidden tests for linreg-gradient-descent."""

import numpy as np
import pytest

from harness.assertions import as_array, assert_arrays_close, assert_close

RTOL = 1e-9


def oracle(X, y, lr, n_iter):
    """The pinned update rule, written independently with an appended column of ones."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    A = np.column_stack([X, np.ones(len(X))])
    theta = np.zeros(A.shape[1])
    for _ in range(n_iter):
        theta = theta - lr / len(X) * (A.T @ (A @ theta - y))
    return theta[:-1], float(theta[-1])


def unpack(result, d):
    """Checks the result's structure; returns (w as float64, b as float)."""
    assert isinstance(result, (tuple, list)) and len(result) == 2, (
        f"expected a (w, b) pair, got {type(result).__name__}"
    )
    w = as_array(result[0], "w", ndim=1, kind="fiu")
    assert w.shape == (d,), f"w: expected shape {(d,)}, got {w.shape}"
    b = result[1]
    assert np.ndim(b) == 0, f"b: expected a scalar, got shape {np.shape(b)}"
    return w.astype(np.float64), float(b)


def assert_fit(result, expected, context=""):
    """(w, b) agree with the expected pair to RTOL, relative to the size of the parameters."""
    w_exp, b_exp = expected
    w, b = unpack(result, len(w_exp))
    scale = max(float(np.max(np.abs(w_exp), initial=0.0)), abs(b_exp), 1e-12)
    assert_arrays_close(w, w_exp, rtol=RTOL, atol=RTOL * scale, name=f"{context}w")
    assert_close(b, b_exp, rtol=RTOL, atol=RTOL * scale, name=f"{context}b")


def stable_lr(X, fraction):
    """A learning rate at ``fraction`` of the stability limit 2 / lambda_max of the loss's Hessian."""
    A = np.column_stack([X, np.ones(len(X))])
    lam_max = float(np.linalg.eigvalsh(A.T @ A / len(X))[-1])
    return fraction * 2.0 / lam_max


def loss(X, y, w, b):
    residual = np.asarray(X, dtype=float) @ w + b - np.asarray(y, dtype=float)
    return float(residual @ residual) / (2 * len(residual))


SMALL_X = np.array([[1.0, 2.0], [2.0, 0.5], [3.0, -1.0], [4.0, 1.5]])
SMALL_Y = np.array([3.0, 2.5, 1.0, 5.0])


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_one_step_from_zero_on_two_features(candidate):
    """One step from zero: w = lr * X^T y / n and b = lr * mean(y), with two features."""
    lr = 0.05
    expected = (lr * SMALL_X.T @ SMALL_Y / 4, lr * SMALL_Y.mean())
    assert_fit(candidate.linreg_gd(SMALL_X, SMALL_Y, lr=lr, n_iter=1), expected)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_two_steps_update_w_and_b_together(candidate):
    """Two steps: the second step's gradients for w and b both come from the same residuals."""
    # frozen from the update rule: r0 = -y; w1 = lr X^T y / n, b1 = lr mean(y); r1 = X w1 + b1 - y
    assert_fit(
        candidate.linreg_gd(SMALL_X, SMALL_Y, lr=0.05, n_iter=2),
        (np.array([0.598828125, 0.29318359375]), 0.2254296875),
    )


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_fixed_number_of_steps(candidate):
    """After 50 and 500 steps the parameters match the update rule exactly (no early stopping)."""
    rng = np.random.default_rng(21)
    X = rng.normal(size=(30, 3))
    y = X @ np.array([1.5, -2.0, 0.5]) + 4.0 + 0.1 * rng.normal(size=30)
    lr = stable_lr(X, 0.4)
    for n_iter in (50, 500):
        assert_fit(candidate.linreg_gd(X, y, lr=lr, n_iter=n_iter), oracle(X, y, lr, n_iter), f"n_iter={n_iter}: ")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_the_update_rule_on_random_problems(candidate, grading_seed):
    """On 40 generated problems (sizes, learning rates, step counts), the result follows the update rule."""
    rng = np.random.default_rng(grading_seed)
    for case in range(40):
        n, d = int(rng.integers(1, 50)), int(rng.integers(1, 7))
        X = rng.normal(size=(n, d)) * rng.uniform(0.2, 5.0, size=d) + rng.normal(size=d)
        y = X @ rng.normal(size=d) + rng.normal() + rng.normal(size=n)
        lr = stable_lr(X, float(rng.uniform(0.05, 0.9)))
        n_iter = int(rng.integers(0, 300))
        context = f"case {case} (n={n}, d={d}, n_iter={n_iter}): "
        assert_fit(candidate.linreg_gd(X, y, lr=lr, n_iter=n_iter), oracle(X, y, lr, n_iter), context)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_converges_to_least_squares(candidate):
    """With enough steps on well-conditioned data, (w, b) reaches the least-squares solution."""
    rng = np.random.default_rng(8)
    X = rng.normal(size=(200, 4))
    y = X @ np.array([2.0, -1.0, 0.5, 3.0]) - 1.5 + rng.normal(size=200)
    A = np.column_stack([X, np.ones(200)])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    w, b = unpack(candidate.linreg_gd(X, y, lr=0.5, n_iter=3000), 4)
    assert_arrays_close(w, theta[:-1], rtol=0, atol=1e-8, name="w")
    assert_close(b, float(theta[-1]), rtol=0, atol=1e-8, name="b")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_loss_never_increases(candidate):
    """The loss after 0, 1, 2, 5, 20 and 100 steps never increases."""
    rng = np.random.default_rng(4)
    X = rng.normal(size=(25, 2)) * [1.0, 3.0]
    y = X @ np.array([0.7, -0.2]) + 2.0 + rng.normal(size=25)
    lr = stable_lr(X, 0.5)
    losses = [loss(X, y, *unpack(candidate.linreg_gd(X, y, lr=lr, n_iter=t), 2)) for t in (0, 1, 2, 5, 20, 100)]
    for before, after in zip(losses, losses[1:]):
        assert after <= before + 1e-12, f"the loss went up from {before:.6g} to {after:.6g}: {losses}"
    assert losses[-1] < losses[0], "the loss did not go down at all"


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_zero_iterations_return_zeros(candidate):
    """n_iter=0 returns w as d zeros and b = 0, whatever the data."""
    w, b = unpack(candidate.linreg_gd(SMALL_X * 7, SMALL_Y - 3, lr=0.3, n_iter=0), 2)
    assert np.all(w == 0.0), f"w: expected zeros, got {w}"
    assert b == 0.0, f"b: expected 0, got {b}"


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_sample(candidate):
    """One sample: the update rule still applies (with n = 1)."""
    X, y = np.array([[2.0, -1.0]]), np.array([3.0])
    assert_fit(candidate.linreg_gd(X, y, lr=0.1, n_iter=25), oracle(X, y, 0.1, 25))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_constant_feature(candidate):
    """A constant feature column (collinear with the intercept) follows the update rule."""
    X = np.column_stack([np.full(6, 2.0), np.arange(6.0)])
    y = np.array([1.0, 3.0, 2.0, 5.0, 4.0, 6.0])
    lr = stable_lr(X, 0.5)
    assert_fit(candidate.linreg_gd(X, y, lr=lr, n_iter=200), oracle(X, y, lr, 200))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_more_features_than_samples(candidate):
    """More features than samples (an underdetermined problem) follows the update rule."""
    rng = np.random.default_rng(13)
    X, y = rng.normal(size=(3, 8)), rng.normal(size=3)
    lr = stable_lr(X, 0.5)
    assert_fit(candidate.linreg_gd(X, y, lr=lr, n_iter=100), oracle(X, y, lr, 100))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_zero_targets_stay_at_zero(candidate):
    """With y all zero, w and b stay exactly zero."""
    w, b = unpack(candidate.linreg_gd(SMALL_X, np.zeros(4), lr=0.05, n_iter=30), 2)
    assert np.all(w == 0.0) and b == 0.0, f"expected zeros, got w={w}, b={b}"


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_returns_a_float_array_and_a_scalar(candidate):
    """The result is a pair: a 1-D float64 numpy array w and a scalar b."""
    result = candidate.linreg_gd(SMALL_X, SMALL_Y, lr=0.05, n_iter=3)
    assert isinstance(result, tuple) and len(result) == 2, f"expected a tuple (w, b), got {type(result).__name__}"
    w, b = result
    assert isinstance(w, np.ndarray), f"w: expected a numpy array, got {type(w).__name__}"
    assert w.dtype == np.float64 and w.shape == (2,), f"w: expected float64 of shape (2,), got {w.dtype} {w.shape}"
    assert isinstance(b, (float, np.floating)), f"b: expected a float, got {type(b).__name__}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_default_learning_rate_and_steps(candidate):
    """The defaults are lr=0.01 and n_iter=1000."""
    assert_fit(candidate.linreg_gd(SMALL_X, SMALL_Y), oracle(SMALL_X, SMALL_Y, 0.01, 1000))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_keyword_arguments_and_lists(candidate):
    """All parameters can be passed by keyword, and nested lists work like arrays."""
    result = candidate.linreg_gd(X=SMALL_X.tolist(), y=SMALL_Y.tolist(), lr=0.02, n_iter=40)
    assert_fit(result, oracle(SMALL_X, SMALL_Y, 0.02, 40))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_shapes_raise_value_error(candidate):
    """A 1-D X, a 2-D y, mismatched lengths and an X without rows are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.linreg_gd(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError):
        candidate.linreg_gd(np.ones((3, 2)), np.ones((3, 1)))
    with pytest.raises(ValueError):
        candidate.linreg_gd(np.ones((4, 2)), np.ones(3))
    with pytest.raises(ValueError):
        candidate.linreg_gd(np.ones((0, 2)), np.ones(0))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_learning_rate_or_step_count_raises_value_error(candidate):
    """lr <= 0 and a negative n_iter are rejected with ValueError."""
    for kwargs in ({"lr": 0.0}, {"lr": -0.1}, {"n_iter": -1}, {"n_iter": -5}):
        with pytest.raises(ValueError):
            candidate.linreg_gd(SMALL_X, SMALL_Y, **kwargs)
    assert_fit(candidate.linreg_gd(SMALL_X, SMALL_Y, lr=1.0, n_iter=1), oracle(SMALL_X, SMALL_Y, 1.0, 1))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """The function does not modify X or y."""
    X, y = SMALL_X.copy(), SMALL_Y.copy()
    _, args, _ = candidate.linreg_gd.returning_args(X.copy(), y.copy(), lr=0.05, n_iter=10)
    np.testing.assert_array_equal(args[0], X)
    np.testing.assert_array_equal(args[1], y)


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_integer_inputs(candidate):
    """Integer X and y are handled in float64 (no integer weights, no truncation)."""
    X = np.array([[1, 2], [2, 0], [3, -1], [4, 1], [0, 3]], dtype=np.int64)
    y = np.array([3, 2, 1, 5, 4], dtype=np.int64)
    lr = stable_lr(X.astype(float), 0.5)
    assert_fit(candidate.linreg_gd(X, y, lr=lr, n_iter=100), oracle(X, y, lr, 100))


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_float32_inputs_are_computed_in_float64(candidate):
    """float32 inputs give the float64 result to a relative 1e-9, not float32 precision."""
    rng = np.random.default_rng(17)
    X = rng.normal(size=(40, 3)).astype(np.float32)
    y = (X @ np.array([1.0, 2.0, -1.0], dtype=np.float32) + 0.3).astype(np.float32)
    lr = stable_lr(X.astype(float), 0.5)
    assert_fit(candidate.linreg_gd(X, y, lr=lr, n_iter=300), oracle(X, y, lr, 300))


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_many_samples(candidate):
    """A hundred thousand samples: the means over samples stay accurate."""
    rng = np.random.default_rng(29)
    X = rng.normal(size=(100_000, 3)) + [5.0, -3.0, 0.0]
    y = X @ np.array([0.5, 1.0, -2.0]) + 10.0 + rng.normal(size=100_000)
    lr = stable_lr(X, 0.5)
    assert_fit(candidate.linreg_gd(X, y, lr=lr, n_iter=20), oracle(X, y, lr, 20))
