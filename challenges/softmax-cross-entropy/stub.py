"""Stable softmax, log-softmax and cross-entropy with its gradient. See prompt.md."""


def softmax(z, axis=-1):
    """Return the softmax of ``z`` along ``axis`` as a float64 array of ``z``'s shape, computed
    stably (no overflow for logits of size 1e4); ``-inf`` entries get probability exactly 0."""
    raise NotImplementedError


def log_softmax(z, axis=-1):
    """Return ``log(softmax(z))`` along ``axis`` as a float64 array of ``z``'s shape, computed
    stably without taking the log of an underflowed probability; ``-inf`` entries stay ``-inf``."""
    raise NotImplementedError


def cross_entropy(logits, y, reduction="mean"):
    """Return the cross-entropy of raw ``logits`` (N, C) against integer class ids ``y`` (N,):
    the mean (``"mean"``) or sum (``"sum"``) as a float, or the N per-sample losses (``"none"``).
    Raises ValueError on bad shapes, an empty batch, out-of-range labels or an unknown reduction."""
    raise NotImplementedError


def cross_entropy_grad(logits, y):
    """Return the gradient of the mean cross-entropy with respect to ``logits``, shape (N, C):
    ``(softmax(logits) - onehot(y)) / N``. Raises ValueError like ``cross_entropy``."""
    raise NotImplementedError
