"""Correct, plain-Python style: classes in order of first appearance (as scikit-learn does),
the round-robin allocation counted with a Python loop, each class's samples then cut into
consecutive blocks; shuffling with the standard library's own ``random.Random(seed)`` instance;
index lists built by hand (train indices unsorted)."""

import random

import numpy as np


def stratified_kfold_indices(y, n_splits=5, shuffle=False, seed=None):
    labels = list(y.tolist() if isinstance(y, np.ndarray) else y)
    if n_splits < 2:
        raise ValueError("n_splits must be at least 2")
    members = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    if not members or max(len(m) for m in members.values()) < n_splits:
        raise ValueError("n_splits is greater than the number of members in every class")
    # allocation[label][fold]: deal the positions of the class-grouped list round-robin
    allocation = {label: [0] * n_splits for label in members}
    position = 0
    for label, idx in members.items():
        for _ in idx:
            allocation[label][position % n_splits] += 1
            position += 1
    rng = random.Random(seed) if shuffle else None
    tests = [[] for _ in range(n_splits)]
    for label, idx in members.items():
        idx = list(idx)
        if rng is not None:
            rng.shuffle(idx)
        start = 0
        for fold in range(n_splits):
            count = allocation[label][fold]
            tests[fold].extend(idx[start : start + count])
            start += count
    folds = []
    for fold in range(n_splits):
        in_test = set(tests[fold])
        train = [i for i in range(len(labels)) if i not in in_test]
        folds.append((np.array(train, dtype=np.int64), np.array(tests[fold], dtype=np.int64)))
    return folds
