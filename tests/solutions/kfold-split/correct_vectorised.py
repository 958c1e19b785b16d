"""Correct, vectorised style: a fold-id array built with np.repeat, shuffled with a
Generator's in-place ``shuffle``, and boolean masks for train and test (so both come out sorted)."""

import numpy as np


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError(f"n_splits must be in [2, n_samples], got {n_splits} for {n_samples} samples")
    sizes = np.full(n_splits, n_samples // n_splits)
    sizes[: n_samples % n_splits] += 1
    fold_of = np.repeat(np.arange(n_splits), sizes)
    if shuffle:
        np.random.default_rng(seed).shuffle(fold_of)
    return [(np.flatnonzero(fold_of != k), np.flatnonzero(fold_of == k)) for k in range(n_splits)]
