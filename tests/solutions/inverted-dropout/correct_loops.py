"""Correct, element-by-element style: loops over ``np.ndindex`` drawing one uniform number per
element from ``random.Random(seed)`` (the standard library's own generator instance, not the
global one), or from a given numpy Generator; keeps an element when the draw is below 1 - p."""

import random

import numpy as np


def _check(p):
    if not (0 <= p <= 1):
        raise ValueError(f"invalid dropout probability {p}")


def _float_array(a):
    a = np.array(a)
    if a.dtype.kind != "f":
        a = a.astype(np.float64)
    return a


def dropout_forward(x, p=0.5, training=True, seed=None):
    _check(p)
    x = _float_array(x)
    if not training:
        return x, None
    if isinstance(seed, np.random.Generator):
        draw = seed.random
    else:
        draw = random.Random(seed).random
    out = np.zeros_like(x)
    mask = np.zeros(x.shape, dtype=bool)
    for index in np.ndindex(x.shape):
        if draw() < 1 - p:
            mask[index] = True
            out[index] = x[index] / (1 - p)
    return out, mask


def dropout_backward(dout, mask, p):
    _check(p)
    dout = _float_array(dout)
    if mask is None:
        return dout
    if np.shape(mask) != dout.shape:
        raise ValueError("mask shape does not match dout")
    dx = np.zeros_like(dout)
    for index in np.ndindex(dout.shape):
        if mask[index]:
            dx[index] = dout[index] / (1 - p)
    return dx
