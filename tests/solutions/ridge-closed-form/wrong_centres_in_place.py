"""Wrong: centres X and y in place (X -= X.mean(axis=0)); np.asarray returns the caller's own
float64 array, so the caller's data is modified. The numbers returned are right."""

import numpy as np


def ridge_fit(X, y, alpha=1.0, fit_intercept=True):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(X) == 0 or alpha < 0:
        raise ValueError("bad input")
    d = X.shape[1]
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(d)
    y_mean = y.mean() if fit_intercept else 0.0
    X -= x_mean
    y -= y_mean
    w = np.linalg.solve(X.T @ X + alpha * np.eye(d), X.T @ y)
    return w, float(y_mean - x_mean @ w)
