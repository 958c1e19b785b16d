"""Wrong: shuffles with numpy's global RNG (np.random.seed + np.random.permutation), which
changes the caller's global random state (and, with seed=None, draws from it)."""

import numpy as np


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("need 2 <= n_splits <= n_samples")
    idx = np.arange(n_samples)
    if shuffle:
        if seed is not None:
            np.random.seed(seed)
        idx = np.random.permutation(n_samples)
    folds = []
    for test in np.array_split(idx, n_splits):
        mask = np.ones(n_samples, dtype=bool)
        mask[test] = False
        folds.append((idx[mask[idx]], test))
    return folds
