"""Wrong: updates w first and then computes the intercept's gradient from residuals that already
use the new w (a Gauss-Seidel sweep instead of the pinned simultaneous update)."""

import numpy as np


def linreg_gd(X, y, lr=0.01, n_iter=1000):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(X) == 0 or lr <= 0 or n_iter < 0:
        raise ValueError("bad input")
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iter):
        w = w - lr * X.T @ (X @ w + b - y) / n
        b = b - lr * np.mean(X @ w + b - y)
    return w, b
