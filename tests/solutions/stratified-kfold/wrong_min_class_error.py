"""Wrong: raises ValueError as soon as *any* class has fewer than n_splits samples (the rule is:
only when *every* class does), so data sets with a rare class cannot be split at all."""

import numpy as np


def stratified_kfold_indices(y, n_splits=5, shuffle=False, seed=None):
    y = np.asarray(y)
    if n_splits < 2:
        raise ValueError("n_splits must be at least 2")
    classes, codes, counts = np.unique(y, return_inverse=True, return_counts=True)
    codes = codes.ravel()
    if len(y) == 0 or counts.min() < n_splits:
        raise ValueError("n_splits is greater than the number of members of some class")
    allocation = np.zeros((n_splits, len(classes)), dtype=np.int64)
    np.add.at(allocation, (np.arange(len(y)) % n_splits, np.sort(codes)), 1)
    rng = np.random.default_rng(seed)
    fold_of = np.empty(len(y), dtype=np.int64)
    for c in range(len(classes)):
        block = np.repeat(np.arange(n_splits), allocation[:, c])
        if shuffle:
            rng.shuffle(block)
        fold_of[codes == c] = block
    return [(np.flatnonzero(fold_of != i), np.flatnonzero(fold_of == i)) for i in range(n_splits)]
