"""Correct, vectorised style: a np.where sigmoid with both branches evaluated under np.errstate,
the loss as mean(logaddexp(0, z) - y * z), and the intercept handled as an extra column of ones
in the fit (theta = [w, b])."""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        ez = np.exp(z)
        return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), ez / (1.0 + ez))


def _prepare(X, y, l2):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.shape[0] == 0:
        raise ValueError("X must be (n, d) and y (n,) with n >= 1")
    if np.any((y != 0) & (y != 1)):
        raise ValueError("y must contain only 0 and 1")
    if l2 < 0:
        raise ValueError("l2 must be >= 0")
    return X, y


def _weights(w, d):
    w = np.asarray(w, dtype=float)
    if w.shape != (d,):
        raise ValueError("w has the wrong shape")
    return w


def logreg_loss(X, y, w, b, l2=0.0):
    X, y = _prepare(X, y, l2)
    w = _weights(w, X.shape[1])
    z = X @ w + b
    return float(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * np.dot(w, w))


def logreg_gradient(X, y, w, b, l2=0.0):
    X, y = _prepare(X, y, l2)
    w = _weights(w, X.shape[1])
    diff = sigmoid(X @ w + b) - y
    return X.T @ diff / len(y) + l2 * w, float(np.mean(diff))


def logreg_fit(X, y, lr=0.1, n_iter=1000, l2=0.0):
    X, y = _prepare(X, y, l2)
    if lr <= 0 or n_iter < 0:
        raise ValueError("lr must be > 0 and n_iter >= 0")
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0  # the intercept is not penalised
    theta = np.zeros(d + 1)
    for _ in range(n_iter):
        theta = theta - lr * (A.T @ (sigmoid(A @ theta) - y) / n + penalty * theta)
    return theta[:d].copy(), float(theta[d])


def logreg_predict(X, w, b):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    w = _weights(w, X.shape[1])
    return np.where(sigmoid(X @ w + b) >= 0.5, 1, 0)
