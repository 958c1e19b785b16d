"""Correct, data-augmentation style: ridge as ordinary least squares on centred data stacked with
sqrt(alpha) * I rows (zero targets), solved by np.linalg.lstsq; the intercept is recovered from
the means. Plain Python for the validation."""

import math

import numpy as np


def ridge_fit(X, y, alpha=1.0, fit_intercept=True):
    X = np.asarray(X)
    y = np.asarray(y)
    if len(X.shape) != 2 or len(y.shape) != 1 or X.shape[0] != y.shape[0] or X.shape[0] < 1:
        raise ValueError("shapes do not match")
    if alpha < 0:
        raise ValueError("negative alpha")
    X = X.astype(np.float64)
    y = y.astype(np.float64)
    d = X.shape[1]
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(d)
    y_mean = y.mean() if fit_intercept else 0.0
    A = np.vstack([X - x_mean, math.sqrt(alpha) * np.eye(d)])
    t = np.concatenate([y - y_mean, np.zeros(d)])
    w = np.linalg.lstsq(A, t, rcond=None)[0]
    return w, y_mean - float(np.dot(x_mean, w))
