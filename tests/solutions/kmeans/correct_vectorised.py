"""Correct, vectorised: the data are centred, distances use the expansion |x|^2 - 2x.c + |c|^2
on the centred data (safe there), k-means++ initialisation, and an empty cluster is re-seeded at
the point farthest from its centroid."""

import numpy as np


def _sqdist(Xc, sq_norms, C):
    d = sq_norms[:, None] - 2.0 * Xc @ C.T + (C * C).sum(axis=1)[None, :]
    return np.maximum(d, 0.0)


def _kmeans_pp(Xc, sq_norms, k, rng):
    n = len(Xc)
    chosen = [int(rng.integers(n))]
    d2 = _sqdist(Xc, sq_norms, Xc[chosen])[:, 0]
    while len(chosen) < k:
        total = d2.sum()
        idx = int(rng.choice(n, p=d2 / total)) if total > 0 else int(rng.integers(n))
        chosen.append(idx)
        d2 = np.minimum(d2, _sqdist(Xc, sq_norms, Xc[idx : idx + 1])[:, 0])
    return Xc[chosen].copy()


def _run(Xc, sq_norms, k, max_iter, tol, rng):
    C = _kmeans_pp(Xc, sq_norms, k, rng)
    onehot_rows = np.arange(len(Xc))
    for _ in range(max_iter):
        D = _sqdist(Xc, sq_norms, C)
        labels = D.argmin(axis=1)
        own = D[onehot_rows, labels].copy()
        M = np.zeros((k, len(Xc)))
        M[labels, onehot_rows] = 1.0
        counts = M.sum(axis=1)
        new = C.copy()
        nonempty = counts > 0
        new[nonempty] = (M @ Xc)[nonempty] / counts[nonempty, None]
        for j in np.flatnonzero(~nonempty):
            far = int(own.argmax())
            new[j] = Xc[far]
            own[far] = 0.0
        shift = np.sqrt(((new - C) ** 2).sum(axis=1)).max()
        C = new
        if shift <= tol:
            break
    D = _sqdist(Xc, sq_norms, C)
    labels = D.argmin(axis=1)
    return labels, C, D[onehot_rows, labels].sum()


def kmeans(X, k, n_init=10, max_iter=300, tol=1e-4, seed=None):
    X = np.asarray(X)
    if X.ndim != 2:
        raise ValueError(f"expected a 2-D X, got shape {X.shape}")
    if not (1 <= k <= X.shape[0]):
        raise ValueError(f"k={k} is outside 1..{X.shape[0]}")
    X = X.astype(np.float64)
    rng = np.random.default_rng(seed)
    mu = X.mean(axis=0)
    Xc = X - mu
    sq_norms = (Xc * Xc).sum(axis=1)
    runs = [_run(Xc, sq_norms, k, max_iter, tol, rng) for _ in range(n_init)]
    labels, C, _ = min(runs, key=lambda run: run[2])
    centroids = C + mu
    diff = X[:, None, :] - centroids[None, :, :]
    labels = np.argmin((diff * diff).sum(axis=2), axis=1)
    return labels, centroids
