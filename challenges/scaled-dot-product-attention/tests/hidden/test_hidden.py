"""Hidden tests for scaled-dot-product-attention.

Expected values come from the test's own per-query loop in exact-as-possible float64
(``oracle``), from closed forms, or from the reference for generated inputs and timing."""

import math

import numpy as np
import pytest
from harness.assertions import as_array, assert_arrays_close, assert_faster_than


def attend(candidate, Q, K, V, mask=None, **kwargs):
    """Calls the candidate; returns (out, weights) as float arrays of the right shapes, without NaN."""
    if mask is not None:
        kwargs["mask"] = mask
    result = candidate.scaled_dot_product_attention(Q, K, V, **kwargs)
    assert isinstance(result, tuple) and len(result) == 2, "expected a tuple (out, weights)"
    lead, lq, lk, dv = np.shape(Q)[:-2], np.shape(Q)[-2], np.shape(K)[-2], np.shape(V)[-1]
    out = as_array(result[0], "out", kind="f")
    weights = as_array(result[1], "weights", kind="f")
    assert out.shape == lead + (lq, dv), f"out: shape {out.shape}, expected {lead + (lq, dv)}"
    assert weights.shape == lead + (lq, lk), f"weights: shape {weights.shape}, expected {lead + (lq, lk)}"
    for name, arr in (("out", out), ("weights", weights)):
        finite = bool(np.all(np.isfinite(arr)))
        assert finite, f"{name} contains NaN or inf"
    return out, weights


def oracle(Q, K, V, mask=None):
    """One query at a time, with math.exp on max-shifted scores; fully masked rows are zeros."""
    Q, K, V = (np.asarray(a, dtype=np.float64) for a in (Q, K, V))
    lead, (lq, d), lk = Q.shape[:-2], Q.shape[-2:], K.shape[-2]
    full = np.ones(lead + (lq, lk), dtype=bool) if mask is None else np.broadcast_to(mask, lead + (lq, lk))
    out, weights = np.zeros(lead + (lq, V.shape[-1])), np.zeros(lead + (lq, lk))
    for index in np.ndindex(*lead):
        for i in range(lq):
            keep = [j for j in range(lk) if full[index + (i, j)]]
            if not keep:
                continue
            scores = {j: float(Q[index][i] @ K[index][j]) / math.sqrt(d) for j in keep}
            top = max(scores.values())
            exps = {j: math.exp(s - top) for j, s in scores.items()}
            total = math.fsum(exps.values())
            for j in keep:
                weights[index + (i, j)] = exps[j] / total
            out[index + (i,)] = weights[index + (i,)] @ V[index]
    return out, weights


def assert_attention(got, want, rtol=1e-9, atol=1e-12):
    assert_arrays_close(got[1], want[1], rtol=rtol, atol=atol, name="weights")
    assert_arrays_close(got[0], want[0], rtol=rtol, atol=atol, name="out")


def random_mask(rng, shape, keep=0.7):
    return rng.random(shape) < keep


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_self_attention_example(candidate):
    """Self-attention of two one-hot tokens with given values gives the known result."""
    out, _ = attend(candidate, np.eye(2), np.eye(2), np.array([[1.0, 2.0], [3.0, 4.0]]))
    expected = [[1.6604769013466862, 2.6604769013466862], [2.3395230986533138, 3.3395230986533138]]
    assert_arrays_close(out, expected, rtol=1e-12, name="out")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_scores_are_scaled_by_the_square_root_of_the_key_dimension(candidate, grading_seed):
    """Scores are divided by sqrt(d), d being the query/key size, even when the value size differs."""
    rng = np.random.default_rng(grading_seed)
    for d, dv in [(64, 3), (9, 16), (1, 5)]:
        Q, K, V = rng.normal(size=(4, d)) * 0.3, rng.normal(size=(6, d)), rng.normal(size=(6, dv))
        assert_attention(attend(candidate, Q, K, V), oracle(Q, K, V))


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_reference_on_generated_inputs(candidate, reference, grading_seed):
    """On 40 generated batches of many shapes, with and without broadcast masks, the results agree with a reference."""
    rng = np.random.default_rng(grading_seed + 1)
    for _ in range(40):
        lead = tuple(int(s) for s in rng.integers(1, 4, size=int(rng.integers(0, 3))))
        lq, lk, d, dv = (int(s) for s in rng.integers(1, 7, size=4))
        scale = 10.0 ** rng.uniform(-1, 1)
        Q = rng.normal(scale=scale, size=lead + (lq, d))
        K, V = rng.normal(size=lead + (lk, d)), rng.normal(size=lead + (lk, dv))
        mask = None
        if rng.random() < 0.7:
            shape = tuple(s if rng.random() < 0.6 else 1 for s in lead + (lq, lk))
            mask = random_mask(rng, shape[int(rng.integers(0, len(lead) + 1)) :])
        got = attend(candidate, Q, K, V, mask)
        assert_attention(got, reference.scaled_dot_product_attention(Q, K, V, mask))


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_weight_rows_sum_to_one(candidate, grading_seed):
    """Each query's weights are non-negative and sum to 1 whenever it may attend to some key."""
    rng = np.random.default_rng(grading_seed + 2)
    Q, K, V = rng.normal(size=(3, 8, 5)), rng.normal(size=(3, 7, 5)), rng.normal(size=(3, 7, 2))
    mask = random_mask(rng, (3, 8, 7), keep=0.5)
    mask[..., 0] = True
    _, weights = attend(candidate, Q, K, V, mask)
    non_negative = bool(np.all(weights >= 0))
    assert non_negative, "some weights are negative"
    assert_arrays_close(weights.sum(axis=-1), np.ones((3, 8)), rtol=0, atol=1e-12, name="row sums")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_causal_mask_hides_later_positions(candidate, grading_seed):
    """With a causal mask, changing the keys and values of later positions leaves earlier outputs unchanged."""
    rng = np.random.default_rng(grading_seed + 3)
    n = 7
    causal = np.tril(np.ones((n, n), dtype=bool))
    Q, K, V = rng.normal(size=(2, n, 4)), rng.normal(size=(2, n, 4)), rng.normal(size=(2, n, 3))
    out, weights = attend(candidate, Q, K, V, causal)
    assert_attention((out, weights), oracle(Q, K, V, causal))
    for t in range(n - 1):
        K2, V2 = K.copy(), V.copy()
        K2[:, t + 1 :] = rng.normal(size=K2[:, t + 1 :].shape) * 5
        V2[:, t + 1 :] = rng.normal(size=V2[:, t + 1 :].shape) * 5
        out2, _ = attend(candidate, Q, K2, V2, causal)
        assert_arrays_close(out2[:, : t + 1], out[:, : t + 1], rtol=1e-12, atol=1e-14, name=f"outputs up to position {t}")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_permuting_keys_and_values_together(candidate, grading_seed):
    """Permuting the keys and values (and the mask's columns) together permutes the weights and leaves the output unchanged."""
    rng = np.random.default_rng(grading_seed + 4)
    Q, K, V = rng.normal(size=(2, 5, 3)), rng.normal(size=(2, 6, 3)), rng.normal(size=(2, 6, 4))
    mask = random_mask(rng, (5, 6))
    order = rng.permutation(6)
    out, weights = attend(candidate, Q, K, V, mask)
    out2, weights2 = attend(candidate, Q, K[:, order], V[:, order], mask[:, order])
    assert_arrays_close(out2, out, rtol=1e-10, atol=1e-13, name="out after permuting the keys")
    assert_arrays_close(weights2, weights[..., order], rtol=1e-10, atol=1e-13, name="permuted weights")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_true_in_the_mask_means_may_attend(candidate):
    """A mask with one True per row makes each query copy exactly the value of that key."""
    rng = np.random.default_rng(6)
    Q, K, V = rng.normal(size=(4, 3)), rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    chosen = [3, 0, 4, 3]
    mask = np.zeros((4, 5), dtype=bool)
    mask[np.arange(4), chosen] = True
    out, weights = attend(candidate, Q, K, V, mask)
    assert_arrays_close(weights, mask.astype(float), rtol=0, atol=0, name="weights")
    assert_arrays_close(out, V[chosen], rtol=1e-12, atol=0, name="out")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("edge_cases")
def test_fully_masked_rows_are_zero(candidate, grading_seed):
    """Queries that may attend to nothing get zero weights and zero outputs; the other rows are unaffected."""
    rng = np.random.default_rng(grading_seed + 5)
    Q, K, V = rng.normal(size=(2, 6, 4)), rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 3))
    mask = random_mask(rng, (2, 6, 5))
    mask[0, 1] = False
    mask[1, [0, 4, 5]] = False
    mask[0, 2] = True
    out, weights = attend(candidate, Q, K, V, mask)
    assert_attention((out, weights), oracle(Q, K, V, mask))
    nothing = np.zeros((2, 6, 5), dtype=bool)
    out, weights = attend(candidate, Q, K, V, nothing)
    assert_arrays_close(weights, np.zeros((2, 6, 5)), rtol=0, atol=0, name="weights with everything masked")
    assert_arrays_close(out, np.zeros((2, 6, 3)), rtol=0, atol=0, name="out with everything masked")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_identical_keys_average_the_values(candidate):
    """When all keys are equal, every query's output is the mean of the values."""
    rng = np.random.default_rng(7)
    Q, K, V = rng.normal(size=(3, 4)), np.tile(rng.normal(size=4), (5, 1)), rng.normal(size=(5, 2))
    out, weights = attend(candidate, Q, K, V)
    assert_arrays_close(weights, np.full((3, 5), 0.2), rtol=1e-12, name="weights")
    assert_arrays_close(out, np.tile(V.mean(axis=0), (3, 1)), rtol=1e-12, atol=1e-15, name="out")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_a_single_key(candidate):
    """With a single key, every query gives it weight 1 and copies its value."""
    rng = np.random.default_rng(8)
    Q, K, V = rng.normal(size=(2, 4, 3)) * 100, rng.normal(size=(2, 1, 3)), rng.normal(size=(2, 1, 5))
    out, weights = attend(candidate, Q, K, V)
    assert_arrays_close(weights, np.ones((2, 4, 1)), rtol=0, atol=0, name="weights")
    assert_arrays_close(out, np.repeat(V, 4, axis=1), rtol=1e-12, name="out")


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_masks_broadcast_over_the_batch(candidate, grading_seed):
    """A shared (Lq, Lk) mask, a key-padding (B, 1, 1, Lk) mask and a full mask broadcast as numpy does."""
    rng = np.random.default_rng(grading_seed + 6)
    B, H, lq, lk = 2, 3, 4, 5
    Q, K, V = rng.normal(size=(B, H, lq, 6)), rng.normal(size=(B, H, lk, 6)), rng.normal(size=(B, H, lk, 2))
    padding = np.ones((B, 1, 1, lk), dtype=bool)
    padding[0, ..., 3:] = False
    padding[1, ..., 1:] = False
    for mask in (random_mask(rng, (lq, lk)), padding, random_mask(rng, (B, H, lq, lk)), random_mask(rng, (B, 1, lq, lk))):
        assert_attention(attend(candidate, Q, K, V, mask), oracle(Q, K, V, mask))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_unbatched_and_four_dimensional_inputs(candidate, grading_seed):
    """Inputs with no batch dimension and with two batch dimensions give the right results."""
    rng = np.random.default_rng(grading_seed + 7)
    for lead in ((), (2, 3)):
        Q, K, V = rng.normal(size=lead + (3, 5)), rng.normal(size=lead + (4, 5)), rng.normal(size=lead + (4, 6))
        assert_attention(attend(candidate, Q, K, V), oracle(Q, K, V))


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("numerical")
def test_huge_scores_do_not_overflow(candidate, grading_seed):
    """Scores of size 1e4 give the right weights, with no overflow, inf or NaN."""
    rng = np.random.default_rng(grading_seed + 8)
    Q = np.array([[100.0, 0.0], [-100.0, 0.0], [0.0, 100.0]])
    K = np.array([[100.0, 0.0], [99.99, 0.0], [0.0, -100.0]])
    V = np.array([[1.0, 0.0], [0.0, 1.0], [5.0, 5.0]])
    assert_attention(attend(candidate, Q, K, V), oracle(Q, K, V), rtol=1e-9, atol=1e-300)
    Q, K, V = rng.normal(size=(2, 5, 4)) * 80, rng.normal(size=(2, 6, 4)) * 80, rng.normal(size=(2, 6, 3))
    mask = random_mask(rng, (2, 5, 6))
    assert_attention(attend(candidate, Q, K, V, mask), oracle(Q, K, V, mask), rtol=1e-9, atol=1e-300)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_a_masked_key_with_the_largest_score_is_ignored(candidate):
    """A masked-out key whose score dwarfs the others gets weight 0 and the others share the weight correctly."""
    Q = np.array([[1.0, 0.0], [0.0, 1.0]]) * 100
    K = np.array([[100.0, 0.0], [0.0, 1.0], [0.0, 2.0], [1.0, 1.0]])
    V = np.array([[100.0, 100.0], [1.0, 0.0], [0.0, 1.0], [2.0, 2.0]])
    mask = np.array([[False, True, True, True], [True, True, True, False]])
    assert_attention(attend(candidate, Q, K, V, mask), oracle(Q, K, V, mask), rtol=1e-9, atol=1e-300)


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_types_shapes_and_list_inputs(candidate):
    """Results are float arrays of shapes (..., Lq, dv) and (..., Lq, Lk); lists and integers are accepted."""
    Q, K = [[1, 0], [0, 1], [1, 1]], [[1, 2], [0, 1]]
    V = [[1, 2, 3], [4, 5, 6]]
    out, weights = attend(candidate, Q, K, V, [[True, False], [True, True], [False, True]])
    want = oracle(np.array(Q), np.array(K), np.array(V), np.array([[True, False], [True, True], [False, True]]))
    assert_attention((out, weights), want)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_mismatched_shapes_raise_value_error(candidate):
    """Queries and keys of different sizes, or keys and values of different lengths, are rejected with ValueError."""
    rng = np.random.default_rng(9)
    bad = [
        (rng.normal(size=(3, 4)), rng.normal(size=(5, 3)), rng.normal(size=(5, 2))),
        (rng.normal(size=(3, 4)), rng.normal(size=(5, 4)), rng.normal(size=(6, 2))),
        (rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 4, 5))),
    ]
    for Q, K, V in bad:
        with pytest.raises(ValueError):
            candidate.scaled_dot_product_attention(Q, K, V)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_arguments_are_not_modified(candidate):
    """The queries, keys, values and mask are left unchanged."""
    rng = np.random.default_rng(10)
    args = (rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 2)), random_mask(rng, (3, 5)))
    _, after, _ = candidate.scaled_dot_product_attention.returning_args(*(a.copy() for a in args))
    for name, before, now in zip(("Q", "K", "V", "mask"), args, after):
        same = np.array_equal(before, now)
        assert same, f"{name} was modified"


# -- efficiency --------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("efficiency")
def test_batched_inputs_are_fast(candidate, reference):
    """A batch of about 65,000 queries with a mask runs within 8 times a batched reference's time."""
    rng = np.random.default_rng(11)
    B, H, lq, lk, d = 8, 4, 2048, 12, 8
    Q, K, V = rng.normal(size=(B, H, lq, d)), rng.normal(size=(B, H, lk, d)), rng.normal(size=(B, H, lk, d))
    mask = random_mask(rng, (B, 1, lq, lk), keep=0.9)
    assert_attention(attend(candidate, Q, K, V, mask), reference.scaled_dot_product_attention(Q, K, V, mask))
    assert_faster_than(
        lambda: candidate.scaled_dot_product_attention(Q, K, V, mask=mask),
        lambda: reference.scaled_dot_product_attention(Q, K, V, mask=mask),
        factor=8,
    )
