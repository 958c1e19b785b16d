"""Wrong, as in ML-From-Scratch's k_fold_cross_validation_sets: the n % k leftover samples are
set aside and appended to every training set, so they are never in any test fold."""

import numpy as np


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("need 2 <= n_splits <= n_samples")
    idx = np.arange(n_samples)
    if shuffle:
        idx = np.random.default_rng(seed).permutation(n_samples)
    n_left_overs = n_samples % n_splits
    left_overs = idx[n_samples - n_left_overs :]
    idx = idx[: n_samples - n_left_overs]
    split = np.split(idx, n_splits)
    folds = []
    for i in range(n_splits):
        test = split[i]
        train = np.concatenate(split[:i] + split[i + 1 :] + [left_overs])
        folds.append((train, test))
    return folds
