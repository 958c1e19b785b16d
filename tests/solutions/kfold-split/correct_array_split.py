"""Correct, np.array_split style: the (possibly permuted) indices are cut with np.array_split,
which puts the leftovers in the first folds; the legacy ``np.random.RandomState(seed)`` is used as
a private generator (not the global one); test folds stay in permuted order, uint64 dtype."""

import numpy as np


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    if n_splits < 2:
        raise ValueError("n_splits must be at least 2")
    if n_splits > n_samples:
        raise ValueError("n_splits cannot exceed n_samples")
    idx = np.arange(n_samples, dtype=np.uint64)
    if shuffle:
        idx = np.random.RandomState(seed).permutation(idx)
    chunks = np.array_split(idx, n_splits)
    out = []
    for i, test in enumerate(chunks):
        train = np.concatenate(chunks[:i] + chunks[i + 1 :])
        out.append((train, test))
    return out
