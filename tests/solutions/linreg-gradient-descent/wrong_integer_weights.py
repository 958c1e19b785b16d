"""Wrong: starts from w = np.zeros_like(X[0]), which has X's dtype, and updates in place; with
integer inputs the in-place float update fails (or truncates), while float inputs work."""

import numpy as np


def linreg_gd(X, y, lr=0.01, n_iter=1000):
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(X) == 0 or lr <= 0 or n_iter < 0:
        raise ValueError("bad input")
    n = len(X)
    w = np.zeros_like(X[0])
    b = 0.0
    for _ in range(n_iter):
        r = X @ w + b - y
        grad_w = X.T @ r / n
        w -= lr * grad_w
        b -= lr * r.mean()
    return w.astype(np.float64), b
