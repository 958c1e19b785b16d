"""Hidden tests for optimizer-steps.

The multi-step golden trajectories were computed offline with 60-digit decimal arithmetic from
the update rules in the prompt (PyTorch's), and frozen here. (Deep-ML's Adam problem prints
v = 0.0001 after the first step on g = 0.1; the right value is 1e-05.)"""

import math

import numpy as np
import pytest
from harness.assertions import as_array, assert_arrays_close

P0 = np.array([1.0, -2.0, 0.5])
GRADS = np.array(
    [[0.5, -1.0, 0.0], [0.3, -0.5, 0.2], [-0.1, 0.4, 0.2], [0.25, 0.0, -0.3], [0.05, -0.2, 0.1]]
)

# (params, velocity) after each of five steps with lr=0.1, momentum=0.9.
SGD_MOMENTUM = [
    ([0.95, -1.9, 0.5], [0.5, -1.0, 0.0]),
    ([0.875, -1.76, 0.48], [0.75, -1.4, 0.2]),
    ([0.8175, -1.674, 0.442], [0.575, -0.86, 0.38]),
    ([0.74075, -1.5966, 0.4378], [0.7675, -0.774, 0.042]),
    ([0.666675, -1.50694, 0.42402], [0.74075, -0.8966, 0.1378]),
]
# The same with nesterov=True.
SGD_NESTEROV = [
    ([0.905, -1.81, 0.5], [0.5, -1.0, 0.0]),
    ([0.8075, -1.634, 0.462], [0.75, -1.4, 0.2]),
    ([0.76575, -1.5966, 0.4078], [0.575, -0.86, 0.38]),
    ([0.671675, -1.52694, 0.43402], [0.7675, -0.774, 0.042]),
    ([0.6000075, -1.426246, 0.411618], [0.74075, -0.8966, 0.1378]),
]
# (params, square_avg) with the defaults lr=0.01, alpha=0.99, eps=1e-8.
RMSPROP = [
    ([0.900000019999996, -1.900000009999999, 0.5], [0.0025, 0.01, 0.0]),
    ([0.8483602509394511, -1.855098688525563, 0.400000049999975], [0.003375, 0.0124, 0.0004]),
    ([0.8654070096428742, -1.8890555707916392, 0.32911195462476067], [0.00344125, 0.013876, 0.000796]),
    ([0.8260349231652863, -1.8890555707916392, 0.4021299292423948], [0.0040318375, 0.01373724, 0.00168804]),
    ([0.8181455042647104, -1.8721524071976416, 0.3783685827078274], [0.004016519125, 0.0139998676, 0.0017711596]),
]
# (params, m, v) with the defaults lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, t = 1..5.
ADAM = [
    ([0.99900000002, -1.9990000000099999, 0.5], [0.05, -0.1, 0.0], [0.00025, 0.001, 0.0]),
    (
        [0.9980425098670888, -1.9980678203829816, 0.49925586322903825],
        [0.075, -0.14, 0.02],
        [0.00033975, 0.001249, 4e-05],
    ),
    (
        [0.9974211056952969, -1.9976047898013185, 0.49839740072582955],
        [0.0575, -0.086, 0.038],
        [0.00034941025, 0.001407751, 7.996e-05],
    ),
    (
        [0.9967258678256334, -1.9972255033242114, 0.49833818321284956],
        [0.07675, -0.0774, 0.0042],
        [0.00041156083975, 0.001406343249, 0.00016988004],
    ),
    (
        [0.9960976045047438, -1.9968186288160652, 0.498160866743339],
        [0.074075, -0.08966, 0.01378],
        [0.00041364927891025, 0.001444936905751, 0.00017971015996],
    ),
]


def unpack(result, count, shape, what):
    """The result tuple as float arrays of the given shape, without NaN."""
    assert isinstance(result, tuple) and len(result) == count, f"{what}: expected a tuple of {count} arrays"
    arrays = []
    for i, value in enumerate(result):
        arr = as_array(value, f"{what}[{i}]", kind="f")
        assert arr.shape == tuple(shape), f"{what}[{i}]: shape {arr.shape}, expected {tuple(shape)}"
        no_nan = not np.isnan(arr).any()
        assert no_nan, f"{what}[{i}] contains NaN"
        arrays.append(arr)
    return arrays


def sgd(candidate, p, g, vel, **kwargs):
    return unpack(candidate.sgd_step(p, g, vel, **kwargs), 2, np.shape(p), "sgd_step")


def rmsprop(candidate, p, g, s, **kwargs):
    return unpack(candidate.rmsprop_step(p, g, s, **kwargs), 2, np.shape(p), "rmsprop_step")


def adam(candidate, p, g, m, v, t, **kwargs):
    return unpack(candidate.adam_step(p, g, m, v, t, **kwargs), 3, np.shape(p), "adam_step")


def assert_trajectory(step, golden, state_names, rtol=1e-12, atol=1e-15):
    """Runs ``step(params, grad, state, t)`` over GRADS from P0 and zero state against ``golden``."""
    params, state = P0.copy(), [np.zeros(3) for _ in state_names]
    for t, (grad, expected) in enumerate(zip(GRADS, golden), start=1):
        params, *state = step(params, grad, state, t)
        assert_arrays_close(params, expected[0], rtol=rtol, atol=atol, name=f"params after step {t}")
        for name, got, want in zip(state_names, state, expected[1:]):
            assert_arrays_close(got, want, rtol=rtol, atol=atol, name=f"{name} after step {t}")


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_sgd_momentum_trajectory(candidate):
    """Five SGD steps with momentum from a zero velocity follow PyTorch's rule exactly."""
    assert_trajectory(
        lambda p, g, s, t: sgd(candidate, p, g, s[0], lr=0.1, momentum=0.9), SGD_MOMENTUM, ("velocity",)
    )


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_sgd_nesterov_trajectory(candidate):
    """Five SGD steps with Nesterov momentum follow PyTorch's rule exactly."""
    assert_trajectory(
        lambda p, g, s, t: sgd(candidate, p, g, s[0], lr=0.1, momentum=0.9, nesterov=True),
        SGD_NESTEROV,
        ("velocity",),
    )


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_plain_sgd(candidate, grading_seed):
    """Without momentum, SGD subtracts lr times the gradient and returns the gradient as velocity."""
    rng = np.random.default_rng(grading_seed)
    p, g, vel = rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    new_p, new_vel = sgd(candidate, p, g, vel, lr=0.25)
    assert_arrays_close(new_p, p - 0.25 * g, rtol=1e-12, atol=1e-15, name="params")
    assert_arrays_close(new_vel, g, rtol=1e-12, atol=1e-15, name="velocity")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_rmsprop_trajectory(candidate):
    """Five RMSProp steps with the default hyper-parameters follow PyTorch's rule exactly."""
    assert_trajectory(lambda p, g, s, t: rmsprop(candidate, p, g, s[0]), RMSPROP, ("square_avg",))


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_adam_trajectory(candidate):
    """Five Adam steps with the default hyper-parameters follow PyTorch's rule exactly."""
    assert_trajectory(lambda p, g, s, t: adam(candidate, p, g, s[0], s[1], t), ADAM, ("m", "v"))


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_first_adam_step_on_a_number(candidate):
    """The first Adam step on a single number gives the exact parameter and moments."""
    p, m, v = adam(candidate, 1.0, 0.1, 0.0, 0.0, 1)
    assert_arrays_close(p, 0.9990000001, rtol=1e-13, name="params")
    assert_arrays_close(m, 0.01, rtol=1e-12, name="m")
    assert_arrays_close(v, 1e-5, rtol=1e-12, name="v")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_reference_on_generated_trajectories(candidate, reference, grading_seed):
    """On generated shapes, hyper-parameters and learning-rate schedules, ten steps of each optimizer agree with a reference."""
    rng = np.random.default_rng(grading_seed + 1)
    for _ in range(4):
        shape = tuple(int(s) for s in rng.integers(1, 4, size=int(rng.integers(0, 3))))
        p0 = rng.normal(size=shape)
        momentum = float(rng.uniform(0.1, 0.99))
        nesterov = bool(rng.random() < 0.5)
        alpha = float(rng.uniform(0.5, 0.999))
        beta1, beta2 = float(rng.uniform(0.5, 0.99)), float(rng.uniform(0.9, 0.9999))
        eps = float(10.0 ** rng.uniform(-10, -4))
        states = {
            "sgd": (p0, np.zeros(shape)),
            "rms": (p0, np.zeros(shape)),
            "adam": (p0, np.zeros(shape), np.zeros(shape)),
        }
        for t in range(1, 11):
            g = rng.normal(scale=10.0 ** rng.uniform(-3, 1), size=shape)
            lr = float(10.0 ** rng.uniform(-4, -1))
            p, vel = states["sgd"]
            got = sgd(candidate, p, g, vel, lr=lr, momentum=momentum, nesterov=nesterov)
            want = reference.sgd_step(p, g, vel, lr=lr, momentum=momentum, nesterov=nesterov)
            for name, a, b in zip(("params", "velocity"), got, want):
                assert_arrays_close(a, b, rtol=1e-10, atol=1e-13, name=f"sgd_step {name} at step {t}")
            states["sgd"] = want
            p, s = states["rms"]
            got = rmsprop(candidate, p, g, s, lr=lr, alpha=alpha, eps=eps)
            want = reference.rmsprop_step(p, g, s, lr=lr, alpha=alpha, eps=eps)
            for name, a, b in zip(("params", "square_avg"), got, want):
                assert_arrays_close(a, b, rtol=1e-10, atol=1e-13, name=f"rmsprop_step {name} at step {t}")
            states["rms"] = want
            p, m, v = states["adam"]
            got = adam(candidate, p, g, m, v, t, lr=lr, beta1=beta1, beta2=beta2, eps=eps)
            want = reference.adam_step(p, g, m, v, t, lr=lr, beta1=beta1, beta2=beta2, eps=eps)
            for name, a, b in zip(("params", "m", "v"), got, want):
                assert_arrays_close(a, b, rtol=1e-10, atol=1e-13, name=f"adam_step {name} at step {t}")
            states["adam"] = want


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_each_optimizer_minimises_a_quadratic_bowl(candidate):
    """On a quadratic bowl, each optimizer brings the parameters close to the minimum within its step budget."""
    p, vel = P0.copy(), np.zeros(3)
    for _ in range(150):
        p, vel = sgd(candidate, p, p, vel, lr=0.1, momentum=0.9)
    norm = float(np.linalg.norm(p))
    assert norm < 1e-3, f"SGD with momentum: |p| = {norm:.3g} after 150 steps"
    p, s = P0.copy(), np.zeros(3)
    for _ in range(400):
        p, s = rmsprop(candidate, p, p, s)
    norm = float(np.linalg.norm(p))
    assert norm < 1e-3, f"RMSProp: |p| = {norm:.3g} after 400 steps"
    p, m, v = P0.copy(), np.zeros(3), np.zeros(3)
    for t in range(1, 301):
        p, m, v = adam(candidate, p, p, m, v, t, lr=0.05)
    norm = float(np.linalg.norm(p))
    assert norm < 1e-3, f"Adam: |p| = {norm:.3g} after 300 steps"


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_zero_gradient_from_a_fresh_state(candidate):
    """A zero gradient from a zero state leaves the parameters unchanged, with no NaN."""
    p, zero = np.array([[1.5, -2.0], [0.0, 3.0]]), np.zeros((2, 2))
    for name, result in (
        ("sgd_step", sgd(candidate, p, zero, zero, lr=0.1, momentum=0.9)[0]),
        ("sgd_step (nesterov)", sgd(candidate, p, zero, zero, lr=0.1, momentum=0.9, nesterov=True)[0]),
        ("rmsprop_step", rmsprop(candidate, p, zero, zero)[0]),
        ("adam_step", adam(candidate, p, zero, zero, zero, 1)[0]),
    ):
        assert_arrays_close(result, p, rtol=0, atol=0, name=f"{name} params")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_zero_learning_rate_updates_only_the_state(candidate):
    """With lr = 0 the parameters stay put while the state is updated as usual."""
    p, g = np.array([1.0, -1.0]), np.array([0.5, 2.0])
    new_p, vel = sgd(candidate, p, g, np.array([1.0, 1.0]), lr=0.0, momentum=0.5)
    assert_arrays_close(new_p, p, rtol=0, atol=0, name="sgd_step params")
    assert_arrays_close(vel, [1.0, 2.5], rtol=1e-12, name="sgd_step velocity")
    new_p, s = rmsprop(candidate, p, g, np.zeros(2), lr=0.0)
    assert_arrays_close(new_p, p, rtol=0, atol=0, name="rmsprop_step params")
    assert_arrays_close(s, [0.0025, 0.04], rtol=1e-12, name="rmsprop_step square_avg")
    new_p, m, v = adam(candidate, p, g, np.zeros(2), np.zeros(2), 3, lr=0.0)
    assert_arrays_close(new_p, p, rtol=0, atol=0, name="adam_step params")
    assert_arrays_close(m, [0.05, 0.2], rtol=1e-12, name="adam_step m")
    assert_arrays_close(v, [0.00025, 0.004], rtol=1e-12, name="adam_step v")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_extreme_but_valid_decay_rates(candidate):
    """alpha = 0 or 1 and beta1 = beta2 = 0 are valid and follow the formulas, and eps = 0 is allowed."""
    p, g, s = np.array([1.0, 2.0]), np.array([0.5, -4.0]), np.array([0.04, 1.0])
    new_p, new_s = rmsprop(candidate, p, g, s, lr=0.1, alpha=0.0)
    assert_arrays_close(new_s, g**2, rtol=1e-12, name="square_avg with alpha=0")
    assert_arrays_close(new_p, p - 0.1 * np.sign(g), rtol=1e-7, name="params with alpha=0")
    new_p, new_s = rmsprop(candidate, p, g, s, lr=0.1, alpha=1.0, eps=0.0)
    assert_arrays_close(new_s, s, rtol=0, atol=0, name="square_avg with alpha=1")
    assert_arrays_close(new_p, p - 0.1 * g / np.sqrt(s), rtol=1e-12, name="params with alpha=1")
    new_p, m, v = adam(candidate, p, g, np.ones(2), np.ones(2), 4, lr=0.1, beta1=0.0, beta2=0.0, eps=0.0)
    assert_arrays_close(m, g, rtol=1e-12, name="m with beta1=0")
    assert_arrays_close(v, g**2, rtol=1e-12, name="v with beta2=0")
    assert_arrays_close(new_p, p - 0.1 * np.sign(g), rtol=1e-12, name="params with beta1=beta2=0")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_late_adam_steps(candidate):
    """At large step numbers the bias corrections fade: a step of about lr, computed without overflow."""
    p, g, m, v = np.array([2.0]), np.array([0.3]), np.array([0.2]), np.array([0.04])
    for t in (1000, 10**6):
        new_p, new_m, new_v = adam(candidate, p, g, m, v, t, lr=0.01)
        m_want, v_want = 0.9 * 0.2 + 0.1 * 0.3, 0.999 * 0.04 + 0.001 * 0.09
        m_hat, v_hat = m_want / (1 - 0.9**t), v_want / (1 - 0.999**t)
        assert_arrays_close(new_m, [m_want], rtol=1e-12, name=f"m (t={t})")
        assert_arrays_close(new_v, [v_want], rtol=1e-12, name=f"v (t={t})")
        assert_arrays_close(new_p, [2.0 - 0.01 * m_hat / (math.sqrt(v_hat) + 1e-8)], rtol=1e-12, name=f"params (t={t})")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_numbers_and_multidimensional_arrays(candidate, reference, grading_seed):
    """Plain numbers and 3-D arrays are handled elementwise, with results of the same shape."""
    rng = np.random.default_rng(grading_seed + 2)
    for p, g, s in ((0.5, -0.25, 0.1), tuple(rng.normal(size=(2, 3, 2)) for _ in range(3))):
        s = np.abs(s)
        for got, want in zip(sgd(candidate, p, g, s, lr=0.1, momentum=0.5), reference.sgd_step(p, g, s, lr=0.1, momentum=0.5)):
            assert_arrays_close(got, want, rtol=1e-12, name="sgd_step")
        for got, want in zip(rmsprop(candidate, p, g, s), reference.rmsprop_step(p, g, s)):
            assert_arrays_close(got, want, rtol=1e-12, name="rmsprop_step")
        for got, want in zip(adam(candidate, p, g, s, s, 2), reference.adam_step(p, g, s, s, 2)):
            assert_arrays_close(got, want, rtol=1e-12, name="adam_step")


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_rmsprop_adds_eps_outside_the_square_root(candidate):
    """With tiny gradients, RMSProp's step shows eps added to sqrt(square_avg), not inside it."""
    p, g = np.array([0.0, 0.0]), np.array([1e-8, -3e-9])
    new_p, s = rmsprop(candidate, p, g, np.zeros(2))
    expected = -0.01 * g / (np.sqrt(0.01 * g**2) + 1e-8)
    assert_arrays_close(s, 0.01 * g**2, rtol=1e-12, atol=0, name="square_avg")
    assert_arrays_close(new_p, expected, rtol=1e-9, atol=0, name="params")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_adam_adds_eps_after_the_bias_correction(candidate):
    """With tiny gradients, Adam's step shows eps added to sqrt(v_hat) after the bias correction."""
    p, g = np.array([0.0, 0.0, 0.0]), np.array([1e-8, -2e-8, 5e-9])
    new_p, _, _ = adam(candidate, p, g, np.zeros(3), np.zeros(3), 1)
    assert_arrays_close(new_p, -0.001 * g / (np.abs(g) + 1e-8), rtol=1e-9, atol=0, name="params after step 1")
    m, v = 0.1 * g, 0.001 * g**2
    new_p, _, _ = adam(candidate, p, g, m, v, 2)
    m2, v2 = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g**2
    expected = -0.001 * (m2 / (1 - 0.81)) / (np.sqrt(v2 / (1 - 0.999**2)) + 1e-8)
    assert_arrays_close(new_p, expected, rtol=1e-9, atol=0, name="params after step 2")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_adam_step_size_is_lr_for_a_constant_gradient(candidate):
    """With a constant gradient, every Adam step moves each parameter by lr, thanks to the bias correction."""
    p, m, v = np.zeros(2), np.zeros(2), np.zeros(2)
    g = np.array([0.7, -3.0])
    for t in range(1, 41):
        new_p, m, v = adam(candidate, p, g, m, v, t, lr=0.01)
        assert_arrays_close(new_p - p, [-0.01, 0.01], rtol=1e-6, name=f"step {t}")
        p = new_p


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_default_hyper_parameters(candidate):
    """Called without hyper-parameters, each function uses the pinned defaults."""
    p, g = np.array([1.0, -2.0, 0.5]), GRADS[0]
    new_p, vel = sgd(candidate, p, g, np.array([1.0, 1.0, 1.0]))
    assert_arrays_close(new_p, p - 0.01 * g, rtol=1e-12, name="sgd_step params")
    assert_arrays_close(vel, g, rtol=1e-12, name="sgd_step velocity (momentum 0)")
    new_p, s = rmsprop(candidate, p, g, np.zeros(3))
    assert_arrays_close(new_p, RMSPROP[0][0], rtol=1e-12, name="rmsprop_step params")
    new_p, _, _ = adam(candidate, p, g, np.zeros(3), np.zeros(3), 1)
    assert_arrays_close(new_p, ADAM[0][0], rtol=1e-12, name="adam_step params")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_returns_tuples_of_float_arrays(candidate):
    """Each function returns a tuple of float arrays: (params, velocity), (params, square_avg), (params, m, v)."""
    p, g, z = [1.0, 2.0], [0.1, 0.2], [0.0, 0.0]
    for result, count in (
        (candidate.sgd_step(p, g, z, lr=0.1, momentum=0.9), 2),
        (candidate.rmsprop_step(p, g, z), 2),
        (candidate.adam_step(p, g, z, z, 1), 3),
    ):
        assert isinstance(result, tuple) and len(result) == count, f"expected a tuple of {count} arrays"
        for value in result:
            is_array = isinstance(value, np.ndarray) and value.dtype == np.float64 and value.shape == (2,)
            assert is_array, "each element must be a float64 numpy array of the inputs' shape"


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_invalid_hyper_parameters_raise_value_error(candidate):
    """Negative lr, eps or momentum, Nesterov without momentum and decay rates out of range are rejected with ValueError."""
    p, g, z = np.ones(2), np.ones(2), np.zeros(2)
    calls = [
        lambda: candidate.sgd_step(p, g, z, lr=-0.1),
        lambda: candidate.sgd_step(p, g, z, lr=0.1, momentum=-0.5),
        lambda: candidate.sgd_step(p, g, z, lr=0.1, nesterov=True),
        lambda: candidate.sgd_step(p, g, z, lr=0.1, momentum=0.0, nesterov=True),
        lambda: candidate.rmsprop_step(p, g, z, lr=-1e-3),
        lambda: candidate.rmsprop_step(p, g, z, eps=-1e-8),
        lambda: candidate.rmsprop_step(p, g, z, alpha=1.01),
        lambda: candidate.rmsprop_step(p, g, z, alpha=-0.1),
        lambda: candidate.adam_step(p, g, z, z, 1, lr=-1e-3),
        lambda: candidate.adam_step(p, g, z, z, 1, eps=-1e-8),
        lambda: candidate.adam_step(p, g, z, z, 1, beta1=1.0),
        lambda: candidate.adam_step(p, g, z, z, 1, beta2=1.0),
        lambda: candidate.adam_step(p, g, z, z, 1, beta1=-0.1),
        lambda: candidate.adam_step(p, g, z, z, 1, beta2=-0.5),
        lambda: candidate.adam_step(p, g, z, z, 1, beta1=1.5, beta2=0.9),
    ]
    for call in calls:
        with pytest.raises(ValueError):
            call()


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_step_numbers_below_one_raise_value_error(candidate):
    """Adam step numbers below 1 are rejected with ValueError."""
    for t in (0, -1):
        with pytest.raises(ValueError):
            candidate.adam_step(np.ones(2), np.ones(2), np.zeros(2), np.zeros(2), t)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_mismatched_shapes_raise_value_error(candidate):
    """Arrays of different shapes in one call are rejected with ValueError."""
    a, b = np.ones(3), np.ones(2)
    calls = [
        lambda: candidate.sgd_step(a, b, a),
        lambda: candidate.sgd_step(a, a, b, momentum=0.9),
        lambda: candidate.sgd_step(b, a, a),
        lambda: candidate.rmsprop_step(a, b, a),
        lambda: candidate.rmsprop_step(a, a, b),
        lambda: candidate.adam_step(a, b, a, a, 1),
        lambda: candidate.adam_step(a, a, b, a, 1),
        lambda: candidate.adam_step(a, a, a, b, 1),
        lambda: candidate.adam_step(a, a, a, np.ones((3, 1)), 1),
    ]
    for call in calls:
        with pytest.raises(ValueError):
            call()


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_arguments_are_not_modified(candidate):
    """No function modifies its arguments (the state is returned, not updated in place)."""
    p, g, s1, s2 = np.array([1.0, -2.0]), np.array([0.5, 0.25]), np.array([0.3, 0.1]), np.array([0.2, 0.4])
    checks = [
        ("sgd_step", candidate.sgd_step.returning_args(p.copy(), g.copy(), s1.copy(), lr=0.1, momentum=0.9), (p, g, s1)),
        ("rmsprop_step", candidate.rmsprop_step.returning_args(p.copy(), g.copy(), s1.copy()), (p, g, s1)),
        ("adam_step", candidate.adam_step.returning_args(p.copy(), g.copy(), s1.copy(), s2.copy(), 3), (p, g, s1, s2)),
    ]
    for name, (_, after, _), before in checks:
        same = all(np.array_equal(x, y) for x, y in zip(before, after))
        assert same, f"{name} modified its arguments"
