"""Correct, plain-Python style: lists and loops, fold sizes computed one by one, shuffling with
the standard library's own ``random.Random(seed)`` instance; train indices come out unsorted
(test fold first removed, rest in shuffled order)."""

import random

import numpy as np


def kfold_indices(n_samples, n_splits=5, shuffle=False, seed=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("need 2 <= n_splits <= n_samples")
    order = list(range(n_samples))
    if shuffle:
        random.Random(seed).shuffle(order)
    base = n_samples // n_splits
    extra = n_samples % n_splits
    folds = []
    start = 0
    for i in range(n_splits):
        size = base + 1 if i < extra else base
        test = order[start : start + size]
        train = order[:start] + order[start + size :]
        folds.append((np.array(train, dtype=np.int32), np.array(test, dtype=np.int32)))
        start += size
    return folds
