"""Reference solution for softmax-cross-entropy."""

import numpy as np


def _shifted(z, axis):
    """``z`` minus its maximum along ``axis`` (float64, a new array)."""
    z = np.asarray(z, dtype=np.float64)
    return z - np.max(z, axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    shifted = _shifted(z, axis)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def softmax(z, axis=-1):
    exp = np.exp(_shifted(z, axis))
    return exp / np.sum(exp, axis=axis, keepdims=True)


def _checked(logits, y):
    logits = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y)
    if logits.ndim != 2:
        raise ValueError(f"logits must be a 2-D array, got shape {logits.shape}")
    n, n_classes = logits.shape
    if n == 0:
        raise ValueError("logits has no rows")
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if np.any(y < 0) or np.any(y >= n_classes):
        raise ValueError(f"labels must be in [0, {n_classes})")
    return logits, y.astype(np.int64)


def cross_entropy(logits, y, reduction="mean"):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"unknown reduction {reduction!r}")
    logits, y = _checked(logits, y)
    losses = -log_softmax(logits, axis=1)[np.arange(len(y)), y]
    if reduction == "none":
        return losses
    return float(np.sum(losses)) if reduction == "sum" else float(np.mean(losses))


def cross_entropy_grad(logits, y):
    logits, y = _checked(logits, y)
    grad = softmax(logits, axis=1)
    grad[np.arange(len(y)), y] -= 1.0
    return grad / len(y)
