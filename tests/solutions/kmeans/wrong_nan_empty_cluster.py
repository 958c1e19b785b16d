"""Wrong: the update step takes the mean of every cluster, so an empty cluster gets a NaN
centroid (mean of an empty slice). Otherwise a correct vectorised k-means with random-sample
initialisation."""

import numpy as np


def kmeans(X, k, n_init=10, max_iter=300, tol=1e-4, seed=None):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n = X.shape[0]
    if not 1 <= k <= n:
        raise ValueError("need 1 <= k <= n")
    rng = np.random.default_rng(seed)
    best_inertia, best = np.inf, None
    for _ in range(n_init):
        centroids = X[rng.choice(n, k, replace=False)]
        for _ in range(max_iter):
            dists = ((X[:, None, :] - centroids[None]) ** 2).sum(-1)
            labels = dists.argmin(1)
            new = np.array([X[labels == j].mean(axis=0) for j in range(k)])
            moved = np.linalg.norm(new - centroids, axis=1).max()
            centroids = new
            if moved <= tol:
                break
        dists = ((X[:, None, :] - centroids[None]) ** 2).sum(-1)
        labels = dists.argmin(1)
        inertia = dists[np.arange(n), labels].sum()
        if best is None or inertia < best_inertia:
            best_inertia, best = inertia, (labels, centroids)
    return best
