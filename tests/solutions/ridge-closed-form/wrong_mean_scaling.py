"""Wrong: minimises the mean squared error plus alpha ||w||^2, i.e. solves
(Xc^T Xc / n + alpha I) w = Xc^T yc / n, which is the sum-of-squares problem with alpha * n."""

import numpy as np


def ridge_fit(X, y, alpha=1.0, fit_intercept=True):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(X) == 0 or alpha < 0:
        raise ValueError("bad input")
    n, d = X.shape
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(d)
    y_mean = y.mean() if fit_intercept else 0.0
    Xc, yc = X - x_mean, y - y_mean
    w = np.linalg.solve(Xc.T @ Xc / n + alpha * np.eye(d), Xc.T @ yc / n)
    return w, float(y_mean - x_mean @ w)
