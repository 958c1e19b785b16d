"""Wrong, as in Deep-ML's dropout solution: draws the mask with numpy's global RNG
(``np.random.seed`` + ``np.random.binomial``), which changes the caller's global random state
and, with seed=None, depends on it."""

import numpy as np


def dropout_forward(x, p=0.5, training=True, seed=None):
    if not 0 <= p <= 1:
        raise ValueError("p must be in [0, 1]")
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(float)
    if not training:
        return x.copy(), None
    if seed is not None:
        np.random.seed(seed % 2**32)
    mask = np.random.binomial(1, 1 - p, size=x.shape).astype(bool)
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
    if p == 1:
        return np.zeros_like(dout)
    return np.where(mask, dout / (1 - p), 0).astype(dout.dtype)
