"""Wrong: sorts the samples by class and deals them round-robin (sample at position j of the
class-sorted order to fold j % k). Sizes and class balance are right, but without shuffle a
class's samples are not cut into consecutive blocks in index order: the dealing wraps around."""

import numpy as np


def stratified_kfold_indices(y, n_splits=5, shuffle=False, seed=None):
    y = np.asarray(y)
    if n_splits < 2:
        raise ValueError("n_splits must be at least 2")
    classes, codes, counts = np.unique(y, return_inverse=True, return_counts=True)
    codes = codes.ravel()
    if len(y) == 0 or counts.max() < n_splits:
        raise ValueError("n_splits is greater than every class")
    keys = np.random.default_rng(seed).random(len(y)) if shuffle else np.arange(len(y))
    order = np.lexsort((keys, codes))
    fold_of = np.empty(len(y), dtype=np.int64)
    fold_of[order] = np.arange(len(y)) % n_splits
    return [(np.flatnonzero(fold_of != i), np.flatnonzero(fold_of == i)) for i in range(n_splits)]
