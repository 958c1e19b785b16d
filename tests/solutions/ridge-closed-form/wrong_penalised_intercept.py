"""Wrong: appends a column of ones and adds alpha * I to the whole augmented normal matrix, so the
intercept is penalised like the weights (shrunk towards 0)."""

import numpy as np


def ridge_fit(X, y, alpha=1.0, fit_intercept=True):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(X) == 0 or alpha < 0:
        raise ValueError("bad input")
    if not fit_intercept:
        return np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y), 0.0
    A = np.column_stack([X, np.ones(len(X))])
    theta = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return theta[:-1], float(theta[-1])
