"""Hidden tests for ridge-closed-form."""

import numpy as np
import pytest

from harness.assertions import as_array, assert_arrays_close, assert_close

RTOL = 1e-7

# A small problem with goldens from scikit-learn 1.9.1, Ridge(alpha, fit_intercept, solver="svd").
GOLD_X = np.array([
    [1.0, 2.0, 0.5], [2.0, 0.0, 1.5], [3.0, 1.0, -1.0], [4.0, 3.0, 2.0], [5.0, -1.0, 0.0], [6.0, 2.5, 1.0],
])  # fmt: skip
GOLD_Y = np.array([3.0, 2.0, 4.5, 7.0, 5.5, 9.0])
GOLDENS = [
    (1.0, True, [1.1359225473450236, 0.721315143694665, -0.11110696730787856], 0.36336513287933947),
    (10.0, True, [0.7699473383682954, 0.41427982749597875, 0.0314766484997849], 1.9330167656744695),
    (0.3, False, [1.214587654702857, 0.7872212427355668, -0.1480569950504267], 0.0),
]


def oracle(X, y, alpha, fit_intercept=True):
    """The closed form, solved independently with np.linalg.solve on the centred data."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(X.shape[1])
    y_mean = float(y.mean()) if fit_intercept else 0.0
    Xc, yc = X - x_mean, y - y_mean
    w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ yc)
    return w, y_mean - float(x_mean @ w)


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


def assert_fit(result, expected, context="", rtol=RTOL):
    """(w, b) agree with the expected pair, relative to the size of the parameters."""
    w_exp, b_exp = np.asarray(expected[0], dtype=float), float(expected[1])
    w, b = unpack(result, len(w_exp))
    scale = max(float(np.max(np.abs(w_exp), initial=0.0)), abs(b_exp), 1e-12)
    assert_arrays_close(w, w_exp, rtol=rtol, atol=rtol * scale, name=f"{context}w")
    assert_close(b, b_exp, rtol=rtol, atol=rtol * scale, name=f"{context}b")


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
@pytest.mark.parametrize("case", range(len(GOLDENS)))
def test_matches_scikit_learn(candidate, case):
    """Weights and intercept match scikit-learn's Ridge on a small problem."""
    alpha, fit_intercept, w, b = GOLDENS[case]
    result = candidate.ridge_fit(GOLD_X, GOLD_Y, alpha=alpha, fit_intercept=fit_intercept)
    assert_fit(result, (w, b), f"alpha={alpha}, fit_intercept={fit_intercept}: ", rtol=1e-9)


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_the_closed_form_on_random_problems(candidate, grading_seed):
    """On 60 generated problems (shapes, alphas, with and without intercept), the closed form is matched."""
    rng = np.random.default_rng(grading_seed)
    for case in range(60):
        n, d = int(rng.integers(2, 40)), int(rng.integers(1, 8))
        X = rng.normal(size=(n, d)) * rng.uniform(0.1, 10.0, size=d) + rng.normal(0, 5, size=d)
        y = X @ rng.normal(size=d) + rng.normal(0, 5) + rng.normal(size=n)
        alpha = float(10 ** rng.uniform(-2, 2))
        fit_intercept = bool(rng.integers(0, 2))
        context = f"case {case} (n={n}, d={d}, alpha={alpha:.3g}, fit_intercept={fit_intercept}): "
        result = candidate.ridge_fit(X, y, alpha=alpha, fit_intercept=fit_intercept)
        assert_fit(result, oracle(X, y, alpha, fit_intercept), context)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_gradient_of_the_objective_is_zero(candidate, grading_seed):
    """At the returned (w, b), the gradient of the penalised sum of squares vanishes (w and b)."""
    rng = np.random.default_rng(grading_seed + 1)
    for _ in range(10):
        n, d = int(rng.integers(5, 30)), int(rng.integers(1, 6))
        X = rng.normal(size=(n, d)) + rng.normal(0, 3, size=d)
        y = X @ rng.normal(size=d) + 2.0 + rng.normal(size=n)
        alpha = float(rng.uniform(0.1, 5.0))
        w, b = unpack(candidate.ridge_fit(X, y, alpha=alpha), d)
        residual = y - X @ w - b
        grad_w = -2 * X.T @ residual + 2 * alpha * w
        grad_b = -2 * residual.sum()
        scale = 2 * (np.abs(X).T @ np.abs(y) + alpha * np.abs(w)).max() + 1.0
        assert_arrays_close(grad_w / scale, np.zeros(d), rtol=0, atol=1e-9, name="gradient in w (scaled)")
        assert_close(grad_b / scale, 0.0, rtol=0, atol=1e-9, name="gradient in b (scaled)")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_alpha_zero_matches_least_squares(candidate):
    """alpha=0 on full-rank data matches least squares with an intercept."""
    rng = np.random.default_rng(6)
    X = rng.normal(size=(30, 4))
    y = X @ np.array([1.0, -2.0, 0.0, 0.5]) + 3.0 + 0.1 * rng.normal(size=30)
    theta = np.linalg.lstsq(np.column_stack([X, np.ones(30)]), y, rcond=None)[0]
    assert_fit(candidate.ridge_fit(X, y, alpha=0.0), (theta[:-1], theta[-1]))


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_larger_alpha_shrinks_the_weights(candidate):
    """The norm of w never grows as alpha grows, and the intercept is not shrunk to zero."""
    rng = np.random.default_rng(10)
    X = rng.normal(size=(25, 3))
    y = X @ np.array([3.0, -1.0, 2.0]) + 50.0 + rng.normal(size=25)
    norms = []
    for alpha in (0.0, 0.1, 1.0, 10.0, 100.0, 1000.0):
        w, b = unpack(candidate.ridge_fit(X, y, alpha=alpha), 3)
        norms.append(float(np.linalg.norm(w)))
        assert b > 40.0, f"alpha={alpha}: the intercept {b:.4g} was shrunk (it must not be penalised)"
    for before, after in zip(norms, norms[1:]):
        assert after <= before * (1 + 1e-12), f"|w| grew with alpha: {norms}"


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_duplicated_columns_share_the_weight(candidate):
    """Two identical columns with alpha > 0 give finite, equal weights."""
    rng = np.random.default_rng(2)
    x = rng.normal(size=20)
    X = np.column_stack([x, x, rng.normal(size=20)])
    y = 2.0 * x + X[:, 2] + rng.normal(size=20)
    w, b = unpack(candidate.ridge_fit(X, y, alpha=0.5), 3)
    assert np.all(np.isfinite(w)) and np.isfinite(b), f"non-finite result: w={w}, b={b}"
    assert_close(w[0], float(w[1]), rtol=1e-7, atol=1e-9, name="weights of the duplicated columns")
    assert_fit((w, b), oracle(X, y, 0.5))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_more_columns_than_rows(candidate):
    """With more columns than rows and alpha > 0 the unique solution is returned."""
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(4, 9)), rng.normal(size=4)
    assert_fit(candidate.ridge_fit(X, y, alpha=0.7), oracle(X, y, 0.7))
    assert_fit(candidate.ridge_fit(X, y, alpha=0.7, fit_intercept=False), oracle(X, y, 0.7, False))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_sample(candidate):
    """One sample with an intercept: w = 0 and b = y."""
    w, b = unpack(candidate.ridge_fit([[2.0, -1.0]], [3.5], alpha=1.0), 2)
    assert_arrays_close(w, [0.0, 0.0], atol=1e-12, name="w")
    assert_close(b, 3.5, rtol=1e-12, name="b")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_constant_column_gets_zero_weight(candidate):
    """A constant column gets weight 0 when an intercept is fitted."""
    rng = np.random.default_rng(4)
    X = np.column_stack([rng.normal(size=15), np.full(15, 7.0)])
    y = 3.0 * X[:, 0] + 1.0 + rng.normal(size=15)
    w, b = unpack(candidate.ridge_fit(X, y, alpha=2.0), 2)
    assert_close(w[1], 0.0, atol=1e-10, name="weight of the constant column")
    assert_fit((w, b), oracle(X, y, 2.0))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_huge_alpha_leaves_only_the_mean(candidate):
    """A huge alpha drives w to zero and b to the mean of y."""
    X = GOLD_X
    w, b = unpack(candidate.ridge_fit(X, GOLD_Y, alpha=1e12), 3)
    assert_arrays_close(w, np.zeros(3), atol=1e-9, name="w")
    assert_close(b, float(GOLD_Y.mean()), rtol=1e-9, name="b")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_without_intercept_on_uncentred_data(candidate):
    """fit_intercept=False on data far from the origin: no centring, b = 0."""
    X = GOLD_X + 10.0
    w, b = unpack(candidate.ridge_fit(X, GOLD_Y, alpha=2.0, fit_intercept=False), 3)
    assert b == 0.0, f"b: expected 0.0 without an intercept, got {b}"
    assert_fit((w, b), oracle(X, GOLD_Y, 2.0, False))


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_returns_a_float_array_and_a_scalar(candidate):
    """The result is a pair: a 1-D float64 numpy array w and a scalar b."""
    result = candidate.ridge_fit(GOLD_X, GOLD_Y)
    assert isinstance(result, tuple) and len(result) == 2, f"expected a tuple (w, b), got {type(result).__name__}"
    w, b = result
    assert isinstance(w, np.ndarray), f"w: expected a numpy array, got {type(w).__name__}"
    assert w.dtype == np.float64 and w.shape == (3,), f"w: expected float64 of shape (3,), got {w.dtype} {w.shape}"
    assert isinstance(b, (float, np.floating)), f"b: expected a float, got {type(b).__name__}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_defaults_are_alpha_one_with_intercept(candidate):
    """The defaults are alpha=1.0 and fit_intercept=True."""
    assert_fit(candidate.ridge_fit(GOLD_X, GOLD_Y), oracle(GOLD_X, GOLD_Y, 1.0))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_keyword_arguments_and_lists(candidate):
    """All parameters can be passed by keyword, and nested lists work like arrays."""
    result = candidate.ridge_fit(X=GOLD_X.tolist(), y=GOLD_Y.tolist(), alpha=0.25, fit_intercept=True)
    assert_fit(result, oracle(GOLD_X, GOLD_Y, 0.25))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_negative_alpha_raises_value_error(candidate):
    """Negative alphas, small or large, are rejected with ValueError; alpha=0 is accepted."""
    for alpha in (-0.5, -1e-3, -10.0):
        with pytest.raises(ValueError):
            candidate.ridge_fit(GOLD_X, GOLD_Y, alpha=alpha)
    candidate.ridge_fit(GOLD_X, GOLD_Y, alpha=0.0)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_shapes_raise_value_error(candidate):
    """A 1-D X, a 2-D y, mismatched lengths and an X without rows are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.ridge_fit(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError):
        candidate.ridge_fit(np.ones((3, 2)), np.ones((3, 1)))
    with pytest.raises(ValueError):
        candidate.ridge_fit(np.ones((4, 2)), np.ones(3))
    with pytest.raises(ValueError):
        candidate.ridge_fit(np.ones((0, 2)), np.ones(0))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """The function does not modify X or y (no centring in place)."""
    X, y = GOLD_X + 3.0, GOLD_Y.copy()
    for fit_intercept in (True, False):
        _, args, _ = candidate.ridge_fit.returning_args(X.copy(), y.copy(), 1.0, fit_intercept)
        np.testing.assert_array_equal(args[0], X)
        np.testing.assert_array_equal(args[1], y)


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_large_feature_means(candidate):
    """Features around 1e6 with a unit spread give accurate weights and intercept."""
    rng = np.random.default_rng(12)
    X = 1e6 + rng.normal(size=(50, 3))
    y = (X - 1e6) @ np.array([2.0, -1.0, 0.5]) + 4.0 + 0.1 * rng.normal(size=50)
    expected = oracle(X, y, 0.1)
    w, b = unpack(candidate.ridge_fit(X, y, alpha=0.1), 3)
    assert_arrays_close(w, expected[0], rtol=1e-6, atol=1e-6, name="w")
    # b is about -1.5e6 here: x_mean @ w cancels most of it, so compare predictions instead
    assert_arrays_close(X @ w + b, X @ expected[0] + expected[1], rtol=0, atol=1e-4, name="predictions")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_integer_inputs(candidate):
    """Integer X and y are handled in float64."""
    X = np.array([[1, 2], [2, 0], [3, -1], [4, 1], [0, 3]], dtype=np.int64)
    y = np.array([3, 2, 1, 5, 4], dtype=np.int64)
    assert_fit(candidate.ridge_fit(X, y, alpha=1.5), oracle(X, y, 1.5))


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_nearly_collinear_columns(candidate):
    """Two almost identical columns with a small alpha give the stable regularised solution."""
    rng = np.random.default_rng(14)
    x = rng.normal(size=40)
    X = np.column_stack([x, x + 1e-7 * rng.normal(size=40), rng.normal(size=40)])
    y = x + X[:, 2] + 0.01 * rng.normal(size=40)
    assert_fit(candidate.ridge_fit(X, y, alpha=1e-3), oracle(X, y, 1e-3), rtol=1e-6)


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_many_samples(candidate):
    """Fifty thousand samples and 20 features are solved accurately."""
    rng = np.random.default_rng(15)
    X = rng.normal(size=(50_000, 20)) + 3.0
    y = X @ rng.normal(size=20) + 1.0 + rng.normal(size=50_000)
    assert_fit(candidate.ridge_fit(X, y, alpha=5.0), oracle(X, y, 5.0))
