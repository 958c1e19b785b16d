"""Reference solution for kfold-split."""

import numpy as np


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    n_samples, n_splits = int(n_samples), int(n_splits)
    if n_splits < 2:
        raise ValueError(f"n_splits must be at least 2, got {n_splits}")
    if n_splits > n_samples:
        raise ValueError(f"n_splits={n_splits} is greater than n_samples={n_samples}")
    indices = np.arange(n_samples, dtype=np.int64)
    if shuffle:
        indices = np.random.default_rng(seed).permutation(indices)
    sizes = np.full(n_splits, n_samples // n_splits, dtype=np.int64)
    sizes[: n_samples % n_splits] += 1
    folds = []
    start = 0
    for size in sizes:
        test = indices[start : start + size]
        train = np.concatenate([indices[:start], indices[start + size :]])
        folds.append((train, test))
        start += size
    return folds
