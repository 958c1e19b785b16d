"""Reference solution for kmeans."""

import numpy as np


def _sq_distances(X, centroids):
    """Squared Euclidean distances, shape (n, k), from differences (no cancellation)."""
    diff = X[:, None, :] - centroids[None, :, :]
    return np.einsum("nkd,nkd->nk", diff, diff)


def _plusplus(X, k, rng):
    """k-means++ seeding; uniform among the points when every D(x)^2 is zero."""
    n = X.shape[0]
    chosen = [rng.integers(n)]
    closest = _sq_distances(X, X[chosen]).ravel()
    while len(chosen) < k:
        total = closest.sum()
        index = rng.choice(n, p=closest / total) if total > 0 else rng.integers(n)
        chosen.append(index)
        closest = np.minimum(closest, _sq_distances(X, X[[index]]).ravel())
    return X[chosen]


def _lloyd(X, centroids, max_iter, tol):
    k = centroids.shape[0]
    for _ in range(max_iter):
        labels = np.argmin(_sq_distances(X, centroids), axis=1)
        counts = np.bincount(labels, minlength=k)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, X)
        new = centroids.copy()  # an empty cluster keeps its previous centroid
        filled = counts > 0
        new[filled] = sums[filled] / counts[filled, None]
        shift = np.sqrt(((new - centroids) ** 2).sum(axis=1)).max()
        centroids = new
        if shift <= tol:
            break
    distances = _sq_distances(X, centroids)
    labels = np.argmin(distances, axis=1)  # ties go to the lowest index
    inertia = distances[np.arange(X.shape[0]), labels].sum()
    return labels, centroids, inertia


def kmeans(X, k, n_init=10, max_iter=300, tol=1e-4, seed=None):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    n = X.shape[0]
    if not 1 <= k <= n:
        raise ValueError(f"k must be between 1 and n={n}, got {k}")
    if n_init < 1 or max_iter < 1:
        raise ValueError("n_init and max_iter must be at least 1")
    rng = np.random.default_rng(seed)
    # Centring changes no distance and keeps the arithmetic well conditioned.
    offset = X.mean(axis=0)
    Xc = X - offset
    best = None
    for _ in range(n_init):
        labels, centroids, inertia = _lloyd(Xc, _plusplus(Xc, k, rng), max_iter, tol)
        if best is None or inertia < best[2]:
            best = labels, centroids, inertia
    labels, centroids, _ = best
    centroids = centroids + offset
    # Recompute the labels against the returned (un-centred) centroids so they agree exactly.
    labels = np.argmin(_sq_distances(X, centroids), axis=1)
    return labels.astype(np.int64), centroids
