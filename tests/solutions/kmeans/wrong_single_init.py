"""Wrong: ignores n_init and makes a single run from one random-sample initialisation, so it
stays in whatever local minimum that start leads to. Otherwise correct."""

import numpy as np


def kmeans(X, k, n_init=10, max_iter=300, tol=1e-4, seed=None):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n = X.shape[0]
    if not 1 <= k <= n:
        raise ValueError("need 1 <= k <= n")
    rng = np.random.default_rng(seed)
    centroids = X[rng.choice(n, k, replace=False)]
    for _ in range(max_iter):
        labels = ((X[:, None, :] - centroids[None]) ** 2).sum(-1).argmin(1)
        new = centroids.copy()
        for j in range(k):
            if np.any(labels == j):
                new[j] = X[labels == j].mean(axis=0)
        moved = np.linalg.norm(new - centroids, axis=1).max()
        centroids = new
        if moved <= tol:
            break
    labels = ((X[:, None, :] - centroids[None]) ** 2).sum(-1).argmin(1)
    return labels, centroids
