"""Hidden tests for softmax-cross-entropy.

Golden values were computed offline with 50-digit decimal arithmetic and frozen here."""

import math

import numpy as np
import pytest
from harness.assertions import (
    as_array,
    assert_arrays_close,
    assert_close,
    assert_gradient_close,
    numerical_gradient,
)

# A 4-sample, 3-class batch and its exact losses, their sum and mean, and the gradient of the mean.
LOGITS = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [0.0, 0.0, 3.0], [1.5, -0.5, 0.25]])
LABELS = np.array([0, 1, 2, 1])
LOSSES = [0.4170300162778335, 0.1531782071222881, 0.0949229564209609, 2.351951863802802]
LOSS_SUM = 3.017083043623884
LOSS_MEAN = 0.754270760905971
GRADIENT = [
    [-0.08524971527850803, 0.06060824267617848, 0.02464147260232954],
    [0.029028633668535295, -0.03550579734788567, 0.006477163679350382],
    [0.011319625185907267, 0.011319625185907267, -0.022639250371814523],
    [0.1758284940054435, -0.22620420096270624, 0.05037570695726274],
]


def float_array(value, name, shape):
    """``value`` as a float array of the given shape, without NaN."""
    arr = as_array(value, name, kind="f")
    assert arr.shape == tuple(shape), f"{name}: shape {arr.shape}, expected {tuple(shape)}"
    no_nan = not np.isnan(arr).any()
    assert no_nan, f"{name}: contains NaN"
    return arr


def scalar(value, name):
    """A Python or numpy float scalar (a 0-d array is accepted too)."""
    arr = as_array(value, name, kind="f")
    assert arr.shape == (), f"{name}: expected a single number, got shape {arr.shape}"
    return float(arr)


def mean_ce(logits, labels):
    """The test's own float64 mean cross-entropy, for finite differences."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -logp[np.arange(len(labels)), labels].mean()


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_softmax_known_values(candidate):
    """softmax of a few short vectors equals the exact probabilities."""
    cases = [
        ([1.0, 2.0, 3.0], [0.09003057317038046, 0.24472847105479764, 0.6652409557748219]),
        ([-1.0, 0.0, 5.0], [0.0024561149044509535, 0.006676412513376451, 0.9908674725821726]),
        (
            [0.5, -1.25, 2.0, 0.0],
            [0.15969355003210822, 0.027750577932680404, 0.7156968377823844, 0.09685903425282703],
        ),
    ]
    for z, expected in cases:
        probs = float_array(candidate.softmax(np.array(z)), "softmax", (len(z),))
        assert_arrays_close(probs, expected, rtol=1e-12, atol=1e-15, name="softmax")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_log_softmax_known_values(candidate):
    """log_softmax of short vectors equals the exact log-probabilities."""
    cases = [
        ([1.0, 2.0, 3.0], [-2.40760596444438, -1.4076059644443804, -0.4076059644443803]),
        (
            [0.5, -1.25, 2.0, 0.0],
            [-1.8344986126036626, -3.5844986126036624, -0.3344986126036626, -2.3344986126036624],
        ),
    ]
    for z, expected in cases:
        logp = float_array(candidate.log_softmax(np.array(z)), "log_softmax", (len(z),))
        assert_arrays_close(logp, expected, rtol=1e-12, atol=1e-14, name="log_softmax")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_cross_entropy_known_values(candidate):
    """Cross-entropy of a small batch with every reduction equals the exact values."""
    assert_close(scalar(candidate.cross_entropy(LOGITS, LABELS), "mean"), LOSS_MEAN, rtol=1e-12)
    assert_close(scalar(candidate.cross_entropy(LOGITS, LABELS, reduction="mean"), "mean"), LOSS_MEAN, rtol=1e-12)
    assert_close(scalar(candidate.cross_entropy(LOGITS, LABELS, reduction="sum"), "sum"), LOSS_SUM, rtol=1e-12)
    losses = float_array(candidate.cross_entropy(LOGITS, LABELS, reduction="none"), "losses", (4,))
    assert_arrays_close(losses, LOSSES, rtol=1e-12, name="losses")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_gradient_known_values(candidate):
    """The gradient of the mean cross-entropy of a small batch equals the exact values."""
    grad = float_array(candidate.cross_entropy_grad(LOGITS, LABELS), "gradient", (4, 3))
    assert_arrays_close(grad, GRADIENT, rtol=1e-10, atol=1e-15, name="gradient")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_gradient_matches_finite_differences(candidate, grading_seed):
    """On generated batches, the gradient matches central finite differences of the mean loss."""
    rng = np.random.default_rng(grading_seed)
    for n, c in [(6, 4), (3, 7), (9, 2)]:
        logits = rng.normal(scale=2.0, size=(n, c))
        labels = rng.integers(0, c, size=n)
        numeric = numerical_gradient(lambda z: mean_ce(z, labels), logits)
        grad = float_array(candidate.cross_entropy_grad(logits, labels), "gradient", (n, c))
        assert_gradient_close(grad, numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_reference_on_generated_inputs(candidate, reference, grading_seed):
    """On 40 generated arrays and batches of many shapes and scales, all four functions agree with a reference."""
    rng = np.random.default_rng(grading_seed + 1)
    for _ in range(40):
        ndim = int(rng.integers(1, 4))
        shape = tuple(int(s) for s in rng.integers(1, 6, size=ndim))
        z = rng.normal(scale=10.0 ** rng.uniform(-2, 3), size=shape)
        axis = int(rng.integers(-ndim, ndim))
        for name in ("softmax", "log_softmax"):
            got = float_array(getattr(candidate, name)(z, axis=axis), name, shape)
            want = getattr(reference, name)(z, axis=axis)
            assert_arrays_close(got, want, rtol=1e-9, atol=1e-12, name=f"{name} (axis={axis})")
        n, c = int(rng.integers(1, 8)), int(rng.integers(1, 6))
        logits = rng.normal(scale=10.0 ** rng.uniform(-1, 2), size=(n, c))
        labels = rng.integers(0, c, size=n)
        for reduction in ("mean", "sum"):
            got = scalar(candidate.cross_entropy(logits, labels, reduction=reduction), reduction)
            assert_close(got, reference.cross_entropy(logits, labels, reduction=reduction), rtol=1e-9, atol=1e-12)
        losses = float_array(candidate.cross_entropy(logits, labels, reduction="none"), "losses", (n,))
        assert_arrays_close(losses, reference.cross_entropy(logits, labels, reduction="none"), rtol=1e-9, atol=1e-12)
        grad = float_array(candidate.cross_entropy_grad(logits, labels), "gradient", (n, c))
        assert_arrays_close(grad, reference.cross_entropy_grad(logits, labels), rtol=1e-9, atol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_probabilities_sum_to_one_and_ignore_shifts(candidate, grading_seed):
    """Probabilities sum to 1 along the axis, and adding a constant to a slice does not change them."""
    rng = np.random.default_rng(grading_seed + 2)
    for _ in range(10):
        z = rng.normal(scale=3.0, size=(5, 6))
        shift = rng.uniform(-50, 50, size=(5, 1))
        probs = float_array(candidate.softmax(z), "softmax", (5, 6))
        assert_arrays_close(probs.sum(axis=1), np.ones(5), rtol=0, atol=1e-12, name="row sums")
        shifted = float_array(candidate.softmax(z + shift), "softmax of shifted rows", (5, 6))
        assert_arrays_close(shifted, probs, rtol=1e-9, atol=1e-14, name="softmax of shifted rows")
        logp = float_array(candidate.log_softmax(z + shift), "log_softmax of shifted rows", (5, 6))
        assert_arrays_close(np.exp(logp), probs, rtol=1e-9, atol=1e-14, name="exp(log_softmax)")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_gradient_rows_sum_to_zero(candidate, grading_seed):
    """Each row of the gradient sums to zero and the true class entry is its only negative one."""
    rng = np.random.default_rng(grading_seed + 3)
    logits = rng.normal(size=(20, 5))
    labels = rng.integers(0, 5, size=20)
    grad = float_array(candidate.cross_entropy_grad(logits, labels), "gradient", (20, 5))
    assert_arrays_close(grad.sum(axis=1), np.zeros(20), rtol=0, atol=1e-15, name="row sums")
    negative = grad < 0
    expected = np.zeros((20, 5), dtype=bool)
    expected[np.arange(20), labels] = True
    same = np.array_equal(negative, expected)
    assert same, "the negative entries of the gradient are not exactly the true classes"


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_minus_infinity_gets_zero_probability(candidate):
    """-inf logits get probability exactly 0 and log-probability -inf, with no NaN anywhere."""
    z = np.array([0.0, -np.inf, np.log(3.0), -np.inf])
    probs = float_array(candidate.softmax(z), "softmax", (4,))
    assert_arrays_close(probs, [0.25, 0.0, 0.75, 0.0], rtol=1e-12, atol=0, name="softmax")
    logp = float_array(candidate.log_softmax(z), "log_softmax", (4,))
    minus_inf = bool(np.all(logp[[1, 3]] == -np.inf))
    assert minus_inf, f"log_softmax: {logp[[1, 3]].tolist()} where -inf was expected"
    assert_arrays_close(logp[[0, 2]], [math.log(0.25), math.log(0.75)], rtol=1e-12, name="log_softmax")
    columns = np.array([[1.0, -np.inf], [-np.inf, 2.0], [1.0, 2.0]])
    probs = float_array(candidate.softmax(columns, axis=0), "softmax along axis 0", (3, 2))
    assert_arrays_close(probs, [[0.5, 0.0], [0.0, 0.5], [0.5, 0.5]], rtol=1e-12, atol=0, name="softmax")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_class(candidate):
    """With one class, the probability is 1, the loss 0 and the gradient 0."""
    logits = np.array([[3.5], [-2.0], [0.0]])
    labels = np.array([0, 0, 0])
    probs = float_array(candidate.softmax(logits), "softmax", (3, 1))
    assert_arrays_close(probs, np.ones((3, 1)), name="softmax")
    assert_close(scalar(candidate.cross_entropy(logits, labels), "mean"), 0.0, atol=1e-15)
    grad = float_array(candidate.cross_entropy_grad(logits, labels), "gradient", (3, 1))
    assert_arrays_close(grad, np.zeros((3, 1)), atol=1e-15, name="gradient")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_uniform_logits_cost_log_of_the_class_count(candidate):
    """Equal logits cost log(C) per sample, whatever their common value."""
    for n_classes, value in [(2, 0.0), (5, 7.5), (10, -3.0)]:
        logits = np.full((4, n_classes), value)
        labels = np.arange(4) % n_classes
        got = scalar(candidate.cross_entropy(logits, labels, reduction="sum"), "sum")
        assert_close(got, 4 * math.log(n_classes), rtol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_softmax_along_other_axes(candidate, reference):
    """The axis argument picks the normalised axis, and the default is the last one."""
    rng = np.random.default_rng(5)
    z2 = rng.normal(size=(3, 5))
    z3 = rng.normal(size=(2, 3, 4))
    for z, kwargs in [(z2, {"axis": 0}), (z3, {}), (z3, {"axis": 1}), (z3, {"axis": -2}), (z3, {"axis": 0})]:
        for name in ("softmax", "log_softmax"):
            got = float_array(getattr(candidate, name)(z, **kwargs), name, z.shape)
            want = getattr(reference, name)(z, **kwargs)
            assert_arrays_close(got, want, rtol=1e-10, atol=1e-14, name=f"{name} {kwargs or '(default axis)'}")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_a_batch_of_one_sample(candidate):
    """A batch of one sample: the mean is that sample's loss and the gradient is not divided further."""
    logits = np.array([[1.0, 2.0, 3.0]])
    labels = np.array([2])
    assert_close(scalar(candidate.cross_entropy(logits, labels), "mean"), 0.4076059644443803, rtol=1e-12)
    grad = float_array(candidate.cross_entropy_grad(logits, labels), "gradient", (1, 3))
    expected = [[0.09003057317038046, 0.24472847105479764, 0.6652409557748219 - 1.0]]
    assert_arrays_close(grad, expected, rtol=1e-10, atol=1e-15, name="gradient")


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("numerical")
def test_huge_logits_do_not_overflow(candidate):
    """Logits of size 1e4 give the right finite probabilities, with no overflow or NaN."""
    expected = [0.09003057317038046, 0.24472847105479764, 0.6652409557748219]
    for offset in (1e4, -1e4):
        z = np.array([0.0, 1.0, 2.0]) + offset
        probs = float_array(candidate.softmax(z), "softmax", (3,))
        assert_arrays_close(probs, expected, rtol=1e-9, atol=0, name=f"softmax near {offset:g}")
    spread = np.array([[1e4, 0.0, -1e4], [-1e4, -1e4, 1e4]])
    probs = float_array(candidate.softmax(spread), "softmax", (2, 3))
    assert_arrays_close(probs, [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], rtol=0, atol=1e-300, name="softmax")


@pytest.mark.points(3)
@pytest.mark.category("numerical")
def test_log_softmax_of_far_apart_logits(candidate):
    """log_softmax stays finite and exact where the probability itself underflows to zero."""
    logp = float_array(candidate.log_softmax(np.array([-1e4, 0.0, 1e4])), "log_softmax", (3,))
    assert_arrays_close(logp, [-2e4, -1e4, 0.0], rtol=1e-12, atol=1e-12, name="log_softmax")
    rows = np.array([[0.0, 800.0], [-800.0, 0.0]])
    logp = float_array(candidate.log_softmax(rows, axis=1), "log_softmax", (2, 2))
    assert_arrays_close(logp, [[-800.0, 0.0], [-800.0, 0.0]], rtol=1e-12, atol=1e-12, name="log_softmax")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_confidently_wrong_sample_costs_its_margin(candidate):
    """A sample whose true class trails far behind costs its full margin: not infinity and not a clipped value."""
    logits = np.array([[0.0, 1e4, 0.0], [5.0, 0.0, 0.0]])
    labels = np.array([0, 0])
    losses = float_array(candidate.cross_entropy(logits, labels, reduction="none"), "losses", (2,))
    second = math.log1p(2 * math.exp(-5.0))
    assert_arrays_close(losses, [1e4, second], rtol=1e-12, name="losses")
    assert_close(scalar(candidate.cross_entropy(logits, labels), "mean"), (1e4 + second) / 2, rtol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_gradient_with_huge_logits(candidate):
    """The gradient for logits of size 1e4 is finite and exact."""
    logits = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 1e4]])
    labels = np.array([1, 2])
    grad = float_array(candidate.cross_entropy_grad(logits, labels), "gradient", (2, 3))
    assert_arrays_close(grad, [[0.5, -0.5, 0.0], [0.0, 0.25, -0.25]], rtol=1e-12, atol=1e-300, name="gradient")


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_types_and_shapes(candidate):
    """Results have the promised types, shapes and float dtypes, also for integer and list inputs."""
    for name in ("softmax", "log_softmax"):
        for z in ([[1, 2, 3], [4, 5, 6]], np.arange(24).reshape(2, 3, 4)):
            out = as_array(getattr(candidate, name)(z), name)
            assert out.shape == np.shape(z), f"{name}: shape {out.shape}, expected {np.shape(z)}"
            assert out.dtype == np.float64, f"{name}: dtype {out.dtype}, expected float64"
    for reduction in ("mean", "sum"):
        scalar(candidate.cross_entropy(LOGITS, LABELS, reduction=reduction), reduction)
    losses = as_array(candidate.cross_entropy(LOGITS, LABELS, reduction="none"), "losses")
    assert losses.shape == (4,) and losses.dtype == np.float64, f"losses: {losses.shape} {losses.dtype}"
    grad = as_array(candidate.cross_entropy_grad(LOGITS.tolist(), LABELS.tolist()), "gradient")
    assert grad.shape == (4, 3) and grad.dtype == np.float64, f"gradient: {grad.shape} {grad.dtype}"
    assert_arrays_close(grad, GRADIENT, rtol=1e-10, atol=1e-15, name="gradient from lists")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_labels_of_any_integer_dtype(candidate):
    """Labels given with other integer dtypes or as a Python list give the same loss."""
    for labels in (LABELS.astype(np.int32), LABELS.astype(np.uint8), LABELS.tolist()):
        assert_close(scalar(candidate.cross_entropy(LOGITS, labels), "mean"), LOSS_MEAN, rtol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_out_of_range_labels_raise_value_error(candidate):
    """Labels outside 0..C-1, negative ones included, are rejected with ValueError by both functions."""
    for labels in ([0, 1, 2, 3], [0, 1, 7, 1], [0, -1, 2, 1], [-3, 0, 0, 0]):
        for call in (candidate.cross_entropy, candidate.cross_entropy_grad):
            with pytest.raises(ValueError):
                call(LOGITS, np.array(labels))


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_bad_shapes_raise_value_error(candidate):
    """Logits that are not 2-D or have no rows, and labels of the wrong shape, are rejected with ValueError."""
    bad = [
        (np.zeros(3), np.array([0])),
        (np.zeros((2, 3, 1)), np.array([0, 0])),
        (np.zeros((0, 3)), np.zeros(0, dtype=int)),
        (LOGITS, np.array([0, 1, 2])),
        (LOGITS, np.array([[0, 1, 2, 1]])),
    ]
    for logits, labels in bad:
        for call in (candidate.cross_entropy, candidate.cross_entropy_grad):
            with pytest.raises(ValueError):
                call(logits, labels)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_unknown_reduction_raises_value_error(candidate):
    """An unknown reduction is rejected with ValueError."""
    for reduction in ("average", "MEAN", None):
        with pytest.raises(ValueError):
            candidate.cross_entropy(LOGITS, LABELS, reduction=reduction)


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """No function modifies its arguments."""
    z = np.array([[3.0, 1.0, -2.0], [0.5, 0.5, 9.0]])
    for name in ("softmax", "log_softmax"):
        _, args, _ = getattr(candidate, name).returning_args(z.copy())
        same = np.array_equal(args[0], z)
        assert same, f"{name} modified its input"
    for name in ("cross_entropy", "cross_entropy_grad"):
        _, args, _ = getattr(candidate, name).returning_args(LOGITS.copy(), LABELS.copy())
        same = np.array_equal(args[0], LOGITS) and np.array_equal(args[1], LABELS)
        assert same, f"{name} modified its inputs"
