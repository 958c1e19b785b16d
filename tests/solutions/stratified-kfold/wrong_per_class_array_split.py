"""Wrong: splits each class with np.array_split independently. Every class is balanced, but
each class puts its leftover samples in the first folds, so the fold sizes can differ by more
than one (three classes of 4 samples in 3 folds give sizes 6, 3, 3)."""

import numpy as np


def stratified_kfold_indices(y, n_splits=5, shuffle=False, seed=None):
    y = np.asarray(y)
    if n_splits < 2:
        raise ValueError("n_splits must be at least 2")
    classes, counts = np.unique(y, return_counts=True)
    if len(y) == 0 or counts.max() < n_splits:
        raise ValueError("n_splits is greater than every class")
    rng = np.random.default_rng(seed)
    tests = [[] for _ in range(n_splits)]
    for label in classes:
        members = np.flatnonzero(y == label)
        if shuffle:
            members = rng.permutation(members)
        for fold, piece in enumerate(np.array_split(members, n_splits)):
            tests[fold].append(piece)
    out = []
    for fold in range(n_splits):
        test = np.sort(np.concatenate(tests[fold]))
        out.append((np.setdiff1d(np.arange(len(y)), test), test))
    return out
