"""Correct, vectorised style with a Generator's binomial draw: the keep mask comes from
``rng.binomial(1, 1 - p, size)`` (cast to bool), out is ``x * mask * scale`` computed in x's
dtype, with p == 1 special-cased; evaluation returns x unchanged."""

import numpy as np


def _valid_p(p):
    if p < 0 or p > 1:
        raise ValueError("p must lie in [0, 1]")


def _floats(a):
    a = np.asarray(a)
    return a if np.issubdtype(a.dtype, np.floating) else a.astype(float)


def dropout_forward(x, p=0.5, training=True, seed=None):
    _valid_p(p)
    x = _floats(x)
    if not training:
        return x, None
    rng = np.random.default_rng(seed)
    mask = rng.binomial(1, 1.0 - p, size=x.shape).astype(bool)
    scale = x.dtype.type(0.0 if p == 1 else 1.0 / (1.0 - p))
    return x * mask.astype(x.dtype) * scale, mask


def dropout_backward(dout, mask, p):
    _valid_p(p)
    dout = _floats(dout)
    if mask is None:
        return dout.copy()
    mask = np.asarray(mask)
    if mask.shape != dout.shape:
        raise ValueError("mask and dout shapes differ")
    if p == 1:
        return np.zeros_like(dout)
    return np.where(mask, dout / (1.0 - p), dout.dtype.type(0))
