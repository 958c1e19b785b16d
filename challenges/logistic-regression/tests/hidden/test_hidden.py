"""Hidden tests for logistic-regression."""

import numpy as np
import pytest

from harness.assertions import (
    as_array,
    assert_arrays_close,
    assert_close,
    assert_gradient_close,
    numerical_gradient,
)

RTOL = 1e-9

# -- independent oracles -----------------------------------------------------------------------


def sig(z):
    """The sigmoid with the two usual branches (no overflow on either side)."""
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def loss_oracle(X, y, w, b, l2=0.0):
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    z = X @ w + b
    per_sample = np.where(y == 1, np.logaddexp(0.0, -z), np.logaddexp(0.0, z))
    return float(per_sample.mean() + 0.5 * l2 * float(w @ w))


def grad_oracle(X, y, w, b, l2=0.0):
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    error = sig(X @ w + b) - y
    return X.T @ error / len(X) + l2 * w, float(error.mean())


def fit_oracle(X, y, lr, n_iter, l2=0.0):
    X, y = np.asarray(X, float), np.asarray(y, float)
    theta = np.zeros(X.shape[1] + 1)
    for _ in range(n_iter):
        grad_w, grad_b = grad_oracle(X, y, theta[:-1], theta[-1], l2)
        theta = theta - lr * np.append(grad_w, grad_b)
    return theta[:-1], float(theta[-1])


# -- helpers -----------------------------------------------------------------------------------


def pair(result, d, names=("w", "b")):
    """Checks a (vector, scalar) result; returns (float64 array, float)."""
    assert isinstance(result, (tuple, list)) and len(result) == 2, (
        f"expected a ({names[0]}, {names[1]}) pair, got {type(result).__name__}"
    )
    vec = as_array(result[0], names[0], ndim=1, kind="fiu")
    assert vec.shape == (d,), f"{names[0]}: expected shape {(d,)}, got {vec.shape}"
    scalar = result[1]
    assert np.ndim(scalar) == 0, f"{names[1]}: expected a scalar, got shape {np.shape(scalar)}"
    return vec.astype(np.float64), float(scalar)


def assert_pair(result, expected, names=("w", "b"), context="", rtol=RTOL):
    vec_exp, scalar_exp = np.asarray(expected[0], float), float(expected[1])
    vec, scalar = pair(result, len(vec_exp), names)
    scale = max(float(np.max(np.abs(vec_exp), initial=0.0)), abs(scalar_exp), 1e-12)
    assert_arrays_close(vec, vec_exp, rtol=rtol, atol=rtol * scale, name=f"{context}{names[0]}")
    assert_close(scalar, scalar_exp, rtol=rtol, atol=rtol * scale, name=f"{context}{names[1]}")


def safe_lr(X, l2, fraction):
    """``fraction`` of 2 / L, L bounding the loss's curvature: the iteration is then contractive,
    so rounding differences between correct implementations stay at rounding level."""
    A = np.column_stack([np.asarray(X, float), np.ones(len(X))])
    curvature = float(np.linalg.eigvalsh(A.T @ A / len(X))[-1]) / 4 + l2
    return fraction * 2.0 / curvature


def random_problem(rng, n_max=40, d_max=5):
    n, d = int(rng.integers(1, n_max)), int(rng.integers(1, d_max + 1))
    X = rng.normal(size=(n, d)) * rng.uniform(0.3, 3.0, size=d) + rng.normal(size=d)
    z = X @ rng.normal(size=d) + rng.normal()
    y = (rng.uniform(size=n) < sig(z)).astype(np.int64)
    return X, y


# A non-separable problem, with goldens from scikit-learn 1.9.1:
# LogisticRegression(C=1 / (n * l2), tol=1e-14, max_iter=100000).fit(FIT_X, FIT_Y)
FIT_X = np.array([
    [-0.489, -1.736, 0.644], [0.694, 0.84, 0.289], [-0.136, 0.084, -0.158], [0.178, -0.806, -0.763],
    [1.692, -2.342, 0.5], [0.636, 2.064, -0.33], [0.188, -0.324, -1.104], [1.328, 2.083, 0.563],
    [1.255, -1.292, 0.641], [1.574, -0.215, 0.003], [0.138, -3.46, 0.613], [-1.672, -1.74, 0.082],
    [1.36, 2.523, 0.497], [0.208, 0.456, -0.631], [1.93, -1.313, -0.337], [-0.139, -1.123, -0.196],
    [2.79, -2.436, 0.016], [0.528, -0.943, 0.028], [0.018, -2.167, -0.431], [-0.988, -0.567, 0.492],
    [-0.043, -2.117, -0.158], [0.039, -3.873, 0.683], [0.939, -2.423, 0.149], [0.062, -1.423, 0.182],
    [1.453, 2.039, 0.852], [0.251, -1.999, 0.05], [0.628, -2.468, -0.31], [1.313, 2.284, -0.113],
    [-0.148, -1.567, -0.498], [0.227, -0.155, -0.041], [1.735, -0.698, 0.241], [0.351, 1.631, -0.611],
    [0.196, -3.347, 0.413], [1.35, -2.032, 0.829], [0.203, -3.767, -0.141], [0.86, -1.469, 1.133],
    [1.355, 2.463, 0.693], [-1.186, -1.756, -1.364], [-0.146, 1.23, -0.422], [-0.137, -0.348, 0.394],
])  # fmt: skip
FIT_Y = np.array([1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1,
                  1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1])  # fmt: skip
SKLEARN = {
    0.1: ([0.7371530792359802, -0.06111495225834578, 0.952755066716756], 0.6605684675640829),
    0.02: ([1.309583106208112, -0.05486353477182104, 2.362852148894577], 0.712095745506856),
}


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_loss_on_a_small_problem(candidate):
    """The loss of a small problem, with and without the L2 term, matches the formula."""
    X = np.array([[0.5, 1.0], [-1.0, 2.0], [2.0, -0.5], [0.0, 0.0]])
    y = np.array([1, 0, 1, 0])
    w, b = np.array([0.8, -0.3]), 0.2
    assert_close(candidate.logreg_loss(X, y, w, b), loss_oracle(X, y, w, b), rtol=RTOL, name="loss")
    assert_close(candidate.logreg_loss(X, y, w, b, l2=0.5), loss_oracle(X, y, w, b, 0.5), rtol=RTOL, name="loss with l2=0.5")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_gradient_matches_finite_differences(candidate, grading_seed):
    """On 15 generated problems, the gradient matches central finite differences of the loss."""
    rng = np.random.default_rng(grading_seed)
    for case in range(15):
        X, y = random_problem(rng)
        d = X.shape[1]
        w, b = rng.normal(size=d), float(rng.normal())
        l2 = float(rng.choice([0.0, 0.3, 2.0]))
        theta = np.append(w, b)
        numeric = numerical_gradient(lambda t: loss_oracle(X, y, t[:-1], t[-1], l2), theta)
        grad_w, grad_b = pair(candidate.logreg_gradient(X, y, w, b, l2=l2), d, ("grad_w", "grad_b"))
        assert_gradient_close(np.append(grad_w, grad_b), numeric, rtol=1e-5, atol=1e-7, name=f"case {case}: gradient")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_gradient_matches_its_own_loss(candidate):
    """The candidate's gradient is the derivative of the candidate's own loss (with l2)."""
    X = np.array([[1.0, -2.0], [0.5, 0.5], [-1.5, 1.0], [2.0, 0.1], [0.3, -0.7]])
    y = np.array([1, 0, 0, 1, 1])
    theta = np.array([0.4, -0.6, 0.1])
    numeric = numerical_gradient(lambda t: float(candidate.logreg_loss(X, y, t[:-1], float(t[-1]), l2=0.7)), theta)
    grad_w, grad_b = pair(candidate.logreg_gradient(X, y, theta[:-1], float(theta[-1]), l2=0.7), 2, ("grad_w", "grad_b"))
    assert_gradient_close(np.append(grad_w, grad_b), numeric, rtol=1e-5, atol=1e-7)


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_fit_follows_the_update_rule_on_random_problems(candidate, grading_seed):
    """On 30 generated problems (learning rates, step counts, l2), the fit follows the update rule."""
    rng = np.random.default_rng(grading_seed + 1)
    for case in range(30):
        X, y = random_problem(rng)
        n_iter = int(rng.integers(0, 150))
        l2 = float(rng.choice([0.0, 0.0, 0.1, 0.5]))
        lr = safe_lr(X, l2, float(rng.uniform(0.05, 0.9)))
        context = f"case {case} (n={len(X)}, d={X.shape[1]}, n_iter={n_iter}, l2={l2}): "
        result = candidate.logreg_fit(X, y, lr=lr, n_iter=n_iter, l2=l2)
        assert_pair(result, fit_oracle(X, y, lr, n_iter, l2), context=context)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
@pytest.mark.parametrize("l2", sorted(SKLEARN))
def test_fit_converges_to_scikit_learn(candidate, l2):
    """With an L2 penalty and enough steps, the fit matches scikit-learn's LogisticRegression."""
    w_exp, b_exp = SKLEARN[l2]
    w, b = pair(candidate.logreg_fit(FIT_X, FIT_Y, lr=1.0, n_iter=3000, l2=l2), 3)
    assert_arrays_close(w, w_exp, rtol=0, atol=1e-6, name="w")
    assert_close(b, b_exp, rtol=0, atol=1e-6, name="b")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_fitted_model_predicts_better_than_chance(candidate):
    """The fitted weights classify most training samples of a noisy problem correctly."""
    w, b = pair(candidate.logreg_fit(FIT_X, FIT_Y, lr=0.5, n_iter=500), 3)
    predictions = np.asarray(candidate.logreg_predict(FIT_X, w, b))
    expected = (FIT_X @ w + b >= 0).astype(int)
    assert predictions.tolist() == expected.tolist(), "predictions do not follow the sign of the logits"
    accuracy = float(np.mean(predictions == FIT_Y))
    assert accuracy >= 0.8, f"training accuracy {accuracy:.2f} is too low"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_flipping_the_labels_negates_the_fit(candidate, grading_seed):
    """Fitting 1 - y gives exactly -w and -b (the problem is symmetric)."""
    rng = np.random.default_rng(grading_seed + 2)
    for case in range(5):
        X, y = random_problem(rng)
        lr = safe_lr(X, 0.1, 0.5)
        w, b = pair(candidate.logreg_fit(X, y, lr=lr, n_iter=100, l2=0.1), X.shape[1])
        flipped = candidate.logreg_fit(X, 1 - y, lr=lr, n_iter=100, l2=0.1)
        assert_pair(flipped, (-w, -b), context=f"case {case}: flipped ", rtol=1e-8)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_predictions_follow_the_sign_of_the_logits(candidate, grading_seed):
    """On generated data and weights, predictions are 1 exactly where X @ w + b >= 0."""
    rng = np.random.default_rng(grading_seed + 3)
    for _ in range(20):
        X = rng.normal(size=(int(rng.integers(1, 30)), 3))
        w, b = rng.normal(size=3), float(rng.normal())
        expected = (X @ w + b >= 0).astype(int).tolist()
        got = as_array(candidate.logreg_predict(X, w, b), "predictions", ndim=1).tolist()
        assert got == expected, f"predictions {got} != {expected}"


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_zero_steps_return_zeros(candidate):
    """n_iter=0 returns w as d zeros and b = 0."""
    w, b = pair(candidate.logreg_fit(FIT_X, FIT_Y, lr=0.5, n_iter=0), 3)
    assert np.all(w == 0.0) and b == 0.0, f"expected zeros, got w={w}, b={b}"


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_logit_exactly_zero_predicts_one(candidate):
    """A logit of exactly 0 (probability 0.5) predicts 1."""
    got = as_array(candidate.logreg_predict([[1.0, -1.0], [2.0, 2.0], [0.0, 0.0]], [1.0, 1.0], 0.0), "predictions", ndim=1)
    assert got.tolist() == [1, 1, 1], f"predictions {got.tolist()} != [1, 1, 1]"
    got = as_array(candidate.logreg_predict([[3.0], [-3.0]], [2.0], -6.0), "predictions", ndim=1)
    assert got.tolist() == [1, 0], f"predictions {got.tolist()} != [1, 0]"


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_separable_data_stays_finite(candidate):
    """On separable data many steps keep everything finite and classify every sample correctly."""
    X = np.array([[-2.0, 1.0], [-1.0, 0.5], [-0.5, -1.0], [0.5, 1.0], [1.0, -0.5], [2.5, 0.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    w, b = pair(candidate.logreg_fit(X, y, lr=1.0, n_iter=5000), 2)
    assert np.all(np.isfinite(w)) and np.isfinite(b), f"non-finite fit: w={w}, b={b}"
    assert_pair((w, b), fit_oracle(X, y, 1.0, 5000), rtol=1e-7)
    got = as_array(candidate.logreg_predict(X, w, b), "predictions", ndim=1).tolist()
    assert got == y.tolist(), f"predictions {got} != {y.tolist()}"
    loss = candidate.logreg_loss(X, y, w, b)
    assert_close(loss, loss_oracle(X, y, w, b), rtol=1e-7, atol=1e-12, name="loss")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_a_single_class(candidate):
    """All labels 1: the fit pushes the intercept up and predicts 1 everywhere."""
    X = np.array([[0.5], [-1.0], [2.0]])
    y = np.array([1, 1, 1])
    w, b = pair(candidate.logreg_fit(X, y, lr=0.5, n_iter=200), 1)
    assert_pair((w, b), fit_oracle(X, y, 0.5, 200))
    got = as_array(candidate.logreg_predict(X, w, b), "predictions", ndim=1).tolist()
    assert got == [1, 1, 1], f"predictions {got} != [1, 1, 1]"


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_the_intercept_is_not_penalised(candidate):
    """With a huge l2, w goes to 0 while b still fits the label frequency."""
    X = np.array([[1.0], [2.0], [-1.0], [0.5], [3.0]])
    y = np.array([1, 1, 0, 1, 1])
    w, b = pair(candidate.logreg_fit(X, y, lr=0.01, n_iter=3000, l2=100.0), 1)
    assert abs(w[0]) < 1e-2, f"w = {w[0]} should be nearly 0 with l2=100"
    assert_close(b, float(np.log(4.0)), rtol=0, atol=0.05, name="b (log-odds of the labels)")
    assert_pair((w, b), fit_oracle(X, y, 0.01, 3000, 100.0))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_a_single_sample(candidate):
    """One sample: loss, gradient and fit still follow the formulas (n = 1)."""
    X, y = np.array([[2.0, -1.0]]), np.array([0])
    w, b = np.array([0.3, 0.2]), -0.1
    assert_close(candidate.logreg_loss(X, y, w, b), loss_oracle(X, y, w, b), rtol=RTOL, name="loss")
    assert_pair(candidate.logreg_gradient(X, y, w, b), grad_oracle(X, y, w, b), ("grad_w", "grad_b"))
    assert_pair(candidate.logreg_fit(X, y, lr=0.3, n_iter=20), fit_oracle(X, y, 0.3, 20))


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_return_types(candidate):
    """Each function returns the documented types: arrays of the right shape, floats, integer predictions."""
    s = as_array(candidate.sigmoid(np.zeros((2, 3))), "sigmoid", kind="f")
    assert s.shape == (2, 3), f"sigmoid of a (2, 3) array: shape {s.shape}"
    loss = candidate.logreg_loss(FIT_X, FIT_Y, [0.1, 0.2, 0.3], 0.5)
    assert isinstance(loss, (float, np.floating)), f"loss: expected a float, got {type(loss).__name__}"
    grad = candidate.logreg_gradient(FIT_X, FIT_Y, [0.1, 0.2, 0.3], 0.5)
    assert isinstance(grad, tuple) and isinstance(grad[0], np.ndarray), "gradient: expected a tuple (array, float)"
    assert isinstance(grad[1], (float, np.floating)), f"grad_b: expected a float, got {type(grad[1]).__name__}"
    fit = candidate.logreg_fit(FIT_X, FIT_Y, n_iter=5)
    assert isinstance(fit, tuple) and isinstance(fit[0], np.ndarray), "fit: expected a tuple (array, float)"
    assert fit[0].dtype == np.float64 and fit[0].shape == (3,), f"w: {fit[0].dtype} {fit[0].shape}"
    assert isinstance(fit[1], (float, np.floating)), f"b: expected a float, got {type(fit[1]).__name__}"
    pred = candidate.logreg_predict(FIT_X, [0.1, 0.2, 0.3], 0.5)
    assert isinstance(pred, np.ndarray) and pred.dtype.kind in "iu", f"predictions: expected an integer array, got {pred!r}"
    assert pred.shape == (40,), f"predictions: shape {pred.shape}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_sigmoid_of_scalars_and_lists(candidate):
    """sigmoid accepts a plain number and a nested list."""
    assert_close(float(np.asarray(candidate.sigmoid(3.0))), float(sig(3.0)), rtol=1e-12, name="sigmoid(3.0)")
    assert_arrays_close(candidate.sigmoid([[1.0, -2.0], [0.5, 4.0]]), sig([[1.0, -2.0], [0.5, 4.0]]), rtol=1e-12)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_defaults(candidate):
    """The defaults are lr=0.1, n_iter=1000 and l2=0 (also for the loss and gradient)."""
    assert_pair(candidate.logreg_fit(FIT_X, FIT_Y), fit_oracle(FIT_X, FIT_Y, 0.1, 1000))
    w = np.array([0.5, -0.2, 1.0])
    assert_close(candidate.logreg_loss(FIT_X, FIT_Y, w, 0.3), loss_oracle(FIT_X, FIT_Y, w, 0.3), rtol=RTOL)
    assert_pair(candidate.logreg_gradient(FIT_X, FIT_Y, w, 0.3), grad_oracle(FIT_X, FIT_Y, w, 0.3), ("grad_w", "grad_b"))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bool_and_float_labels_and_lists(candidate):
    """Labels as bools or floats 0.0/1.0, and nested lists, work like integer arrays."""
    X = FIT_X[:10]
    y = FIT_Y[:10]
    expected = fit_oracle(X, y, 0.3, 50, 0.1)
    assert_pair(candidate.logreg_fit(X, y.astype(bool), lr=0.3, n_iter=50, l2=0.1), expected, context="bool labels: ")
    assert_pair(candidate.logreg_fit(X.tolist(), y.astype(float).tolist(), lr=0.3, n_iter=50, l2=0.1), expected, context="lists: ")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_labels_other_than_zero_and_one_raise_value_error(candidate):
    """Labels -1/1 or 0/2 are rejected with ValueError by the loss, the gradient and the fit."""
    X, w = FIT_X[:4], np.zeros(3)
    for y in ([-1, 1, 1, -1], [0, 2, 0, 2]):
        with pytest.raises(ValueError):
            candidate.logreg_fit(X, y)
        with pytest.raises(ValueError):
            candidate.logreg_loss(X, y, w, 0.0)
        with pytest.raises(ValueError):
            candidate.logreg_gradient(X, y, w, 0.0)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_shapes_raise_value_error(candidate):
    """A 1-D X, mismatched lengths, an empty X or a w of the wrong length are rejected with ValueError."""
    y = np.array([0, 1, 1])
    with pytest.raises(ValueError):
        candidate.logreg_fit(np.array([1.0, 2.0, 3.0]), y)
    with pytest.raises(ValueError):
        candidate.logreg_fit(np.ones((3, 2)), np.ones((3, 1)))
    with pytest.raises(ValueError):
        candidate.logreg_fit(np.ones((4, 2)), y)
    with pytest.raises(ValueError):
        candidate.logreg_fit(np.ones((0, 2)), np.ones(0))
    with pytest.raises(ValueError):
        candidate.logreg_loss(np.ones((3, 2)), y, np.ones(3), 0.0)
    with pytest.raises(ValueError):
        candidate.logreg_gradient(np.ones((3, 2)), y, np.ones(1), 0.0)
    with pytest.raises(ValueError):
        candidate.logreg_predict(np.ones((3, 2)), np.ones(3), 0.0)
    with pytest.raises(ValueError):
        candidate.logreg_predict(np.ones(3), np.ones(3), 0.0)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_hyperparameters_raise_value_error(candidate):
    """lr <= 0, n_iter < 0 and l2 < 0 are rejected with ValueError; small valid values are accepted."""
    X, y = FIT_X[:6], FIT_Y[:6]
    for kwargs in ({"lr": 0.0}, {"lr": -0.5}, {"n_iter": -1}, {"l2": -0.5}, {"l2": -2.0}):
        with pytest.raises(ValueError):
            candidate.logreg_fit(X, y, **kwargs)
    for l2 in (-0.5, -2.0):
        with pytest.raises(ValueError):
            candidate.logreg_loss(X, y, np.zeros(3), 0.0, l2=l2)
        with pytest.raises(ValueError):
            candidate.logreg_gradient(X, y, np.zeros(3), 0.0, l2=l2)
    assert_pair(candidate.logreg_fit(X, y, lr=0.5, n_iter=3, l2=0.5), fit_oracle(X, y, 0.5, 3, 0.5))
    w = np.array([0.2, 0.1, -0.3])
    assert_close(candidate.logreg_loss(X, y, w, 0.1, l2=0.5), loss_oracle(X, y, w, 0.1, 0.5), rtol=RTOL)
    assert_pair(candidate.logreg_gradient(X, y, w, 0.1, l2=0.5), grad_oracle(X, y, w, 0.1, 0.5), ("grad_w", "grad_b"))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """None of the functions modifies its array arguments."""
    X, y, w = FIT_X[:8].copy(), FIT_Y[:8].astype(float), np.array([0.3, -0.1, 0.2])
    for name, args in (
        ("logreg_fit", (X.copy(), y.copy())),
        ("logreg_loss", (X.copy(), y.copy(), w.copy(), 0.1)),
        ("logreg_gradient", (X.copy(), y.copy(), w.copy(), 0.1)),
        ("logreg_predict", (X.copy(), w.copy(), 0.1)),
    ):
        _, after, _ = getattr(candidate, name).returning_args(*args)
        for before, now in zip(args, after):
            if isinstance(before, np.ndarray):
                np.testing.assert_array_equal(now, before, err_msg=f"{name} modified an argument")


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_sigmoid_is_accurate_everywhere(candidate):
    """sigmoid matches a two-branch reference from -700 to 700 (relative accuracy in both tails), never NaN."""
    z = np.concatenate([np.linspace(-700, 700, 281), [-40.0, -0.5, 0.5, 40.0, -1e4, 1e4, -1e300, 1e300]])
    got = as_array(candidate.sigmoid(z), "sigmoid", ndim=1, kind="f")
    assert not np.isnan(got).any(), "sigmoid returned NaN"
    assert_arrays_close(got, sig(z), rtol=1e-9, atol=0, name="sigmoid")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_loss_with_huge_logits(candidate):
    """Logits of +-1000 and -800 contribute their exact losses: no inf, NaN or clipping."""
    X = np.array([[1000.0], [-1000.0], [3.0], [-800.0], [50.0]])
    y = np.array([0, 1, 1, 0, 1])
    expected = (1000.0 + 1000.0 + float(np.log1p(np.exp(-3.0))) + 0.0 + float(np.log1p(np.exp(-50.0)))) / 5
    assert_close(candidate.logreg_loss(X, y, [1.0], 0.0), expected, rtol=1e-12, atol=1e-12, name="loss")
    assert_close(candidate.logreg_loss(X[[1]], y[[1]], [1.0], 0.0), 1000.0, rtol=1e-12, name="loss of one sample")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_loss_of_confident_right_answers_is_tiny_not_negative(candidate):
    """Confidently right predictions have a tiny, non-negative loss (no NaN, no negative rounding)."""
    X = np.array([[40.0], [-40.0], [800.0]])
    y = np.array([1, 0, 1])
    loss = candidate.logreg_loss(X, y, [1.0], 0.0)
    assert_close(loss, loss_oracle(X, y, [1.0], 0.0), rtol=1e-6, atol=1e-12, name="loss")
    assert float(loss) >= 0.0, f"loss {loss} is negative"


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_gradient_with_huge_logits(candidate):
    """The gradient stays finite and exact when logits are in the thousands."""
    X = np.array([[1000.0, -2.0], [-1000.0, 1.0], [2.0, 3.0]])
    y = np.array([0, 0, 1])
    w, b = np.array([1.0, 0.5]), 0.25
    assert_pair(candidate.logreg_gradient(X, y, w, b), grad_oracle(X, y, w, b), ("grad_w", "grad_b"))


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_fit_with_features_in_the_hundreds(candidate):
    """Features of size 500 push the logits past 10,000 after one step: the fit stays finite and exact."""
    X = np.array([[-500.0], [500.0], [-400.0], [450.0]])
    y = np.array([0, 1, 0, 1])
    w, b = pair(candidate.logreg_fit(X, y, lr=0.1, n_iter=30), 1)
    assert np.isfinite(w).all() and np.isfinite(b), f"non-finite fit: w={w}, b={b}"
    assert_pair((w, b), fit_oracle(X, y, 0.1, 30))
