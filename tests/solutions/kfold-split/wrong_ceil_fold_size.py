"""Wrong: uses fold_size = ceil(n / k) for every fold, so the last fold is the short one (and
can even be much smaller than the others, e.g. 3, 3, 3, 1 for n=10, k=4)."""

import math

import numpy as np


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("need 2 <= n_splits <= n_samples")
    idx = np.arange(n_samples)
    if shuffle:
        idx = np.random.default_rng(seed).permutation(n_samples)
    fold_size = math.ceil(n_samples / n_splits)
    folds = []
    for i in range(n_splits):
        test = idx[i * fold_size : (i + 1) * fold_size]
        train = np.setdiff1d(idx, test)
        folds.append((train, test))
    return folds
