"""Wrong, as in Deep-ML's softmax solution: exponentiates the raw logits without subtracting the
maximum, so large logits overflow to inf and give NaN (everything else is right)."""

import numpy as np


def softmax(z, axis=-1):
    e = np.exp(np.asarray(z, dtype=float))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))


def _check(logits, y):
    logits = np.asarray(logits, dtype=float)
    y = np.asarray(y)
    if logits.ndim != 2 or logits.shape[0] == 0 or y.shape != (logits.shape[0],):
        raise ValueError("bad shapes")
    if np.any((y < 0) | (y >= logits.shape[1])):
        raise ValueError("label out of range")
    return logits, y


def cross_entropy(logits, y, reduction="mean"):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError("bad reduction")
    logits, y = _check(logits, y)
    losses = -log_softmax(logits)[np.arange(len(y)), y]
    return {"mean": np.mean, "sum": np.sum, "none": lambda a: a}[reduction](losses)


def cross_entropy_grad(logits, y):
    logits, y = _check(logits, y)
    grad = softmax(logits)
    grad[np.arange(len(y)), y] -= 1
    return grad / len(y)
