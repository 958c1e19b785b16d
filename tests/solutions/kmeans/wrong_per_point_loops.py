"""Wrong (too slow): Python loops over the points for the assignment and the update, so on a
few thousand points it is tens of times slower than a vectorised solution. Otherwise correct:
random-sample (Forgy) initialisation with k distinct points, and an empty cluster keeps its
previous centroid."""

import numpy as np


def _nearest(x, centroids):
    best, best_d = 0, None
    for j in range(len(centroids)):
        diff = x - centroids[j]
        d = float(np.dot(diff, diff))
        if best_d is None or d < best_d:  # strict: a tie keeps the lower index
            best, best_d = j, d
    return best, best_d


def _one_run(X, k, max_iter, tol, rng):
    n, dim = X.shape
    centroids = X[rng.choice(n, size=k, replace=False)].copy()
    for _ in range(max_iter):
        sums = np.zeros((k, dim))
        counts = [0] * k
        for i in range(n):
            j, _ = _nearest(X[i], centroids)
            sums[j] += X[i]
            counts[j] += 1
        new = centroids.copy()
        for j in range(k):
            if counts[j] > 0:
                new[j] = sums[j] / counts[j]
        moved = max(float(np.sqrt(np.dot(new[j] - centroids[j], new[j] - centroids[j]))) for j in range(k))
        centroids = new
        if moved <= tol:
            break
    labels = []
    total = 0.0
    for i in range(n):
        j, d = _nearest(X[i], centroids)
        labels.append(j)
        total += d
    return np.array(labels, dtype=int), centroids, total


def kmeans(X, k, n_init=10, max_iter=300, tol=1e-4, seed=None):
    X = np.array(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array")
    if k < 1 or k > X.shape[0]:
        raise ValueError("k must satisfy 1 <= k <= n")
    rng = np.random.default_rng(seed)
    best = None
    for _ in range(n_init):
        run = _one_run(X, k, max_iter, tol, rng)
        if best is None or run[2] < best[2]:
            best = run
    return best[0], best[1]
