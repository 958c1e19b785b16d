"""Wrong, as in the probability-based cross-entropies of Deep-ML and numpy-ml: softmax is stable,
but log_softmax is ``log(softmax)`` and the loss is ``-log(clip(p, 1e-15, 1))``, so a
probability that underflows gives -inf log-probabilities and a confidently wrong sample costs
34.5 instead of its true loss."""

import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    with np.errstate(divide="ignore"):
        return np.log(softmax(z, axis=axis))


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
    p = np.clip(softmax(logits)[np.arange(len(y)), y], 1e-15, 1.0)
    losses = -np.log(p)
    if reduction == "none":
        return losses
    return losses.sum() if reduction == "sum" else losses.mean()


def cross_entropy_grad(logits, y):
    logits, y = _check(logits, y)
    grad = softmax(logits)
    grad[np.arange(len(y)), y] -= 1
    return grad / len(y)
