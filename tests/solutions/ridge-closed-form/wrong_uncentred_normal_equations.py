"""Wrong (numerically): solves the uncentred normal equations with a column of ones and an
unpenalised intercept; mathematically right, but it loses precision when features have large means."""

import numpy as np


def ridge_fit(X, y, alpha=1.0, fit_intercept=True):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(X) == 0 or alpha < 0:
        raise ValueError("bad input")
    d = X.shape[1]
    if not fit_intercept:
        return np.linalg.solve(X.T @ X + alpha * np.eye(d), X.T @ y), 0.0
    A = np.column_stack([X, np.ones(len(X))])
    penalty = alpha * np.eye(d + 1)
    penalty[d, d] = 0.0
    theta = np.linalg.solve(A.T @ A + penalty, A.T @ y)
    return theta[:d], float(theta[d])
