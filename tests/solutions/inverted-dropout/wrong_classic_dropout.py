"""Wrong, as in ML-From-Scratch's Dropout layer: classic (non-inverted) dropout. Training zeroes
elements without scaling the kept ones by 1 / (1 - p), and evaluation returns x * (1 - p)."""

import numpy as np


def dropout_forward(x, p=0.5, training=True, seed=None):
    if not 0 <= p <= 1:
        raise ValueError("p must be in [0, 1]")
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(float)
    if not training:
        return x * (1 - p), None
    mask = np.random.default_rng(seed).uniform(size=x.shape) > p
    return x * mask, mask


def dropout_backward(dout, mask, p):
    if not 0 <= p <= 1:
        raise ValueError("p must be in [0, 1]")
    dout = np.asarray(dout, dtype=float)
    if mask is None:
        return dout * (1 - p)
    if np.shape(mask) != dout.shape:
        raise ValueError("shape mismatch")
    return dout * mask
