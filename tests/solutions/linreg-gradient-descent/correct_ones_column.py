"""Correct, design-matrix style: the intercept is a column of ones appended to X and a single
parameter vector theta is updated with theta -= lr / n * A^T (A theta - y); b is its last entry."""

import numpy as np


def linreg_gd(X, y, lr=0.01, n_iter=1000):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    if y.shape != (X.shape[0],):
        raise ValueError("y must be 1-D with one target per row of X")
    if lr <= 0:
        raise ValueError("lr must be positive")
    if n_iter < 0:
        raise ValueError("n_iter must be non-negative")
    m = X.shape[0]
    A = np.hstack([X, np.ones((m, 1))])
    theta = np.zeros(A.shape[1])
    for _ in range(n_iter):
        gradient = A.T.dot(A.dot(theta) - y) / m
        theta -= lr * gradient
    return theta[:-1].copy(), theta[-1]
