"""Wrong: every fold but the last gets n // k samples and the last fold takes all the leftovers,
so when n % k != 0 the last fold is the larger one (by up to k - 1 samples)."""

import numpy as np


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("need 2 <= n_splits <= n_samples")
    idx = np.arange(n_samples)
    if shuffle:
        idx = np.random.default_rng(seed).permutation(n_samples)
    fold_size = n_samples // n_splits
    folds = []
    for i in range(n_splits):
        start = i * fold_size
        stop = n_samples if i == n_splits - 1 else start + fold_size
        test = idx[start:stop]
        train = np.concatenate([idx[:start], idx[stop:]])
        folds.append((train, test))
    return folds
