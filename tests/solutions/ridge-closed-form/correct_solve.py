"""Correct, normal-equations style: centre X and y, then np.linalg.solve on
(Xc^T Xc + alpha I) w = Xc^T yc; b = mean(y) - mean(X) @ w; without an intercept, no centring."""

import numpy as np


def ridge_fit(X, y, alpha=1.0, fit_intercept=True):
    X = np.array(X, dtype=np.float64)  # a copy: centring below never touches the caller's array
    y = np.array(y, dtype=np.float64)
    if X.ndim != 2 or y.ndim != 1:
        raise ValueError("X must be 2-D and y 1-D")
    n, d = X.shape
    if n == 0 or y.shape[0] != n:
        raise ValueError("X and y need the same, non-zero number of rows")
    if alpha < 0:
        raise ValueError("alpha must be >= 0")
    if fit_intercept:
        x_mean = X.mean(axis=0)
        y_mean = y.mean()
        X -= x_mean
        y -= y_mean
    w = np.linalg.solve(X.T @ X + alpha * np.eye(d), X.T @ y)
    b = float(y_mean - x_mean @ w) if fit_intercept else 0.0
    return w, b
