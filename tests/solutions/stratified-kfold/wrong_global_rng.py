"""Wrong: shuffles each class's fold labels with numpy's global RNG (np.random.seed +
np.random.shuffle), which changes the caller's global random state (and, with seed=None, draws
from it)."""

import numpy as np


def stratified_kfold_indices(y, n_splits=5, shuffle=False, seed=None):
    y = np.asarray(y)
    if n_splits < 2:
        raise ValueError("n_splits must be at least 2")
    classes, codes, counts = np.unique(y, return_inverse=True, return_counts=True)
    codes = codes.ravel()
    if len(y) == 0 or counts.max() < n_splits:
        raise ValueError("n_splits is greater than every class")
    allocation = np.zeros((n_splits, len(classes)), dtype=np.int64)
    np.add.at(allocation, (np.arange(len(y)) % n_splits, np.sort(codes)), 1)
    if shuffle and seed is not None:
        np.random.seed(seed)
    fold_of = np.empty(len(y), dtype=np.int64)
    for c in range(len(classes)):
        block = np.repeat(np.arange(n_splits), allocation[:, c])
        if shuffle:
            np.random.shuffle(block)
        fold_of[codes == c] = block
    return [(np.flatnonzero(fold_of != i), np.flatnonzero(fold_of == i)) for i in range(n_splits)]
