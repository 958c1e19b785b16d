"""Reference solution for stratified-kfold."""

import numpy as np


def stratified_kfold_indices(y, n_splits=5, shuffle=False, seed=None):
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    n_splits = int(n_splits)
    if n_splits < 2:
        raise ValueError(f"n_splits must be at least 2, got {n_splits}")
    classes, y_encoded, counts = np.unique(y, return_inverse=True, return_counts=True)
    if not np.any(counts >= n_splits):
        raise ValueError(f"n_splits={n_splits} is greater than the number of members in every class")
    n_classes = len(classes)
    # Deal the samples, grouped by class, round-robin: position j goes to fold j % n_splits.
    # allocation[i, c] is how many samples of class c fold i tests.
    positions = np.arange(y.size)
    allocation = np.zeros((n_splits, n_classes), dtype=np.int64)
    np.add.at(allocation, (positions % n_splits, np.repeat(np.arange(n_classes), counts)), 1)
    rng = np.random.default_rng(seed) if shuffle else None
    test_fold = np.empty(y.size, dtype=np.int64)
    for c in range(n_classes):
        folds_for_class = np.repeat(np.arange(n_splits), allocation[:, c])
        if rng is not None:
            rng.shuffle(folds_for_class)
        test_fold[y_encoded == c] = folds_for_class
    return [(np.flatnonzero(test_fold != i), np.flatnonzero(test_fold == i)) for i in range(n_splits)]
