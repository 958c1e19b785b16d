"""Wrong: the forward pass is right, but backward multiplies dout by the mask only and forgets
the 1 / (1 - p) scale that the forward pass applied."""

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
    out = np.zeros_like(x) if p == 1 else np.where(mask, x / (1 - p), 0).astype(x.dtype)
    return out, mask


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
    return dout * np.asarray(mask, dtype=dout.dtype)
