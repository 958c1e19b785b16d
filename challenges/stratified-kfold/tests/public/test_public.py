"""Public tests for stratified-kfold: run them with `grader test stratified-kfold FILE`."""

import numpy as np
import pytest


def index_array(values, what):
    """``values`` as a sorted int64 array; fails unless it is 1-D and holds whole numbers."""
    arr = np.asarray(values)
    assert arr.ndim == 1, f"{what}: expected a 1-D array, got shape {arr.shape}"
    assert arr.dtype.kind in "iuf", f"{what}: expected integer indices, got dtype {arr.dtype}"
    as_int = arr.astype(np.int64)
    whole = np.array_equal(as_int, arr)
    assert whole, f"{what}: indices must be whole numbers"
    return np.sort(as_int)


def check_folds(folds, y, n_splits):
    """Partition, complement, fold sizes and per-class balance; returns sorted int64 folds."""
    y = np.asarray(y)
    n = len(y)
    n_folds = len(folds)
    assert n_folds == n_splits, f"expected {n_splits} folds, got {n_folds}"
    everything = np.arange(n)
    small, extra = divmod(n, n_splits)
    checked = []
    for i, fold in enumerate(folds):
        is_pair = len(fold) == 2
        assert is_pair, f"fold {i}: expected a pair (train_idx, test_idx)"
        train = index_array(fold[0], f"fold {i} train_idx")
        test = index_array(fold[1], f"fold {i} test_idx")
        want, got = small + 1 if i < extra else small, len(test)
        assert got == want, f"fold {i}: test fold has {got} samples, expected {want}"
        is_complement = np.array_equal(train, np.setdiff1d(everything, test))
        assert is_complement, f"fold {i}: train_idx is not the complement of test_idx"
        checked.append((train, test))
    all_tests = np.sort(np.concatenate([test for _, test in checked]))
    is_partition = np.array_equal(all_tests, everything)
    assert is_partition, "the test folds do not partition range(n)"
    for label in np.unique(y):
        n_c = int(np.sum(y == label))
        for i, (_, test) in enumerate(checked):
            got = int(np.sum(y[test] == label))
            balanced = got in (n_c // n_splits, n_c // n_splits + 1)
            assert balanced, f"fold {i} holds {got} of the {n_c} samples of class {label!r}"
    return checked


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example: two stratified folds of string labels, without shuffle."""
    y = ["b", "a", "b", "a", "b", "a", "a"]
    folds = check_folds(candidate.stratified_kfold_indices(y, n_splits=2), y, 2)
    expected = [[0, 1, 2, 3], [4, 5, 6]]
    for i, ((_, test), want) in enumerate(zip(folds, expected)):
        got = test.tolist()
        assert got == want, f"fold {i}: test_idx {got} != {want}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_shuffled_folds_are_stratified(candidate):
    """With shuffle, the folds still partition the samples and keep every class balanced."""
    y = [0] * 9 + [1] * 5 + [2] * 3
    check_folds(candidate.stratified_kfold_indices(y, n_splits=3, shuffle=True, seed=1), y, 3)


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_same_seed_gives_same_folds(candidate):
    """Two shuffled calls with the same seed give the same folds."""
    y = [0] * 12 + [1] * 8
    first = check_folds(candidate.stratified_kfold_indices(y, n_splits=4, shuffle=True, seed=3), y, 4)
    second = check_folds(candidate.stratified_kfold_indices(y, n_splits=4, shuffle=True, seed=3), y, 4)
    for i, ((_, a), (_, b)) in enumerate(zip(first, second)):
        same = np.array_equal(a, b)
        assert same, f"fold {i} differs between two calls with the same seed"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_every_class_too_small_raises_value_error(candidate):
    """More folds than samples in every class is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.stratified_kfold_indices([0, 0, 1, 1, 2, 2], n_splits=3)
