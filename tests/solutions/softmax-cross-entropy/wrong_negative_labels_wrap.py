"""Wrong: checks only ``y >= C``, so a label of -1 silently indexes the last class (numpy's
negative indexing) instead of raising ValueError; and it shifts the caller's array in place
(``z -= max``) when given a float array."""

import numpy as np


def _shift_in_place(z, axis):
    z = np.asarray(z)
    if z.dtype != np.float64:
        z = z.astype(np.float64)
    z -= z.max(axis=axis, keepdims=True)
    return z


def softmax(z, axis=-1):
    e = np.exp(_shift_in_place(z, axis))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    s = _shift_in_place(z, axis)
    return s - np.log(np.exp(s).sum(axis=axis, keepdims=True))


def _check(logits, y):
    logits = np.array(logits, dtype=float)
    y = np.asarray(y)
    if logits.ndim != 2 or logits.shape[0] == 0 or y.shape != (logits.shape[0],):
        raise ValueError("bad shapes")
    if np.any(y >= logits.shape[1]):
        raise ValueError("label out of range")
    return logits, y


def cross_entropy(logits, y, reduction="mean"):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError("bad reduction")
    logits, y = _check(logits, y)
    losses = -log_softmax(logits)[np.arange(len(y)), y]
    if reduction == "none":
        return losses
    return losses.sum() if reduction == "sum" else losses.mean()


def cross_entropy_grad(logits, y):
    logits, y = _check(logits, y)
    grad = softmax(logits)
    grad[np.arange(len(y)), y] -= 1
    return grad / len(y)
