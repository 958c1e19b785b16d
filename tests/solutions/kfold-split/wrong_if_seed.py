"""Wrong: tests the seed with ``if seed:``, so seed=0 is treated like "no seed" and a shuffled
call with seed=0 gives different folds every time."""

import numpy as np


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("need 2 <= n_splits <= n_samples")
    idx = np.arange(n_samples)
    if shuffle:
        rng = np.random.default_rng(seed) if seed else np.random.default_rng()
        idx = rng.permutation(n_samples)
    chunks = np.array_split(idx, n_splits)
    return [(np.concatenate(chunks[:i] + chunks[i + 1 :]), chunks[i]) for i in range(n_splits)]
