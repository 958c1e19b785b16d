"""Reference solution for tree-best-split."""

import numpy as np

TIE_TOLERANCE = 1e-9


def _impurity(counts, criterion):
    """Gini or entropy (bits) of each row of class counts (every row has a positive total)."""
    p = counts / counts.sum(axis=-1, keepdims=True)
    if criterion == "gini":
        return 1 - (p**2).sum(axis=-1)
    return -(p * np.log2(np.where(p > 0, p, 1))).sum(axis=-1)


def best_split(X, y, criterion="gini"):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(y) != len(X) or len(X) == 0:
        raise ValueError("X must be 2-D with at least one row, y 1-D with one label per row")
    if criterion not in ("gini", "entropy"):
        raise ValueError(f"criterion must be 'gini' or 'entropy', got {criterion!r}")
    classes, codes = np.unique(y, return_inverse=True)
    if len(classes) == 1:
        return None  # a pure node is not split
    n = len(y)
    onehot = (codes[:, None] == np.arange(len(classes))).astype(np.float64)
    totals = onehot.sum(axis=0)
    best = None  # (weighted child impurity, feature, threshold)
    for feature in range(X.shape[1]):
        order = np.argsort(X[:, feature], kind="stable")
        x = X[order, feature]
        between = np.flatnonzero(x[1:] > x[:-1])  # split after sorted position i
        if between.size == 0:
            continue
        left = np.cumsum(onehot[order], axis=0)[between]
        n_left = (between + 1).astype(np.float64)
        score = (n_left * _impurity(left, criterion) + (n - n_left) * _impurity(totals - left, criterion)) / n
        i = np.flatnonzero(score <= score.min() + TIE_TOLERANCE)[0]
        if best is None or score[i] < best[0] - TIE_TOLERANCE:
            low, high = x[between[i]], x[between[i] + 1]
            threshold = low / 2 + high / 2
            best = (score[i], feature, low if threshold >= high else threshold)
    if best is None:
        return None  # every feature is constant
    parent = _impurity(totals, criterion)
    return best[1], float(best[2]), float(parent - best[0])
