"""Reference solution for logistic-regression."""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    # e^min(z, 0) / (1 + e^-|z|): both exponents are <= 0, so nothing overflows
    return np.exp(np.minimum(z, 0)) / (1 + np.exp(-np.abs(z)))


def _data(X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or y.ndim != 1 or len(y) != len(X) or len(X) == 0:
        raise ValueError("X must be 2-D with at least one row, y 1-D with one label per row")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    return X, y


def _logits(X, w, b):
    w = np.asarray(w, dtype=np.float64)
    if w.shape != X.shape[1:]:
        raise ValueError("w must have one weight per column of X")
    return w, X @ w + b


def _check_l2(l2):
    if not l2 >= 0:
        raise ValueError(f"l2 must be non-negative, got {l2}")


def logreg_loss(X, y, w, b, l2=0.0):
    X, y = _data(X, y)
    _check_l2(l2)
    w, z = _logits(X, w, b)
    # -log(sigmoid(z)) = log(1 + e^-z) and -log(1 - sigmoid(z)) = log(1 + e^z), without overflow
    per_sample = y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)
    return float(per_sample.mean() + l2 / 2 * (w @ w))


def logreg_gradient(X, y, w, b, l2=0.0):
    X, y = _data(X, y)
    _check_l2(l2)
    w, z = _logits(X, w, b)
    error = sigmoid(z) - y
    return X.T @ error / len(X) + l2 * w, float(error.mean())


def logreg_fit(X, y, lr=0.1, n_iter=1000, l2=0.0):
    X, y = _data(X, y)
    _check_l2(l2)
    if not lr > 0 or n_iter < 0:
        raise ValueError("lr must be positive and n_iter non-negative")
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iter):
        error = sigmoid(X @ w + b) - y
        w, b = w - lr * (X.T @ error / len(X) + l2 * w), b - lr * error.mean()
    return w, float(b)


def logreg_predict(X, w, b):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return (_logits(X, w, b)[1] >= 0).astype(np.int64)
