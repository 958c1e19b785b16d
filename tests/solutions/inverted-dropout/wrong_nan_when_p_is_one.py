"""Wrong: computes ``x * mask / (1 - p)`` with no special case, so p = 1 divides zero by zero
and returns NaN (with a RuntimeWarning) instead of zeros, in forward and backward."""

import numpy as np


def dropout_forward(x, p=0.5, training=True, seed=None):
    if not 0 <= p <= 1:
        raise ValueError("p must be in [0, 1]")
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(float)
    if not training:
        return x.copy(), None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    with np.errstate(divide="ignore", invalid="ignore"):
        return (x * mask / np.asarray(1 - p, dtype=x.dtype)).astype(x.dtype), mask


def dropout_backward(dout, mask, p):
    if not 0 <= p <= 1:
        raise ValueError("p must be in [0, 1]")
    dout = np.asarray(dout)
    if dout.dtype.kind != "f":
        dout = dout.astype(float)
    if mask is None:
        return dout.copy()
    if np.shape(mask) != dout.shape:
        raise ValueError("shape mismatch")
    with np.errstate(divide="ignore", invalid="ignore"):
        return (dout * mask / np.asarray(1 - p, dtype=dout.dtype)).astype(dout.dtype)
