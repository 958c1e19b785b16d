"""Correct, plain-Python style: math.exp / math.log1p per sample with an explicit branch on the
sign of the logit, loops over samples and features for the loss, the gradient and every step."""

import math

import numpy as np


def _sig(t):
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def _softplus(t):
    """log(1 + e^t) without overflow."""
    return max(t, 0.0) + math.log1p(math.exp(-abs(t)))


def sigmoid(z):
    arr = np.asarray(z, dtype=float)
    out = np.array([_sig(float(t)) for t in arr.ravel()], dtype=float).reshape(arr.shape)
    return out if arr.ndim else float(out)


def _rows(X, y, l2):
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or len(X) == 0:
        raise ValueError("bad shapes")
    labels = [float(v) for v in y.tolist()]
    if any(v not in (0.0, 1.0) for v in labels):
        raise ValueError("labels must be 0 or 1")
    if l2 < 0:
        raise ValueError("negative l2")
    return [[float(v) for v in row] for row in X.tolist()], labels


def _wlist(w, d):
    w = np.asarray(w, dtype=float)
    if w.ndim != 1 or len(w) != d:
        raise ValueError("w must have one weight per feature")
    return [float(v) for v in w]


def _logit(row, w, b):
    return sum(x * wj for x, wj in zip(row, w)) + b


def _grad(rows, labels, w, b, l2):
    n, d = len(rows), len(w)
    gw = [0.0] * d
    gb = 0.0
    for row, t in zip(rows, labels):
        e = _sig(_logit(row, w, b)) - t
        for j in range(d):
            gw[j] += e * row[j]
        gb += e
    return [g / n + l2 * wj for g, wj in zip(gw, w)], gb / n


def logreg_loss(X, y, w, b, l2=0.0):
    rows, labels = _rows(X, y, l2)
    w = _wlist(w, len(rows[0]))
    total = 0.0
    for row, t in zip(rows, labels):
        z = _logit(row, w, float(b))
        total += _softplus(-z) if t == 1.0 else _softplus(z)
    return total / len(rows) + l2 / 2 * sum(wj * wj for wj in w)


def logreg_gradient(X, y, w, b, l2=0.0):
    rows, labels = _rows(X, y, l2)
    w = _wlist(w, len(rows[0]))
    gw, gb = _grad(rows, labels, w, float(b), l2)
    return np.array(gw), gb


def logreg_fit(X, y, lr=0.1, n_iter=1000, l2=0.0):
    rows, labels = _rows(X, y, l2)
    if not lr > 0 or n_iter < 0:
        raise ValueError("bad lr or n_iter")
    w, b = [0.0] * len(rows[0]), 0.0
    for _ in range(n_iter):
        gw, gb = _grad(rows, labels, w, b, l2)
        w = [wj - lr * g for wj, g in zip(w, gw)]
        b -= lr * gb
    return np.array(w, dtype=np.float64), b


def logreg_predict(X, w, b):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    w = _wlist(w, X.shape[1])
    return np.array([1 if _logit(row, w, float(b)) >= 0 else 0 for row in X.tolist()], dtype=np.int64)
