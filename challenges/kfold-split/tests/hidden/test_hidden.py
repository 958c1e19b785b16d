"""Hidden tests for kfold-split."""

import numpy as np
import pytest


def index_array(values, what):
    """``values`` as a sorted int64 array; fails unless it is 1-D and holds whole numbers.

    The dtype itself is checked by an api test only, so that a float array loses api points and
    nothing else."""
    arr = np.asarray(values)
    assert arr.ndim == 1, f"{what}: expected a 1-D array, got shape {arr.shape}"
    assert arr.dtype.kind in "iuf", f"{what}: expected integer indices, got dtype {arr.dtype}"
    as_int = arr.astype(np.int64)
    whole = np.array_equal(as_int, arr)
    assert whole, f"{what}: indices must be whole numbers"
    return np.sort(as_int)


def fold_sizes(n_samples, n_splits):
    """The required test-fold sizes: the first n % k folds hold one sample more."""
    small, extra = divmod(n_samples, n_splits)
    return [small + 1 if i < extra else small for i in range(n_splits)]


def check_folds(folds, n_samples, n_splits):
    """Checks the structure every valid answer has; returns the folds as sorted int64 arrays.

    The test folds partition range(n_samples), have the required sizes in fold order, and each
    train_idx is exactly the complement of its test_idx. Order inside the arrays is ignored."""
    n_folds = len(folds)
    assert n_folds == n_splits, f"expected {n_splits} folds, got {n_folds}"
    sizes = fold_sizes(n_samples, n_splits)
    checked = []
    for i, fold in enumerate(folds):
        is_pair = len(fold) == 2
        assert is_pair, f"fold {i}: expected a pair (train_idx, test_idx)"
        train = index_array(fold[0], f"fold {i} train_idx")
        test = index_array(fold[1], f"fold {i} test_idx")
        got, want = len(test), sizes[i]
        assert got == want, (
            f"fold {i} of {n_splits} (n_samples={n_samples}): test fold has {got} samples, expected {want}"
        )
        in_range = test.size == 0 or bool(test[0] >= 0 and test[-1] < n_samples)
        assert in_range, f"fold {i}: test_idx has indices outside range(n_samples)"
        mask = np.ones(n_samples, dtype=bool)
        mask[test] = False
        complement = np.flatnonzero(mask)
        is_complement = np.array_equal(train, complement)
        assert is_complement, (
            f"fold {i} (n_samples={n_samples}, n_splits={n_splits}): train_idx is not the "
            f"complement of test_idx (has {len(train)} indices, expected {len(complement)})"
        )
        checked.append((train, test))
    counts = np.bincount(np.concatenate([test for _, test in checked]), minlength=n_samples)
    is_partition = bool(np.all(counts == 1))
    assert is_partition, (
        f"n_samples={n_samples}, n_splits={n_splits}: {int(np.sum(counts == 0))} samples are in "
        f"no test fold and {int(np.sum(counts > 1))} in several"
    )
    return checked


def assert_contiguous(folds, n_samples, n_splits):
    """Without shuffle, fold i tests the i-th contiguous block (in any order inside)."""
    start = 0
    for i, ((_, test), size) in enumerate(zip(folds, fold_sizes(n_samples, n_splits))):
        want = np.arange(start, start + size)
        is_block = np.array_equal(test, want)
        assert is_block, (
            f"fold {i} (n_samples={n_samples}, n_splits={n_splits}): test_idx is "
            f"{_show(test)}, expected the block {_show(want)}"
        )
        start += size


def same_folds(a, b):
    return len(a) == len(b) and all(
        np.array_equal(ta, tb) and np.array_equal(sa, sb) for (ta, sa), (tb, sb) in zip(a, b)
    )


def _show(arr):
    values = arr.tolist()
    return str(values) if len(values) <= 12 else f"[{values[0]}, ..., {values[-1]}] ({len(values)} values)"


def kfold(candidate, n_samples, n_splits, **kwargs):
    folds = candidate.kfold_indices(n_samples, n_splits=n_splits, **kwargs)
    return check_folds(folds, n_samples, n_splits)


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_contiguous_blocks_without_shuffle(candidate):
    """Without shuffle, each fold tests the next contiguous block of indices."""
    assert_contiguous(kfold(candidate, 17, 5), 17, 5)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_train_is_the_complement_of_test(candidate):
    """Each fold's train indices are exactly the indices not in its test fold."""
    kfold(candidate, 23, 4)
    kfold(candidate, 23, 4, shuffle=True, seed=11)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_first_folds_hold_the_leftover_samples(candidate):
    """When n_samples is not a multiple of n_splits, the first folds are the larger ones."""
    for n_samples, n_splits in [(11, 4), (13, 5), (29, 10), (19, 3)]:
        kfold(candidate, n_samples, n_splits)


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_random_sizes_without_shuffle(candidate, grading_seed):
    """On 150 generated (n_samples, n_splits) pairs, unshuffled folds are the right contiguous blocks."""
    rng = np.random.default_rng(grading_seed)
    for _ in range(150):
        n_samples = int(rng.integers(2, 200))
        n_splits = int(rng.integers(2, min(n_samples, 25) + 1))
        assert_contiguous(kfold(candidate, n_samples, n_splits), n_samples, n_splits)


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_random_sizes_with_shuffle(candidate, grading_seed):
    """On 150 generated (n_samples, n_splits, seed) triples, shuffled folds are valid and reproducible."""
    rng = np.random.default_rng(grading_seed + 1)
    for _ in range(150):
        n_samples = int(rng.integers(2, 200))
        n_splits = int(rng.integers(2, min(n_samples, 25) + 1))
        seed = int(rng.integers(0, 2**31))
        first = kfold(candidate, n_samples, n_splits, shuffle=True, seed=seed)
        second = kfold(candidate, n_samples, n_splits, shuffle=True, seed=seed)
        same = same_folds(first, second)
        assert same, f"n_samples={n_samples}, n_splits={n_splits}: two calls with the same seed differ"


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_leave_one_out(candidate):
    """n_splits equal to n_samples gives leave-one-out folds, shuffled or not."""
    assert_contiguous(kfold(candidate, 7, 7), 7, 7)
    kfold(candidate, 7, 7, shuffle=True, seed=4)


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_smallest_valid_input(candidate):
    """Two samples in two folds."""
    assert_contiguous(kfold(candidate, 2, 2), 2, 2)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_one_sample_more_than_folds(candidate):
    """With one sample more than folds, only the first fold holds two test samples."""
    assert_contiguous(kfold(candidate, 6, 5), 6, 5)
    kfold(candidate, 6, 5, shuffle=True, seed=2)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_almost_as_many_leftovers_as_folds(candidate):
    """When n_samples % n_splits is n_splits - 1, all folds but the last are larger."""
    assert_contiguous(kfold(candidate, 19, 5), 19, 5)
    kfold(candidate, 19, 5, shuffle=True, seed=8)


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_seed_is_ignored_without_shuffle(candidate):
    """A seed given without shuffle leaves the folds contiguous."""
    assert_contiguous(kfold(candidate, 12, 5, shuffle=False, seed=3), 12, 5)


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_returns_a_list_of_tuples_of_integer_arrays(candidate):
    """The result is a list of (train_idx, test_idx) tuples of 1-D integer numpy arrays."""
    for kwargs in ({}, {"shuffle": True, "seed": 5}):
        folds = candidate.kfold_indices(9, n_splits=4, **kwargs)
        assert isinstance(folds, list), f"expected a list, got {type(folds).__name__}"
        n_folds = len(folds)
        assert n_folds == 4, f"expected 4 folds, got {n_folds}"
        for i, fold in enumerate(folds):
            is_pair = isinstance(fold, tuple) and len(fold) == 2
            assert is_pair, f"fold {i}: expected a tuple (train_idx, test_idx), got {type(fold).__name__}"
            for name, arr in zip(("train_idx", "test_idx"), fold):
                kind = type(arr).__name__
                assert isinstance(arr, np.ndarray), f"fold {i} {name}: expected a numpy array, got {kind}"
                assert arr.ndim == 1, f"fold {i} {name}: expected 1-D, got shape {arr.shape}"
                assert arr.dtype.kind in "iu", f"fold {i} {name}: expected an integer dtype, got {arr.dtype}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_default_is_five_unshuffled_folds(candidate):
    """Called with n_samples only, the result is five unshuffled folds."""
    folds = check_folds(candidate.kfold_indices(12), 12, 5)
    assert_contiguous(folds, 12, 5)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_keyword_arguments(candidate):
    """All four parameters can be passed by keyword."""
    folds = candidate.kfold_indices(n_samples=8, n_splits=2, shuffle=True, seed=1)
    check_folds(folds, 8, 2)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fewer_than_two_splits_raise_value_error(candidate):
    """Fewer than two folds is rejected with ValueError."""
    for n_splits in (1, 0, -2):
        with pytest.raises(ValueError):
            candidate.kfold_indices(10, n_splits=n_splits)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_more_splits_than_samples_raise_value_error(candidate):
    """More folds than samples is rejected with ValueError, with or without shuffle."""
    with pytest.raises(ValueError):
        candidate.kfold_indices(5, n_splits=6)
    with pytest.raises(ValueError):
        candidate.kfold_indices(5, n_splits=6, shuffle=True, seed=0)
    with pytest.raises(ValueError):
        candidate.kfold_indices(0, n_splits=2)


# -- determinism -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_same_seed_gives_same_folds(candidate):
    """Shuffled calls with the same seed give identical folds."""
    first = kfold(candidate, 50, 5, shuffle=True, seed=42)
    second = kfold(candidate, 50, 5, shuffle=True, seed=42)
    same = same_folds(first, second)
    assert same, "two calls with the same seed gave different folds"


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_seed_zero_is_reproducible(candidate):
    """seed=0 is a seed like any other: two calls with it give identical folds."""
    first = kfold(candidate, 100, 5, shuffle=True, seed=0)
    second = kfold(candidate, 100, 5, shuffle=True, seed=0)
    same = same_folds(first, second)
    assert same, "two calls with seed=0 gave different folds"


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_seed_zero_still_shuffles(candidate):
    """shuffle=True with seed=0 does shuffle: the folds are not the contiguous blocks."""
    shuffled = kfold(candidate, 100, 5, shuffle=True, seed=0)
    unshuffled = kfold(candidate, 100, 5)
    same = same_folds(shuffled, unshuffled)
    assert not same, "shuffle=True with seed=0 gave the unshuffled folds"


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_different_seeds_give_different_folds(candidate):
    """Different seeds give different shuffled folds."""
    folds = [kfold(candidate, 100, 5, shuffle=True, seed=seed) for seed in (1, 2, 3)]
    for i in range(3):
        for j in range(i + 1, 3):
            same = same_folds(folds[i], folds[j])
            assert not same, "two different seeds gave identical folds"


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_seed_none_gives_fresh_folds(candidate):
    """With seed=None, two shuffled calls give different folds."""
    first = kfold(candidate, 100, 5, shuffle=True, seed=None)
    second = kfold(candidate, 100, 5, shuffle=True, seed=None)
    same = same_folds(first, second)
    assert not same, "two calls with seed=None gave identical folds"


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_global_rng_state_unchanged_with_a_seed(candidate):
    """A shuffled call with an int seed leaves numpy's and Python's global random states as they were."""
    candidate.seed_global_rng(123)
    before = candidate.rng_fingerprint()
    kfold(candidate, 30, 3, shuffle=True, seed=5)
    kfold(candidate, 30, 3, shuffle=True, seed=0)
    unchanged = candidate.rng_fingerprint() == before
    assert unchanged, "the global random state changed"


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_global_rng_state_unchanged_without_a_seed(candidate):
    """A shuffled call with seed=None leaves the global random states as they were."""
    candidate.seed_global_rng(321)
    before = candidate.rng_fingerprint()
    kfold(candidate, 30, 3, shuffle=True, seed=None)
    unchanged = candidate.rng_fingerprint() == before
    assert unchanged, "the global random state changed"


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_global_rng_state_is_not_used(candidate):
    """The folds for a given seed do not depend on the global random state."""
    candidate.seed_global_rng(1)
    first = kfold(candidate, 60, 4, shuffle=True, seed=7)
    candidate.seed_global_rng(2)
    second = kfold(candidate, 60, 4, shuffle=True, seed=7)
    same = same_folds(first, second)
    assert same, "the same seed gave different folds after reseeding the global RNG"


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_many_samples_without_shuffle(candidate):
    """Hundreds of thousands of samples: exact fold sizes, contiguous blocks and a full partition."""
    n_samples, n_splits = 300_007, 10
    assert_contiguous(kfold(candidate, n_samples, n_splits), n_samples, n_splits)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_many_samples_with_shuffle(candidate):
    """Hundreds of thousands of shuffled samples: exact fold sizes and a full partition."""
    kfold(candidate, 250_003, 7, shuffle=True, seed=9)
