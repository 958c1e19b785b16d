"""Wrong: predicts 1 only when the probability is strictly above 0.5 (z > 0), so a logit of exactly
0 predicts 0."""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(np.minimum(z, 0)) / (1 + np.exp(-np.abs(z)))


def _check(X, y, l2):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(X) == 0 or l2 < 0:
        raise ValueError("bad input")
    if not np.isin(y, (0, 1)).all():
        raise ValueError("labels must be 0/1")
    return X, y


def _w(w, X):
    w = np.asarray(w, dtype=float)
    if w.shape != (X.shape[1],):
        raise ValueError("bad w")
    return w


def logreg_loss(X, y, w, b, l2=0.0):
    X, y = _check(X, y, l2)
    w = _w(w, X)
    z = X @ w + b
    return float(np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)) + l2 / 2 * w @ w)


def logreg_gradient(X, y, w, b, l2=0.0):
    X, y = _check(X, y, l2)
    w = _w(w, X)
    e = sigmoid(X @ w + b) - y
    return X.T @ e / len(X) + l2 * w, float(e.mean())


def logreg_fit(X, y, lr=0.1, n_iter=1000, l2=0.0):
    X, y = _check(X, y, l2)
    if lr <= 0 or n_iter < 0:
        raise ValueError("bad lr/n_iter")
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_iter):
        gw, gb = logreg_gradient(X, y, w, b, l2)
        w, b = w - lr * gw, b - lr * gb
    return w, b


def logreg_predict(X, w, b):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("bad X")
    return (sigmoid(X @ _w(w, X) + b) > 0.5).astype(int)
