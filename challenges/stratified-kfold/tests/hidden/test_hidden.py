"""Hidden tests for stratified-kfold.

Golden splits were computed with scikit-learn 1.9.1's ``StratifiedKFold`` (no shuffle) and are
frozen below; they are only used where the prompt's rules leave exactly one valid answer.
"""

import numpy as np
import pytest

from harness.assertions import assert_global_rng_untouched


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


def fold_sizes(n, n_splits):
    """The required test-fold sizes: the first n % k folds hold one sample more."""
    small, extra = divmod(n, n_splits)
    return [small + 1 if i < extra else small for i in range(n_splits)]


def check_folds(folds, y, n_splits, blocks):
    """Checks every rule of the prompt; returns the folds as sorted int64 arrays.

    Rules 1-4 always (partition, complement, fold sizes in fold order, per-class balance); rule 5
    (each class cut into consecutive blocks in index order) when ``blocks``. Order inside the
    arrays is ignored."""
    y = np.asarray(y)
    n = len(y)
    n_folds = len(folds)
    assert n_folds == n_splits, f"expected {n_splits} folds, got {n_folds}"
    sizes = fold_sizes(n, n_splits)
    fold_of = np.full(n, -1, dtype=np.int64)
    seen = np.zeros(n, dtype=np.int64)
    checked = []
    for i, fold in enumerate(folds):
        is_pair = len(fold) == 2
        assert is_pair, f"fold {i}: expected a pair (train_idx, test_idx)"
        train = index_array(fold[0], f"fold {i} train_idx")
        test = index_array(fold[1], f"fold {i} test_idx")
        got, want = len(test), sizes[i]
        assert got == want, f"fold {i} of {n_splits} (n={n}): test fold has {got} samples, expected {want}"
        in_range = test.size == 0 or bool(test[0] >= 0 and test[-1] < n)
        assert in_range, f"fold {i}: test_idx has indices outside range(n)"
        mask = np.ones(n, dtype=bool)
        mask[test] = False
        complement = np.flatnonzero(mask)
        is_complement = np.array_equal(train, complement)
        assert is_complement, (
            f"fold {i} (n={n}, n_splits={n_splits}): train_idx is not the complement of test_idx "
            f"(has {len(train)} indices, expected {len(complement)})"
        )
        np.add.at(seen, test, 1)
        fold_of[test] = i
        checked.append((train, test))
    is_partition = bool(np.all(seen == 1))
    assert is_partition, (
        f"n={n}, n_splits={n_splits}: {int(np.sum(seen == 0))} samples are in no test fold and "
        f"{int(np.sum(seen > 1))} in several"
    )
    classes, codes, counts = np.unique(y, return_inverse=True, return_counts=True)
    codes = codes.reshape(-1)
    table = np.zeros((n_splits, len(classes)), dtype=np.int64)
    np.add.at(table, (fold_of, codes), 1)
    low = counts // n_splits
    bad = (table < low) | (table > low + 1)
    if bad.any():
        fold, c = (int(v) for v in np.argwhere(bad)[0])
        raise AssertionError(
            f"n_splits={n_splits}: fold {fold} tests {int(table[fold, c])} of the {int(counts[c])} "
            f"samples of class {classes[c].item()!r}, expected {int(low[c])} or {int(low[c]) + 1}"
        )
    if blocks:
        order = np.lexsort((np.arange(n), codes))
        backwards = (np.diff(fold_of[order]) < 0) & (np.diff(codes[order]) == 0)
        if backwards.any():
            where = int(np.argmax(backwards))
            c = int(codes[order][where])
            raise AssertionError(
                f"without shuffle, class {classes[c].item()!r} is not cut into consecutive blocks in "
                f"index order: sample {int(order[where])} is tested in fold {int(fold_of[order][where])} "
                f"but the later sample {int(order[where + 1])} in fold {int(fold_of[order][where + 1])}"
            )
    return checked


def same_folds(a, b):
    return len(a) == len(b) and all(
        np.array_equal(ta, tb) and np.array_equal(sa, sb) for (ta, sa), (tb, sb) in zip(a, b)
    )


def split(candidate, y, n_splits, **kwargs):
    folds = candidate.stratified_kfold_indices(y, n_splits=n_splits, **kwargs)
    return check_folds(folds, y, n_splits, blocks=not kwargs.get("shuffle", False))


def assert_tests(folds, expected):
    for i, ((_, test), want) in enumerate(zip(folds, expected)):
        got = test.tolist()
        assert got == want, f"fold {i}: test_idx {got} != {want}"


def random_labels(rng, n, n_classes):
    """n labels from n_classes classes of random (often very unequal) frequencies."""
    weights = rng.dirichlet(np.full(n_classes, 0.7))
    codes = rng.choice(n_classes, size=n, p=weights)
    names = rng.choice(np.arange(-50, 1000), size=n_classes, replace=False)
    return names[codes]


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_goldens_without_shuffle(candidate):
    """Unshuffled folds match scikit-learn's StratifiedKFold where only one answer is valid."""
    cases = [
        ([1, 1, 0, 0], 2, [[0, 2], [1, 3]]),
        ([1, 1, 1, 0, 0, 0, 0], 2, [[0, 1, 3, 4], [2, 5, 6]]),
        ([0] * 6 + [1] * 4, 3, [[0, 1, 6, 7], [2, 3, 8], [4, 5, 9]]),
        ([0] * 8 + [1] * 3 + [2] * 6, 3, [[0, 1, 2, 8, 11, 12], [3, 4, 5, 9, 13, 14], [6, 7, 10, 15, 16]]),
    ]
    for y, n_splits, expected in cases:
        assert_tests(split(candidate, y, n_splits), expected)


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_fold_sizes_stay_balanced(candidate):
    """Classes whose sizes all leave remainders still give folds whose sizes differ by at most one."""
    split(candidate, [0] * 4 + [1] * 4 + [2] * 4, 3)
    split(candidate, [0] * 4 + [1] * 4 + [2] * 4, 3, shuffle=True, seed=3)
    split(candidate, [2, 0, 1] * 5, 4)
    for n in range(11, 18):
        y = [0] * 3 + [1] * (n - 3)
        split(candidate, y, 3)
        split(candidate, y, 3, shuffle=True, seed=n)


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_class_ratios_are_preserved(candidate, grading_seed):
    """With very unequal classes, every train and test fold keeps the overall class ratios."""
    rng = np.random.default_rng(grading_seed)
    y = rng.permutation(np.array([4] * 100 + [9] * 890 + [2] * 10))
    overall = np.array([np.mean(y == c) for c in (2, 4, 9)])
    for n_splits in range(4, 11):
        for kwargs in ({}, {"shuffle": True, "seed": n_splits}):
            for train, test in split(candidate, y, n_splits, **kwargs):
                for part, name in ((train, "train"), (test, "test")):
                    ratios = np.array([np.mean(y[part] == c) for c in (2, 4, 9)])
                    close = bool(np.all(np.abs(ratios - overall) <= 0.02))
                    assert close, f"n_splits={n_splits}: a {name} fold has class ratios {ratios.round(3).tolist()}"


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_random_labels_without_shuffle(candidate, grading_seed):
    """On 120 generated label vectors, unshuffled folds follow every rule of the prompt."""
    rng = np.random.default_rng(grading_seed + 1)
    for _ in range(120):
        n = int(rng.integers(2, 150))
        y = random_labels(rng, n, int(rng.integers(1, 7)))
        largest = int(np.max(np.unique(y, return_counts=True)[1]))
        if largest < 2:
            continue
        n_splits = int(rng.integers(2, min(largest, 12) + 1))
        split(candidate, y, n_splits)


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_random_labels_with_shuffle(candidate, grading_seed):
    """On 120 generated label vectors, shuffled folds are stratified, balanced and reproducible."""
    rng = np.random.default_rng(grading_seed + 2)
    for _ in range(120):
        n = int(rng.integers(2, 150))
        y = random_labels(rng, n, int(rng.integers(1, 7)))
        largest = int(np.max(np.unique(y, return_counts=True)[1]))
        if largest < 2:
            continue
        n_splits = int(rng.integers(2, min(largest, 12) + 1))
        seed = int(rng.integers(0, 2**31))
        first = split(candidate, y, n_splits, shuffle=True, seed=seed)
        second = split(candidate, y, n_splits, shuffle=True, seed=seed)
        same = same_folds(first, second)
        assert same, f"n={n}, n_splits={n_splits}: two calls with the same seed differ"


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_single_class_is_plain_kfold(candidate):
    """With one class only, unshuffled folds are the contiguous blocks of plain k-fold."""
    assert_tests(split(candidate, [7] * 11, 4), [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10]])
    split(candidate, [7] * 11, 4, shuffle=True, seed=0)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_classes_smaller_than_n_splits_are_allowed(candidate):
    """Classes with fewer samples than folds are fine when another class is large enough."""
    y = [0] * 10 + [1] * 2 + [2]
    split(candidate, y, 5)
    split(candidate, y, 5, shuffle=True, seed=6)
    split(candidate, [5, 1, 5, 2, 5, 3, 5, 4, 5], 5)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_n_splits_equal_to_the_largest_class(candidate):
    """n_splits equal to the largest class size: one sample of that class in every fold."""
    assert_tests(split(candidate, [0, 0, 0, 1, 1], 3), [[0, 3], [1, 4], [2]])
    assert_tests(split(candidate, [0] * 5 + [1] * 5, 5), [[0, 5], [1, 6], [2, 7], [3, 8], [4, 9]])
    split(candidate, [0] * 5 + [1] * 5, 5, shuffle=True, seed=2)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_arbitrary_int_labels_in_any_order(candidate):
    """Negative, gapped, interleaved int labels, as a list and as a numpy array."""
    y = [10, -3, 10, 7, -3, 10, 7, 10, -3, 10, 7, 7, 10]
    split(candidate, y, 3)
    split(candidate, np.array(y), 3)
    split(candidate, np.array(y, dtype=np.int32), 2, shuffle=True, seed=4)


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_returns_a_list_of_tuples_of_integer_arrays(candidate):
    """The result is a list of (train_idx, test_idx) tuples of 1-D integer numpy arrays."""
    y = [0, 1, 0, 1, 0, 1, 1, 0, 0]
    for kwargs in ({}, {"shuffle": True, "seed": 5}):
        folds = candidate.stratified_kfold_indices(y, n_splits=3, **kwargs)
        assert isinstance(folds, list), f"expected a list, got {type(folds).__name__}"
        n_folds = len(folds)
        assert n_folds == 3, f"expected 3 folds, got {n_folds}"
        for i, fold in enumerate(folds):
            is_pair = isinstance(fold, tuple) and len(fold) == 2
            assert is_pair, f"fold {i}: expected a tuple (train_idx, test_idx), got {type(fold).__name__}"
            for name, arr in zip(("train_idx", "test_idx"), fold):
                kind = type(arr).__name__
                assert isinstance(arr, np.ndarray), f"fold {i} {name}: expected a numpy array, got {kind}"
                assert arr.ndim == 1, f"fold {i} {name}: expected 1-D, got shape {arr.shape}"
                assert arr.dtype.kind in "iu", f"fold {i} {name}: expected an integer dtype, got {arr.dtype}"


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_string_labels(candidate):
    """String labels, as a list and as a numpy array, with and without shuffle."""
    y = ["dog", "cat", "cat", "bird", "dog", "cat", "dog", "cat", "bird", "cat", "dog"]
    split(candidate, y, 2)
    split(candidate, np.array(y), 2)
    split(candidate, y, 4, shuffle=True, seed=9)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_default_is_five_unshuffled_folds(candidate):
    """Called with y only, the result is five unshuffled stratified folds."""
    y = [0, 1] * 10
    folds = candidate.stratified_kfold_indices(y)
    check_folds(folds, y, 5, blocks=True)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_keyword_arguments(candidate):
    """All four parameters can be passed by keyword."""
    y = [0, 0, 0, 1, 1, 1, 1, 1]
    folds = candidate.stratified_kfold_indices(y=y, n_splits=2, shuffle=True, seed=1)
    check_folds(folds, y, 2, blocks=False)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fewer_than_two_splits_raise_value_error(candidate):
    """Fewer than two folds is rejected with ValueError."""
    for n_splits in (1, 0, -2):
        with pytest.raises(ValueError):
            candidate.stratified_kfold_indices([0, 1] * 6, n_splits=n_splits)


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_no_class_large_enough_raises_value_error(candidate):
    """No class with n_splits samples (also more folds than samples, or no samples) is a ValueError."""
    with pytest.raises(ValueError):
        candidate.stratified_kfold_indices([0, 0, 1, 1, 2, 2], n_splits=3)
    with pytest.raises(ValueError):
        candidate.stratified_kfold_indices(["a", "b", "c", "a"], n_splits=3, shuffle=True, seed=0)
    with pytest.raises(ValueError):
        candidate.stratified_kfold_indices([4, 4], n_splits=3)
    with pytest.raises(ValueError):
        candidate.stratified_kfold_indices([], n_splits=2)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_labels_are_not_modified(candidate):
    """The function does not modify the label array it is given."""
    y = np.array([3, 1, 2, 3, 1, 2, 3, 3, 1, 2])
    _, args, _ = candidate.stratified_kfold_indices.returning_args(y.copy(), n_splits=3, shuffle=True, seed=2)
    unchanged = np.array_equal(args[0], y)
    assert unchanged, "y was modified"


# -- determinism -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_same_seed_gives_same_folds(candidate):
    """Shuffled calls with the same seed give identical folds."""
    y = np.repeat([0, 1, 2], [30, 15, 5])
    first = split(candidate, y, 5, shuffle=True, seed=42)
    second = split(candidate, y, 5, shuffle=True, seed=42)
    same = same_folds(first, second)
    assert same, "two calls with the same seed gave different folds"


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_seed_zero_is_a_seed(candidate):
    """seed=0 is a seed like any other: reproducible, and it does shuffle."""
    y = np.repeat([0, 1], [60, 40])
    first = split(candidate, y, 5, shuffle=True, seed=0)
    second = split(candidate, y, 5, shuffle=True, seed=0)
    same = same_folds(first, second)
    assert same, "two calls with seed=0 gave different folds"
    unshuffled = split(candidate, y, 5)
    same = same_folds(first, unshuffled)
    assert not same, "shuffle=True with seed=0 gave the unshuffled folds"


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_different_seeds_give_different_folds(candidate):
    """Different seeds give different shuffled folds."""
    y = np.repeat([0, 1], [60, 40])
    folds = [split(candidate, y, 5, shuffle=True, seed=seed) for seed in (1, 2, 3)]
    for i in range(3):
        for j in range(i + 1, 3):
            same = same_folds(folds[i], folds[j])
            assert not same, "two different seeds gave identical folds"


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_seed_none_gives_fresh_folds(candidate):
    """With seed=None, two shuffled calls give different folds."""
    y = np.repeat([0, 1], [60, 40])
    first = split(candidate, y, 5, shuffle=True, seed=None)
    second = split(candidate, y, 5, shuffle=True, seed=None)
    same = same_folds(first, second)
    assert not same, "two calls with seed=None gave identical folds"


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_global_rng_is_neither_used_nor_changed(candidate):
    """A shuffled call with an int seed neither changes nor depends on the global random state."""
    y = np.repeat([0, 1, 2], [20, 12, 8])
    candidate.seed_global_rng(123)
    assert_global_rng_untouched(
        candidate, lambda: candidate.stratified_kfold_indices(y, n_splits=4, shuffle=True, seed=7)
    )


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_global_rng_unchanged_without_a_seed(candidate):
    """A shuffled call with seed=None leaves the global random states as they were."""
    candidate.seed_global_rng(321)
    before = candidate.rng_fingerprint()
    split(candidate, np.repeat([0, 1], [20, 10]), 3, shuffle=True, seed=None)
    unchanged = candidate.rng_fingerprint() == before
    assert unchanged, "the global random state changed"


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_seed_is_ignored_without_shuffle(candidate):
    """A seed given without shuffle changes nothing: the folds are the unshuffled ones."""
    y = [1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0]
    with_seed = split(candidate, y, 3, shuffle=False, seed=3)
    without = split(candidate, y, 3)
    same = same_folds(with_seed, without)
    assert same, "a seed changed the unshuffled folds"


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_many_samples_without_shuffle(candidate, grading_seed):
    """Hundreds of thousands of imbalanced samples: exact sizes, class counts and blocks."""
    rng = np.random.default_rng(grading_seed + 3)
    y = rng.choice(np.array([3, 0, 8, 5]), size=200_003, p=[0.7, 0.2, 0.0999, 0.0001])
    split(candidate, y, 7)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_many_samples_with_shuffle(candidate, grading_seed):
    """Hundreds of thousands of shuffled imbalanced samples: exact sizes and class counts."""
    rng = np.random.default_rng(grading_seed + 4)
    y = rng.choice(np.array([3, 0, 8, 5]), size=200_003, p=[0.7, 0.2, 0.0999, 0.0001])
    split(candidate, y, 6, shuffle=True, seed=11)
