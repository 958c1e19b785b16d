"""Correct, vectorised in another style: Forgy initialisation (k distinct random points), squared
distances by broadcasting the differences on the raw (uncentred) data, cluster sums with
np.bincount one feature at a time, and an empty cluster keeps its previous centroid."""

import numpy as np


def _assign(X, C):
    """Labels (ties to the lowest index) and each point's squared distance to its centroid."""
    d2 = np.square(X[:, np.newaxis, :] - C[np.newaxis, :, :]).sum(axis=-1)
    labels = d2.argmin(axis=1)
    return labels, d2[np.arange(len(X)), labels]


def _update(X, labels, C):
    k = len(C)
    counts = np.bincount(labels, minlength=k)
    sums = np.column_stack([np.bincount(labels, weights=X[:, f], minlength=k) for f in range(X.shape[1])])
    out = C.copy()
    filled = counts > 0
    out[filled] = sums[filled] / counts[filled][:, np.newaxis]
    return out


def kmeans(X, k, n_init=10, max_iter=300, tol=1e-4, seed=None):
    X = np.array(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n = len(X)
    if not 1 <= k <= n:
        raise ValueError(f"k must lie in 1..{n}, got {k}")
    rng = np.random.default_rng(seed)
    best_inertia, best_C = np.inf, None
    for _ in range(n_init):
        C = X[rng.choice(n, size=k, replace=False)]
        for _ in range(max_iter):
            labels, _ = _assign(X, C)
            new = _update(X, labels, C)
            moved = np.linalg.norm(new - C, axis=1).max()
            C = new
            if moved <= tol:
                break
        inertia = _assign(X, C)[1].sum()
        if best_C is None or inertia < best_inertia:
            best_inertia, best_C = inertia, C
    return _assign(X, best_C)[0], best_C
