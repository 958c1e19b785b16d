"""Hidden tests for inverted-dropout.

Masks cannot be compared with a reference (any way of drawing them is allowed), so the tests
check structure exactly and distributions statistically, with 5-sigma bounds."""

import math

import numpy as np
import pytest
from harness.assertions import as_array, assert_arrays_close, assert_global_rng_untouched


def forward(candidate, x, p, **kwargs):
    """Calls dropout_forward; returns (out, mask as a bool array), checking shapes and NaN."""
    result = candidate.dropout_forward(x, p=p, **kwargs)
    assert isinstance(result, tuple) and len(result) == 2, "dropout_forward must return a tuple (out, mask)"
    out = as_array(result[0], "out", kind="f")
    shape = np.shape(x)
    assert out.shape == shape, f"out: shape {out.shape}, expected {shape}"
    no_nan = not np.isnan(out).any()
    assert no_nan, "out contains NaN"
    assert result[1] is not None, "a training forward must return a mask, not None"
    mask = as_array(result[1], "mask")
    assert mask.shape == shape, f"mask: shape {mask.shape}, expected {shape}"
    return out, mask != 0


def assert_structure(out, mask, x, p):
    """Kept elements are x / (1 - p), dropped ones are 0."""
    expected = np.where(mask, np.asarray(x, dtype=np.float64) / (1.0 - p), 0.0)
    assert_arrays_close(out, expected, rtol=1e-12, atol=0, name=f"out (p={p:g})")


def assert_within_sigmas(value, expected, sigma, what, k=5.0):
    ok = abs(value - expected) <= k * sigma
    assert ok, f"{what}: {value:.6g}, expected {expected:.6g} within {k:g} sigma ({k * sigma:.3g})"


def same_result(a, b):
    return np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_output_follows_the_mask_on_generated_inputs(candidate, grading_seed):
    """On generated inputs and drop probabilities, kept elements are x / (1 - p) and dropped ones 0."""
    rng = np.random.default_rng(grading_seed)
    for _ in range(30):
        ndim = int(rng.integers(1, 4))
        shape = tuple(int(s) for s in rng.integers(1, 7, size=ndim))
        x = rng.normal(scale=10.0, size=shape)
        p = float(rng.uniform(0.05, 0.95))
        out, mask = forward(candidate, x, p, seed=int(rng.integers(0, 2**31)))
        assert_structure(out, mask, x, p)


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_drop_rate_matches_p(candidate, grading_seed):
    """Over many elements, the fraction dropped is p and the mean output is the mean input, within 5 sigma."""
    for p, n in [(0.3, 1_000_000), (0.8, 200_000), (0.05, 200_000)]:
        out, mask = forward(candidate, np.ones(n), p, seed=grading_seed + int(100 * p))
        dropped = 1.0 - float(mask.mean())
        assert_within_sigmas(dropped, p, math.sqrt(p * (1 - p) / n), f"fraction dropped with p={p}")
        assert_within_sigmas(float(out.mean()), 1.0, math.sqrt(p / ((1 - p) * n)), f"mean output with p={p}")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_expectation_is_preserved_per_element(candidate, grading_seed):
    """Averaged over many rows, each column's output matches its input value, within 5 sigma."""
    values = np.array([2.0, -1.5, 0.25, 10.0, -7.0])
    n, p = 100_000, 0.4
    out, _ = forward(candidate, np.tile(values, (n, 1)), p, seed=grading_seed + 17)
    sigma = np.abs(values) * math.sqrt(p / ((1 - p) * n))
    for j in range(len(values)):
        assert_within_sigmas(float(out[:, j].mean()), values[j], sigma[j], f"mean of column {j}")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_elements_are_dropped_independently(candidate, grading_seed):
    """The mask is drawn per element: every column keeps about 1 - p, no row is all kept or all dropped, and neighbours are uncorrelated."""
    p, rows, cols = 0.5, 1000, 50
    _, mask = forward(candidate, np.ones((rows, cols)), p, seed=grading_seed + 23)
    worst = float(np.max(np.abs(mask.mean(axis=0) - (1 - p))))
    assert_within_sigmas(1 - p + worst, 1 - p, math.sqrt(p * (1 - p) / rows), "worst column keep rate", k=6.0)
    constant_rows = int(np.sum(mask.all(axis=1) | ~mask.any(axis=1)))
    assert constant_rows == 0, f"{constant_rows} rows of 50 elements are all kept or all dropped"
    pairs = rows * cols // 2
    equal = float(np.mean(mask[:, 0::2] == mask[:, 1::2]))
    assert_within_sigmas(equal, 0.5, math.sqrt(0.25 / pairs), "fraction of neighbouring pairs that agree")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_backward_reuses_the_forward_mask(candidate, grading_seed):
    """Backward with the forward's mask zeroes the same elements and scales the others by 1 / (1 - p)."""
    rng = np.random.default_rng(grading_seed + 1)
    for p in (0.2, 0.5, 0.9):
        x = rng.normal(size=(20, 6))
        out, mask = forward(candidate, x, p, seed=int(rng.integers(0, 2**31)))
        dout = rng.normal(size=(20, 6))
        dx = as_array(candidate.dropout_backward(dout, mask, p), "dx", kind="f")
        assert dx.shape == dout.shape, f"dx: shape {dx.shape}, expected {dout.shape}"
        assert_arrays_close(dx, np.where(mask, dout / (1 - p), 0.0), rtol=1e-12, atol=0, name=f"dx (p={p})")
        same_zeros = np.array_equal(dx == 0, out == 0)
        assert same_zeros, "dx is zero at other places than out"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_backward_with_a_given_mask(candidate):
    """Backward with a hand-made mask gives dout / (1 - p) where kept and 0 where dropped."""
    dout = np.array([[1.0, -2.0, 3.0], [0.5, 4.0, -1.0]])
    mask = np.array([[True, False, True], [False, False, True]])
    dx = as_array(candidate.dropout_backward(dout, mask, 0.75), "dx", kind="f")
    assert_arrays_close(dx, [[4.0, 0.0, 12.0], [0.0, 0.0, -4.0]], rtol=1e-12, atol=0, name="dx")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_evaluation_is_the_identity(candidate):
    """In evaluation mode the output equals the input and the mask is None, for any p."""
    x = np.array([[1.5, -2.0], [0.0, 3.25], [7.0, -0.5]])
    for p in (0.0, 0.3, 0.99, 1.0):
        out, mask = candidate.dropout_forward(x, p=p, training=False, seed=1)
        assert_arrays_close(out, x, rtol=0, atol=0, name=f"out (p={p})")
        assert mask is None, f"the evaluation mask must be None (p={p})"


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_p_zero_keeps_everything(candidate):
    """With p = 0 every element is kept unscaled."""
    x = np.arange(-6.0, 6.0).reshape(3, 4)
    out, mask = forward(candidate, x, 0.0, seed=3)
    assert_arrays_close(out, x, rtol=0, atol=0, name="out")
    assert bool(mask.all()), "with p = 0 the mask must keep every element"
    dx = as_array(candidate.dropout_backward(np.ones((3, 4)), np.ones((3, 4), dtype=bool), 0.0), "dx")
    assert_arrays_close(dx, np.ones((3, 4)), rtol=0, atol=0, name="dx")


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_p_one_drops_everything(candidate):
    """With p = 1 every element is dropped: zeros everywhere, no NaN, also in backward."""
    x = np.arange(1.0, 13.0).reshape(3, 4)
    out, mask = forward(candidate, x, 1.0, seed=4)
    assert_arrays_close(out, np.zeros((3, 4)), rtol=0, atol=0, name="out")
    assert not bool(mask.any()), "with p = 1 the mask must drop every element"
    dx = as_array(candidate.dropout_backward(np.ones((3, 4)), np.zeros((3, 4), dtype=bool), 1.0), "dx")
    assert_arrays_close(dx, np.zeros((3, 4)), rtol=0, atol=0, name="dx")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_backward_without_a_mask_passes_the_gradient_through(candidate):
    """Backward with mask None (an evaluation forward) returns dout unchanged."""
    dout = np.array([[1.0, -2.0], [3.5, 0.0]])
    for p in (0.0, 0.5, 1.0):
        dx = candidate.dropout_backward(dout, None, p)
        assert_arrays_close(dx, dout, rtol=0, atol=0, name=f"dx (p={p})")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_any_number_of_dimensions(candidate):
    """Inputs of one, three and four dimensions, and a single element, keep their shape."""
    rng = np.random.default_rng(8)
    for shape in [(7,), (2, 3, 4), (2, 1, 3, 2), (1,)]:
        x = rng.normal(size=shape) + 5.0
        out, mask = forward(candidate, x, 0.5, seed=9)
        assert_structure(out, mask, x, 0.5)


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_scaling_is_exact_for_awkward_p(candidate, grading_seed):
    """The scale 1 / (1 - p) is applied in full precision, also for p close to 0 and to 1."""
    rng = np.random.default_rng(grading_seed + 2)
    x = rng.normal(scale=100.0, size=20_000)
    for p in (1.0 / 3.0, 0.999, 1e-9, 0.123456789):
        out, mask = forward(candidate, x, p, seed=int(rng.integers(0, 2**31)))
        assert_structure(out, mask, x, p)
        kept = int(mask.sum())
        assert kept > 0, f"p={p:g}: no element of 20000 was kept"


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_float32_inputs_stay_float32(candidate):
    """float32 inputs give float32 outputs and gradients with the right values."""
    x = np.linspace(-3.0, 3.0, 60, dtype=np.float32).reshape(6, 10)
    out, mask = forward(candidate, x, 0.25, seed=5)
    assert out.dtype == np.float32, f"out: dtype {out.dtype}, expected float32"
    assert_arrays_close(out, np.where(mask, x / np.float32(0.75), 0), rtol=1e-6, atol=0, name="out")
    dx = as_array(candidate.dropout_backward(x, mask, 0.25), "dx")
    assert dx.dtype == np.float32, f"dx: dtype {dx.dtype}, expected float32"


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_types_and_dtypes(candidate):
    """out is a float array of x's shape (float64 for integer and list inputs) and mask a bool array."""
    for x in (np.arange(12).reshape(3, 4), [[1, 2, 3], [4, 5, 6]], np.ones((2, 5))):
        result = candidate.dropout_forward(x, p=0.5, seed=0)
        assert isinstance(result, tuple) and len(result) == 2, "dropout_forward must return a tuple (out, mask)"
        out, mask = result
        assert isinstance(out, np.ndarray) and out.dtype == np.float64, f"out: {type(out).__name__} {getattr(out, 'dtype', '')}"
        assert isinstance(mask, np.ndarray) and mask.dtype == np.bool_, f"mask: {type(mask).__name__} {getattr(mask, 'dtype', '')}"
        assert out.shape == mask.shape == np.shape(x), "out and mask must have x's shape"
        out, mask = candidate.dropout_forward(x, p=0.5, training=False)
        assert isinstance(out, np.ndarray) and out.dtype == np.float64, "evaluation out must be a float64 array"
    dx = candidate.dropout_backward(np.arange(4), np.array([True, False, True, True]), 0.5)
    assert isinstance(dx, np.ndarray) and dx.dtype == np.float64, "dx must be a float64 array"


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_invalid_p_raises_value_error(candidate):
    """A drop probability outside [0, 1] is rejected with ValueError, in training, evaluation and backward."""
    x = np.ones((2, 3))
    for p in (-0.1, -1.0, 1.0000001, 1.5, 2.0):
        with pytest.raises(ValueError):
            candidate.dropout_forward(x, p=p, seed=0)
        with pytest.raises(ValueError):
            candidate.dropout_forward(x, p=p, training=False)
        with pytest.raises(ValueError):
            candidate.dropout_backward(x, np.ones((2, 3), dtype=bool), p)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_mask_of_the_wrong_shape_raises_value_error(candidate):
    """Backward with a mask whose shape differs from dout's is rejected with ValueError."""
    for mask in (np.ones((3, 2), dtype=bool), np.ones(6, dtype=bool), np.ones((2, 3, 1), dtype=bool)):
        with pytest.raises(ValueError):
            candidate.dropout_backward(np.ones((2, 3)), mask, 0.5)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_default_drop_probability_is_one_half(candidate, grading_seed):
    """Without p, half of the elements are dropped (within 5 sigma) and the kept ones doubled."""
    n = 100_000
    result = candidate.dropout_forward(np.ones(n), seed=grading_seed + 31)
    out, mask = as_array(result[0], "out"), as_array(result[1], "mask") != 0
    assert_arrays_close(out, np.where(mask, 2.0, 0.0), rtol=1e-12, atol=0, name="out")
    assert_within_sigmas(1.0 - float(mask.mean()), 0.5, math.sqrt(0.25 / n), "fraction dropped")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_arguments_are_not_modified(candidate):
    """Neither function modifies its arguments."""
    x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    (out, mask), args, _ = candidate.dropout_forward.returning_args(x.copy(), 0.5, True, 7)
    same = np.array_equal(args[0], x)
    assert same, "dropout_forward modified x"
    mask = np.asarray(mask)
    dout = np.array([[1.0, -1.0, 2.0], [0.5, 3.0, -2.0]])
    _, args, _ = candidate.dropout_backward.returning_args(dout.copy(), mask.copy(), 0.5)
    same = np.array_equal(args[0], dout) and np.array_equal(args[1], mask)
    assert same, "dropout_backward modified its arguments"


# -- determinism -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_same_seed_gives_the_same_result(candidate):
    """Calls with the same int seed give identical outputs and masks."""
    x = np.arange(200.0).reshape(10, 20)
    for seed in (1, 12345, 2**31 + 5):
        first = forward(candidate, x, 0.35, seed=seed)
        second = forward(candidate, x, 0.35, seed=seed)
        assert same_result(first, second), f"two calls with seed={seed} differ"


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_seed_zero_is_a_seed(candidate):
    """seed=0 is reproducible and does not mean 'no dropout'."""
    x = np.ones(200)
    first = forward(candidate, x, 0.5, seed=0)
    second = forward(candidate, x, 0.5, seed=0)
    assert same_result(first, second), "two calls with seed=0 differ"
    dropped = int((~first[1]).sum())
    assert 0 < dropped < 200, "seed=0 did not drop about half of the elements"


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_different_seeds_give_different_masks(candidate):
    """Different seeds give different masks."""
    x = np.ones(300)
    masks = [forward(candidate, x, 0.5, seed=seed)[1] for seed in (1, 2, 3)]
    for i in range(3):
        for j in range(i + 1, 3):
            same = np.array_equal(masks[i], masks[j])
            assert not same, "two different seeds gave the same mask"


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_seed_none_gives_fresh_masks(candidate):
    """With seed=None, two calls give different masks."""
    x = np.ones(300)
    first = forward(candidate, x, 0.5, seed=None)[1]
    second = forward(candidate, x, 0.5)[1]
    same = np.array_equal(first, second)
    assert not same, "two calls with seed=None gave the same mask"


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_global_random_state_is_neither_used_nor_changed(candidate):
    """With an int seed, the result does not depend on numpy's global random state and leaves it unchanged."""
    x = np.arange(100.0).reshape(10, 10)
    candidate.seed_global_rng(99)
    assert_global_rng_untouched(candidate, lambda: candidate.dropout_forward(x, p=0.4, seed=11))


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_global_random_state_unchanged_without_a_seed(candidate):
    """With seed=None, numpy's and Python's global random states are left as they were."""
    candidate.seed_global_rng(5)
    before = candidate.rng_fingerprint()
    forward(candidate, np.ones(50), 0.5, seed=None)
    unchanged = candidate.rng_fingerprint() == before
    assert unchanged, "the global random state changed"
