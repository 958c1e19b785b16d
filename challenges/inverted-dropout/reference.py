"""Reference solution for inverted-dropout."""

import numpy as np


def _check_p(p):
    p = float(p)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be in [0, 1], got {p}")
    return p


def _as_float(values):
    values = np.asarray(values)
    if values.dtype.kind != "f":
        values = values.astype(np.float64)
    return values


def _scaled(values, mask, p):
    """``values / (1 - p)`` where ``mask`` is True, 0 elsewhere, in ``values``' dtype."""
    if p == 1.0:
        return np.zeros_like(values)
    out = values / (1.0 - p)
    out[~mask] = 0
    return out


def dropout_forward(x, p=0.5, training=True, seed=None):
    p = _check_p(p)
    x = _as_float(x)
    if not training:
        return x.copy(), None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return _scaled(x, mask, p), mask


def dropout_backward(dout, mask, p):
    p = _check_p(p)
    dout = _as_float(dout)
    if mask is None:
        return dout.copy()
    mask = np.asarray(mask, dtype=bool)
    if mask.shape != dout.shape:
        raise ValueError(f"mask has shape {mask.shape}, dout has shape {dout.shape}")
    return _scaled(dout, mask, p)
