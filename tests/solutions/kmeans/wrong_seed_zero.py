"""Wrong: `if seed:` treats seed=0 like None, so seed=0 gives a different result on every call.
Otherwise a correct vectorised k-means++ implementation."""

import numpy as np


def _d2(X, C):
    return ((X[:, None, :] - C[None]) ** 2).sum(-1)


def kmeans(X, k, n_init=10, max_iter=300, tol=1e-4, seed=None):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n = X.shape[0]
    if not 1 <= k <= n:
        raise ValueError("need 1 <= k <= n")
    if seed:
        rng = np.random.default_rng(seed)
    else:
        rng = np.random.default_rng()
    best_inertia, best = np.inf, None
    for _ in range(n_init):
        idx = [rng.integers(n)]
        for _ in range(1, k):
            d = _d2(X, X[idx]).min(1)
            idx.append(rng.choice(n, p=d / d.sum()) if d.sum() > 0 else rng.integers(n))
        centroids = X[idx].copy()
        for _ in range(max_iter):
            labels = _d2(X, centroids).argmin(1)
            new = centroids.copy()
            for j in range(k):
                if np.any(labels == j):
                    new[j] = X[labels == j].mean(axis=0)
            moved = np.linalg.norm(new - centroids, axis=1).max()
            centroids = new
            if moved <= tol:
                break
        dists = _d2(X, centroids)
        labels = dists.argmin(1)
        inertia = dists[np.arange(n), labels].sum()
        if best is None or inertia < best_inertia:
            best_inertia, best = inertia, (labels, centroids)
    return best
