"""Wrong, TF1 ``keep_prob`` parameterisation: treats p as the probability of keeping an element,
so it keeps with probability p and scales by 1 / p (and p = 0 drops everything)."""

import numpy as np


def dropout_forward(x, p=0.5, training=True, seed=None):
    if not 0 <= p <= 1:
        raise ValueError("p must be in [0, 1]")
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(float)
    if not training:
        return x.copy(), None
    mask = np.random.default_rng(seed).random(x.shape) < p
    if p == 0:
        return np.zeros_like(x), mask
    return np.where(mask, x / p, 0).astype(x.dtype), mask


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
    if p == 0:
        return np.zeros_like(dout)
    return np.where(mask, dout / p, 0).astype(dout.dtype)
