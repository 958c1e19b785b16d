"""Hidden tests for batchnorm-forward-backward.

The expected values come from the test's own float64 formulas (PyTorch's BatchNorm1d
conventions, as pinned in the prompt), from central finite differences, or from the reference."""

import numpy as np
import pytest
from harness.assertions import as_array, assert_arrays_close, assert_gradient_close, numerical_gradient


def train_forward(x, gamma, beta, eps=1e-5):
    """y of a training forward, with the batch's biased statistics."""
    mean = x.mean(axis=0)
    var = ((x - mean) ** 2).mean(axis=0)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta


def eval_forward(x, gamma, beta, running_mean, running_var, eps=1e-5):
    return gamma * (x - running_mean) / np.sqrt(running_var + eps) + beta


def floats(value, name, shape):
    """``value`` as a float array of the given shape, without NaN."""
    arr = as_array(value, name, kind="f")
    assert arr.shape == tuple(shape), f"{name}: shape {arr.shape}, expected {tuple(shape)}"
    no_nan = not np.isnan(arr).any()
    assert no_nan, f"{name}: contains NaN"
    return arr


def grads(result, n, f):
    """Unpacks backward's (dx, dgamma, dbeta), checking their shapes."""
    assert len(result) == 3, "backward must return (dx, dgamma, dbeta)"
    dx, dgamma, dbeta = result
    return floats(dx, "dx", (n, f)), floats(dgamma, "dgamma", (f,)), floats(dbeta, "dbeta", (f,))


def batch(rng, n, f, scale=None, offset=None):
    scale = rng.uniform(0.5, 3.0, size=f) if scale is None else scale
    offset = rng.uniform(-5.0, 5.0, size=f) if offset is None else offset
    return rng.normal(size=(n, f)) * scale + offset


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_training_forward_with_gamma_and_beta(candidate, grading_seed):
    """A training forward normalises every feature with the batch statistics, then scales and shifts."""
    rng = np.random.default_rng(grading_seed)
    for n, f in [(16, 3), (5, 7)]:
        gamma, beta = rng.uniform(0.5, 2.0, size=f), rng.normal(size=f)
        x = batch(rng, n, f)
        bn = candidate.BatchNorm1d(f, gamma=gamma, beta=beta)
        y = floats(bn.forward(x), "y", (n, f))
        assert_arrays_close(y, train_forward(x, gamma, beta), rtol=1e-9, atol=1e-11, name="y")
        var = x.var(axis=0)
        assert_arrays_close(y.mean(axis=0), beta, rtol=0, atol=1e-10, name="per-feature mean of y")
        assert_arrays_close(y.var(axis=0), gamma**2 * var / (var + 1e-5), rtol=1e-9, name="per-feature variance of y")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_running_statistics_after_one_step(candidate, grading_seed):
    """One training step from the initial state moves the running statistics a tenth of the way to the batch mean and unbiased variance."""
    rng = np.random.default_rng(grading_seed + 1)
    x = batch(rng, 10, 4)
    bn = candidate.BatchNorm1d(4)
    bn.forward(x)
    assert_arrays_close(floats(bn.running_mean, "running_mean", (4,)), 0.1 * x.mean(axis=0), rtol=1e-12, atol=1e-15)
    unbiased = x.var(axis=0, ddof=1)
    assert_arrays_close(floats(bn.running_var, "running_var", (4,)), 0.9 + 0.1 * unbiased, rtol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_running_statistics_over_several_steps(candidate, grading_seed):
    """Over several training steps with a custom momentum, the running statistics follow new = (1 - m) old + m batch."""
    rng = np.random.default_rng(grading_seed + 2)
    momentum = 0.3
    bn = candidate.BatchNorm1d(3, momentum=momentum)
    running_mean, running_var = np.zeros(3), np.ones(3)
    for n in (4, 9, 2, 6, 12):
        x = batch(rng, n, 3)
        bn.forward(x)
        running_mean = (1 - momentum) * running_mean + momentum * x.mean(axis=0)
        running_var = (1 - momentum) * running_var + momentum * x.var(axis=0, ddof=1)
        assert_arrays_close(floats(bn.running_mean, "running_mean", (3,)), running_mean, rtol=1e-11, atol=1e-14)
        assert_arrays_close(floats(bn.running_var, "running_var", (3,)), running_var, rtol=1e-11)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_eval_forward_uses_the_running_statistics(candidate, grading_seed):
    """An eval forward normalises with the layer's running statistics, not the batch's, and changes none of them."""
    rng = np.random.default_rng(grading_seed + 3)
    gamma, beta = np.array([1.5, 0.5, 2.0]), np.array([0.1, -0.2, 0.3])
    bn = candidate.BatchNorm1d(3, gamma=gamma, beta=beta)
    for _ in range(3):
        bn.forward(batch(rng, 8, 3))
    running_mean = floats(bn.running_mean, "running_mean", (3,))
    running_var = floats(bn.running_var, "running_var", (3,))
    x = batch(rng, 6, 3)
    y = floats(bn.forward(x, training=False), "y", (6, 3))
    expected = eval_forward(x, gamma, beta, running_mean, running_var)
    assert_arrays_close(y, expected, rtol=1e-10, atol=1e-12, name="eval output")
    after = (bn.running_mean, bn.running_var)
    unchanged = np.array_equal(after[0], running_mean) and np.array_equal(after[1], running_var)
    assert unchanged, "an eval forward changed the running statistics"


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_training_backward_matches_finite_differences(candidate, grading_seed):
    """After a training forward, dx, dgamma and dbeta match central finite differences of a loss."""
    rng = np.random.default_rng(grading_seed + 4)
    for n, f in [(8, 3), (3, 5), (2, 2)]:
        x = batch(rng, n, f)
        gamma, beta = rng.uniform(0.5, 2.0, size=f), rng.normal(size=f)
        dy = rng.normal(size=(n, f))
        bn = candidate.BatchNorm1d(f, gamma=gamma, beta=beta)
        bn.forward(x)
        dx, dgamma, dbeta = grads(bn.backward(dy), n, f)
        assert_gradient_close(dx, numerical_gradient(lambda v: np.sum(dy * train_forward(v, gamma, beta)), x), rtol=1e-6, atol=1e-8, name="dx")
        numeric_gamma = numerical_gradient(lambda g: np.sum(dy * train_forward(x, g, beta)), gamma)
        assert_gradient_close(dgamma, numeric_gamma, rtol=1e-6, atol=1e-8, name="dgamma")
        numeric_beta = numerical_gradient(lambda b: np.sum(dy * train_forward(x, gamma, b)), beta)
        assert_gradient_close(dbeta, numeric_beta, rtol=1e-6, atol=1e-8, name="dbeta")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_eval_backward_matches_finite_differences(candidate, grading_seed):
    """After an eval forward, dx, dgamma and dbeta match finite differences with the running statistics held fixed."""
    rng = np.random.default_rng(grading_seed + 5)
    gamma, beta = rng.uniform(0.5, 2.0, size=4), rng.normal(size=4)
    bn = candidate.BatchNorm1d(4, gamma=gamma, beta=beta, momentum=0.5)
    bn.forward(batch(rng, 7, 4))
    running_mean = floats(bn.running_mean, "running_mean", (4,))
    running_var = floats(bn.running_var, "running_var", (4,))
    x, dy = batch(rng, 5, 4), rng.normal(size=(5, 4))
    bn.forward(x, training=False)
    dx, dgamma, dbeta = grads(bn.backward(dy), 5, 4)

    def loss(x_, gamma_, beta_):
        return np.sum(dy * eval_forward(x_, gamma_, beta_, running_mean, running_var))

    assert_gradient_close(dx, numerical_gradient(lambda v: loss(v, gamma, beta), x), rtol=1e-6, atol=1e-8, name="dx")
    assert_gradient_close(dgamma, numerical_gradient(lambda g: loss(x, g, beta), gamma), rtol=1e-6, atol=1e-8, name="dgamma")
    assert_gradient_close(dbeta, numerical_gradient(lambda b: loss(x, gamma, b), beta), rtol=1e-6, atol=1e-8, name="dbeta")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_reference_on_generated_sequences(candidate, reference, grading_seed):
    """On generated layers and sequences of training and eval steps, outputs, statistics and gradients agree with a reference."""
    rng = np.random.default_rng(grading_seed + 6)
    for _ in range(8):
        f = int(rng.integers(1, 6))
        kwargs = {
            "eps": float(10.0 ** rng.uniform(-6, -2)),
            "momentum": float(rng.uniform(0.01, 0.9)),
            "gamma": rng.uniform(-2.0, 2.0, size=f),
            "beta": rng.normal(size=f),
        }
        ours, theirs = candidate.BatchNorm1d(f, **kwargs), reference.BatchNorm1d(f, **kwargs)
        for _ in range(5):
            training = bool(rng.random() < 0.7)
            n = int(rng.integers(2, 12)) if training else int(rng.integers(1, 12))
            x = batch(rng, n, f)
            y = floats(ours.forward(x, training=training), "y", (n, f))
            assert_arrays_close(y, theirs.forward(x, training=training), rtol=1e-9, atol=1e-11, name="y")
            dy = rng.normal(size=(n, f))
            for got, want, name in zip(grads(ours.backward(dy), n, f), theirs.backward(dy), ("dx", "dgamma", "dbeta")):
                assert_arrays_close(got, want, rtol=1e-8, atol=1e-10, name=name)
            assert_arrays_close(ours.running_mean, theirs.running_mean, rtol=1e-10, atol=1e-13, name="running_mean")
            assert_arrays_close(ours.running_var, theirs.running_var, rtol=1e-10, name="running_var")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_parameter_gradients_have_closed_forms(candidate, grading_seed):
    """dbeta is the column sum of dy and dgamma the column sum of dy times the normalised input."""
    rng = np.random.default_rng(grading_seed + 7)
    x, dy = batch(rng, 9, 4), rng.normal(size=(9, 4))
    bn = candidate.BatchNorm1d(4, gamma=np.full(4, 3.0), beta=np.full(4, -1.0))
    bn.forward(x)
    _, dgamma, dbeta = grads(bn.backward(dy), 9, 4)
    x_hat = (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + 1e-5)
    assert_arrays_close(dbeta, dy.sum(axis=0), rtol=1e-12, atol=1e-14, name="dbeta")
    assert_arrays_close(dgamma, (dy * x_hat).sum(axis=0), rtol=1e-10, atol=1e-12, name="dgamma")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_constant_feature(candidate):
    """A feature that is constant over the batch comes out as beta, with finite gradients and no NaN."""
    x = np.array([[2.0, 1.0], [2.0, 3.0], [2.0, 8.0], [2.0, -4.0]])
    gamma, beta = np.array([1.5, 1.0]), np.array([0.25, 0.0])
    bn = candidate.BatchNorm1d(2, gamma=gamma, beta=beta)
    y = floats(bn.forward(x), "y", (4, 2))
    assert_arrays_close(y[:, 0], np.full(4, 0.25), rtol=0, atol=1e-12, name="constant feature's output")
    dy = np.array([[1.0, 0.5], [-2.0, 0.0], [0.5, 1.0], [3.0, -1.0]])
    dx, dgamma, dbeta = grads(bn.backward(dy), 4, 2)
    numeric = numerical_gradient(lambda v: np.sum(dy * train_forward(v, gamma, beta)), x)
    assert_gradient_close(dx, numeric, rtol=1e-6, atol=1e-6, name="dx")
    assert_arrays_close(floats(bn.running_var, "running_var", (2,))[0], 0.9, rtol=1e-12, name="running_var")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_batch_of_two_samples(candidate):
    """Two samples, the smallest training batch: the unbiased variance doubles the biased one."""
    x = np.array([[1.0, -3.0, 10.0], [3.0, 5.0, 10.5]])
    bn = candidate.BatchNorm1d(3)
    y = floats(bn.forward(x), "y", (2, 3))
    assert_arrays_close(y, train_forward(x, np.ones(3), np.zeros(3)), rtol=1e-10, name="y")
    expected_var = 0.9 + 0.1 * np.array([2.0, 32.0, 0.125])
    assert_arrays_close(floats(bn.running_var, "running_var", (3,)), expected_var, rtol=1e-12, name="running_var")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_eval_right_after_creation(candidate):
    """An eval forward of a new layer divides by sqrt(1 + eps) and applies gamma and beta, on any batch size."""
    gamma, beta = np.array([2.0, -1.0]), np.array([0.5, 0.0])
    bn = candidate.BatchNorm1d(2, gamma=gamma, beta=beta)
    for x in (np.array([[1.0, 2.0]]), np.array([[0.0, -1.0], [4.0, 3.0], [1.0, 1.0]])):
        y = floats(bn.forward(x, training=False), "y", x.shape)
        assert_arrays_close(y, gamma * x / np.sqrt(1.0 + 1e-5) + beta, rtol=1e-12, atol=1e-14, name="y")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_momentum_one_and_zero(candidate):
    """momentum=1 replaces the running statistics by the batch's; momentum=0 never changes them."""
    x = np.array([[1.0, 4.0], [2.0, 0.0], [6.0, 2.0]])
    bn = candidate.BatchNorm1d(2, momentum=1.0)
    bn.forward(x)
    assert_arrays_close(bn.running_mean, x.mean(axis=0), rtol=1e-12, name="running_mean (momentum=1)")
    assert_arrays_close(bn.running_var, x.var(axis=0, ddof=1), rtol=1e-12, name="running_var (momentum=1)")
    bn = candidate.BatchNorm1d(2, momentum=0.0)
    bn.forward(x)
    assert_arrays_close(bn.running_mean, np.zeros(2), atol=0, name="running_mean (momentum=0)")
    assert_arrays_close(bn.running_var, np.ones(2), rtol=0, atol=0, name="running_var (momentum=0)")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_backward_follows_the_latest_forward(candidate, reference):
    """backward differentiates the most recent forward call, whichever mode it ran in, and can be repeated."""
    rng = np.random.default_rng(11)
    ours, theirs = candidate.BatchNorm1d(3, momentum=0.4), reference.BatchNorm1d(3, momentum=0.4)
    x_train, x_eval = batch(rng, 6, 3), batch(rng, 4, 3)
    for layer in (ours, theirs):
        layer.forward(x_train)
        layer.forward(x_eval, training=False)
    dy = rng.normal(size=(4, 3))
    first = grads(ours.backward(dy), 4, 3)
    second = grads(ours.backward(dy), 4, 3)
    for got, again, want, name in zip(first, second, theirs.backward(dy), ("dx", "dgamma", "dbeta")):
        assert_arrays_close(got, want, rtol=1e-9, atol=1e-12, name=name)
        assert_arrays_close(again, want, rtol=1e-9, atol=1e-12, name=f"{name} (second call)")


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_epsilon_goes_inside_the_square_root(candidate):
    """Features with a variance comparable to eps are divided by sqrt(var + eps), with the layer's own eps."""
    x = np.array([[0.0, 1.0], [0.002, 1.001], [0.004, 0.999], [0.006, 1.0]])
    for eps in (1e-5, 1e-3):
        kwargs = {} if eps == 1e-5 else {"eps": eps}
        bn = candidate.BatchNorm1d(2, **kwargs)
        y = floats(bn.forward(x), "y", (4, 2))
        assert_arrays_close(y, train_forward(x, np.ones(2), np.zeros(2), eps), rtol=1e-9, atol=1e-12, name=f"y (eps={eps:g})")
        y = floats(bn.forward(x, training=False), "eval y", (4, 2))
        expected = eval_forward(x, np.ones(2), np.zeros(2), bn.running_mean, bn.running_var, eps)
        assert_arrays_close(y, expected, rtol=1e-9, atol=1e-12, name=f"eval y (eps={eps:g})")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_features_with_a_large_offset(candidate, grading_seed):
    """Features with a large common offset and a small spread are normalised accurately."""
    rng = np.random.default_rng(grading_seed + 8)
    x = 1e7 + rng.normal(size=(64, 3)) * np.array([1.0, 0.5, 2.0])
    bn = candidate.BatchNorm1d(3)
    y = floats(bn.forward(x), "y", (64, 3))
    assert_arrays_close(y, train_forward(x, np.ones(3), np.zeros(3)), rtol=1e-6, atol=1e-6, name="y")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_input_gradient_identities(candidate, grading_seed):
    """The input gradient sums to zero over the batch, and with eps = 0 it is orthogonal to the normalised input."""
    rng = np.random.default_rng(grading_seed + 9)
    x, dy = batch(rng, 50, 4), rng.normal(size=(50, 4))
    bn = candidate.BatchNorm1d(4, eps=0.0, gamma=np.array([1.0, 2.0, 0.5, -1.0]))
    bn.forward(x)
    dx, _, _ = grads(bn.backward(dy), 50, 4)
    x_hat = (x - x.mean(axis=0)) / x.std(axis=0)
    assert_arrays_close(dx.sum(axis=0), np.zeros(4), atol=1e-12, name="column sums of dx")
    assert_arrays_close((dx * x_hat).sum(axis=0), np.zeros(4), atol=1e-12, name="column sums of dx * x_hat")


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_initial_state(candidate):
    """A new layer has gamma ones, beta zeros, running_mean zeros and running_var ones, each of shape (F,)."""
    bn = candidate.BatchNorm1d(5)
    for name, value in (("gamma", 1.0), ("beta", 0.0), ("running_mean", 0.0), ("running_var", 1.0)):
        arr = floats(getattr(bn, name), name, (5,))
        assert_arrays_close(arr, np.full(5, value), rtol=0, atol=0, name=name)
    bn = candidate.BatchNorm1d(2, gamma=[3.0, 4.0], beta=[-1.0, 1.0])
    assert_arrays_close(floats(bn.gamma, "gamma", (2,)), [3.0, 4.0], rtol=0, atol=0, name="gamma")
    assert_arrays_close(floats(bn.beta, "beta", (2,)), [-1.0, 1.0], rtol=0, atol=0, name="beta")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_backward_returns_arrays_of_the_right_shapes(candidate):
    """backward returns (dx, dgamma, dbeta) with shapes (N, F), (F,) and (F,)."""
    bn = candidate.BatchNorm1d(3)
    bn.forward(np.arange(12.0).reshape(4, 3) ** 2)
    result = bn.backward(np.ones((4, 3)))
    assert len(result) == 3, "backward must return (dx, dgamma, dbeta)"
    for value, name, shape in zip(result, ("dx", "dgamma", "dbeta"), ((4, 3), (3,), (3,))):
        arr = as_array(value, name, kind="f")
        assert arr.shape == shape, f"{name}: shape {arr.shape}, expected {shape}"


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_bad_inputs_raise_value_error(candidate):
    """Bad gamma or beta shapes, inputs of the wrong shape and one-sample training batches are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.BatchNorm1d(3, gamma=np.ones(2))
    with pytest.raises(ValueError):
        candidate.BatchNorm1d(3, beta=np.zeros(4))
    bn = candidate.BatchNorm1d(3)
    for x, training in (
        (np.ones((4, 2)), True),
        (np.ones((4, 2)), False),
        (np.ones(3), True),
        (np.ones(3), False),
        (np.ones((2, 3, 1)), True),
        (np.ones((1, 3)), True),
    ):
        with pytest.raises(ValueError):
            bn.forward(x, training=training)
    bn.forward(np.arange(12.0).reshape(4, 3))
    for dy in (np.ones((3, 3)), np.ones((4, 2)), np.ones(12)):
        with pytest.raises(ValueError):
            bn.backward(dy)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_backward_before_forward_raises_runtime_error(candidate):
    """Calling backward before any forward is rejected with RuntimeError."""
    bn = candidate.BatchNorm1d(2)
    with pytest.raises(RuntimeError):
        bn.backward(np.ones((3, 2)))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_arguments_are_not_modified(candidate):
    """forward and backward leave their arguments unchanged, and neither changes gamma."""
    x = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 4.0]])
    gamma = np.array([2.0, 3.0])
    bn = candidate.BatchNorm1d(2, gamma=gamma.copy())
    _, args, _ = bn.forward.returning_args(x.copy())
    same = np.array_equal(args[0], x)
    assert same, "forward modified x"
    dy = np.array([[1.0, 0.0], [0.0, 2.0], [-1.0, 0.5]])
    _, args, _ = bn.backward.returning_args(dy.copy())
    same = np.array_equal(args[0], dy)
    assert same, "backward modified dy"
    assert_arrays_close(bn.gamma, gamma, rtol=0, atol=0, name="gamma after forward and backward")
