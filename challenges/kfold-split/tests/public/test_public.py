"""Public tests for kfold-split: run them with `grader test kfold-split FILE`."""

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


def check_folds(folds, n_samples, n_splits):
    """Checks the structure every valid answer has; returns the folds as sorted int64 arrays."""
    n_folds = len(folds)
    assert n_folds == n_splits, f"expected {n_splits} folds, got {n_folds}"
    everything = np.arange(n_samples)
    small, extra = divmod(n_samples, n_splits)
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
    assert is_partition, "the test folds do not partition range(n_samples)"
    return checked


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example: three contiguous folds, the first one larger."""
    folds = check_folds(candidate.kfold_indices(10, n_splits=3), 10, 3)
    expected = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    for i, ((_, test), want) in enumerate(zip(folds, expected)):
        got = test.tolist()
        assert got == want, f"fold {i}: test_idx {got} != {want}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_shuffled_folds_partition_the_samples(candidate):
    """With shuffle, the test folds still partition the samples and train is the complement."""
    check_folds(candidate.kfold_indices(13, n_splits=4, shuffle=True, seed=1), 13, 4)


@pytest.mark.points(1)
@pytest.mark.category("determinism")
def test_same_seed_gives_same_folds(candidate):
    """Two shuffled calls with the same seed give the same folds."""
    first = check_folds(candidate.kfold_indices(20, n_splits=4, shuffle=True, seed=3), 20, 4)
    second = check_folds(candidate.kfold_indices(20, n_splits=4, shuffle=True, seed=3), 20, 4)
    for i, ((_, a), (_, b)) in enumerate(zip(first, second)):
        same = np.array_equal(a, b)
        assert same, f"fold {i} differs between two calls with the same seed"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_more_splits_than_samples_raises_value_error(candidate):
    """More folds than samples is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.kfold_indices(3, n_splits=4)
