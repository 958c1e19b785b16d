"""Wrong: uses the gradient of the plain mean squared error, 2/n * X^T r (no factor 1/2 in the
loss), i.e. twice the pinned step; it still converges to least squares but fails fixed-step results."""

import numpy as np


def linreg_gd(X, y, lr=0.01, n_iter=1000):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(X) == 0 or lr <= 0 or n_iter < 0:
        raise ValueError("bad input")
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iter):
        r = X @ w + b - y
        w, b = w - lr * 2 / n * X.T @ r, b - lr * 2 * r.mean()
    return w, b
