"""Reference solution for linreg-gradient-descent."""

import numpy as np


def linreg_gd(X, y, lr=0.01, n_iter=1000):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or y.ndim != 1 or len(y) != len(X) or len(X) == 0:
        raise ValueError("X must be 2-D with at least one row, y 1-D with one value per row")
    if not lr > 0 or n_iter < 0:
        raise ValueError("lr must be positive and n_iter non-negative")
    n = len(X)
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_iter):
        residual = X @ w + b - y
        w, b = w - lr * (X.T @ residual) / n, b - lr * residual.mean()
    return w, float(b)
