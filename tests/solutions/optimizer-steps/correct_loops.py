"""Correct, element-by-element style: every array is flattened to a Python list and updated one
number at a time with ``math.sqrt``; validation by hand; results reshaped to the input shape."""

import math

import numpy as np


def _flat(*values):
    arrays = [np.asarray(v, dtype=float) for v in values]
    shape = arrays[0].shape
    for a in arrays:
        if a.shape != shape:
            raise ValueError("all arrays must have the same shape")
    return shape, [a.ravel().tolist() for a in arrays]


def _out(shape, values):
    return np.array(values, dtype=float).reshape(shape)


def sgd_step(params, grad, velocity, lr=0.01, momentum=0.0, nesterov=False):
    if lr < 0 or momentum < 0:
        raise ValueError("lr and momentum must be non-negative")
    if nesterov and momentum == 0:
        raise ValueError("nesterov requires momentum")
    shape, (p, g, v) = _flat(params, grad, velocity)
    new_p, new_v = [], []
    for pi, gi, vi in zip(p, g, v):
        vi = momentum * vi + gi
        step = gi + momentum * vi if nesterov else vi
        new_p.append(pi - lr * step)
        new_v.append(vi)
    return _out(shape, new_p), _out(shape, new_v)


def rmsprop_step(params, grad, square_avg, lr=0.01, alpha=0.99, eps=1e-8):
    if lr < 0 or eps < 0 or alpha < 0 or alpha > 1:
        raise ValueError("invalid hyper-parameter")
    shape, (p, g, s) = _flat(params, grad, square_avg)
    new_p, new_s = [], []
    for pi, gi, si in zip(p, g, s):
        si = alpha * si + (1 - alpha) * gi * gi
        new_p.append(pi - lr * gi / (math.sqrt(si) + eps))
        new_s.append(si)
    return _out(shape, new_p), _out(shape, new_s)


def adam_step(params, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    if t < 1:
        raise ValueError("t starts at 1")
    if lr < 0 or eps < 0:
        raise ValueError("lr and eps must be non-negative")
    for beta in (beta1, beta2):
        if not 0 <= beta < 1:
            raise ValueError("betas must be in [0, 1)")
    shape, (p, g, m_, v_) = _flat(params, grad, m, v)
    c1, c2 = 1 - beta1**t, 1 - beta2**t
    new_p, new_m, new_v = [], [], []
    for pi, gi, mi, vi in zip(p, g, m_, v_):
        mi = beta1 * mi + (1 - beta1) * gi
        vi = beta2 * vi + (1 - beta2) * gi * gi
        new_p.append(pi - lr * (mi / c1) / (math.sqrt(vi / c2) + eps))
        new_m.append(mi)
        new_v.append(vi)
    return _out(shape, new_p), _out(shape, new_m), _out(shape, new_v)
