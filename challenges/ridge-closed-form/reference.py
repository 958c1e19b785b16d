"""Reference solution for ridge-closed-form."""

import numpy as np


def ridge_fit(X, y, alpha=1.0, fit_intercept=True):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or y.ndim != 1 or len(y) != len(X) or len(X) == 0:
        raise ValueError("X must be 2-D with at least one row, y 1-D with one value per row")
    if not alpha >= 0:
        raise ValueError(f"alpha must be non-negative, got {alpha}")
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(X.shape[1])
    y_mean = y.mean() if fit_intercept else 0.0
    # (Xc^T Xc + alpha I) w = Xc^T yc, solved through the SVD of the centred data Xc = U S V^T
    U, s, Vt = np.linalg.svd(X - x_mean, full_matrices=False)
    w = Vt.T @ (s / (s**2 + alpha) * (U.T @ (y - y_mean)))
    return w, float(y_mean - x_mean @ w)
