"""Correct, vectorised style: classes in *descending* sorted order (another valid allocation),
each class's per-fold counts computed in closed form from where the class starts in the
class-grouped list, samples (not fold labels) permuted with a Generator, folds as int32 arrays
in permuted order."""

import numpy as np


def stratified_kfold_indices(y, n_splits=5, shuffle=False, seed=None):
    y = np.asarray(y)
    if not n_splits >= 2:
        raise ValueError(f"n_splits must be >= 2, got {n_splits}")
    classes, codes, counts = np.unique(y, return_inverse=True, return_counts=True)
    codes = codes.ravel()
    if len(y) == 0 or not (counts >= n_splits).any():
        raise ValueError("no class has n_splits members")
    order = np.arange(len(classes))[::-1]
    starts = np.zeros(len(classes), dtype=np.int64)
    starts[order] = np.concatenate([[0], np.cumsum(counts[order])[:-1]])
    folds = np.arange(n_splits)[:, None]
    # how many j in [start, start + count) have j % k == fold
    alloc = (starts + counts - folds + n_splits - 1) // n_splits - (starts - folds + n_splits - 1) // n_splits
    rng = np.random.default_rng(seed)
    test_of = [[] for _ in range(n_splits)]
    for c in range(len(classes)):
        members = np.flatnonzero(codes == c)
        if shuffle:
            members = rng.permutation(members)
        pieces = np.split(members, np.cumsum(alloc[:, c])[:-1])
        for fold, piece in enumerate(pieces):
            test_of[fold].append(piece)
    out = []
    for fold in range(n_splits):
        test = np.concatenate(test_of[fold]).astype(np.int32)
        mask = np.ones(len(y), dtype=bool)
        mask[test] = False
        out.append((np.flatnonzero(mask).astype(np.int32), test))
    return out
