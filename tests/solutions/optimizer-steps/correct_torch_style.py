"""Correct, PyTorch-internals style: copies the inputs, then updates the copies in place with
numpy ufuncs (``np.multiply(..., out=)``, ``+=``), and computes Adam as torch does:
``step_size = lr / bias_correction1`` and ``denom = sqrt(v) / sqrt(bias_correction2) + eps``."""

import math

import numpy as np


def _copies(*values):
    arrays = tuple(np.array(v, dtype=np.float64, copy=True) for v in values)
    if len({a.shape for a in arrays}) != 1:
        raise ValueError("shape mismatch")
    return arrays


def sgd_step(params, grad, velocity, lr=0.01, momentum=0.0, nesterov=False):
    if not lr >= 0.0:
        raise ValueError(f"Invalid learning rate: {lr}")
    if not momentum >= 0.0:
        raise ValueError(f"Invalid momentum value: {momentum}")
    if nesterov and momentum <= 0:
        raise ValueError("Nesterov momentum requires a momentum")
    p, g, buf = _copies(params, grad, velocity)
    np.multiply(buf, momentum, out=buf)
    buf += g
    if nesterov:
        g += momentum * buf
        update = g
    else:
        update = buf
    p -= lr * update
    return p, buf


def rmsprop_step(params, grad, square_avg, lr=0.01, alpha=0.99, eps=1e-8):
    if not lr >= 0.0 or not eps >= 0.0:
        raise ValueError("Invalid lr or eps")
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"Invalid alpha value: {alpha}")
    p, g, sq = _copies(params, grad, square_avg)
    sq *= alpha
    sq += (1 - alpha) * g * g
    avg = np.sqrt(sq) + eps
    p -= lr * g / avg
    return p, sq


def adam_step(params, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    if t < 1:
        raise ValueError("step count must start at 1")
    if not lr >= 0.0 or not eps >= 0.0:
        raise ValueError("Invalid lr or eps")
    if not 0.0 <= beta1 < 1.0 or not 0.0 <= beta2 < 1.0:
        raise ValueError("Invalid beta parameter")
    p, g, exp_avg, exp_avg_sq = _copies(params, grad, m, v)
    exp_avg *= beta1
    exp_avg += (1 - beta1) * g
    exp_avg_sq *= beta2
    exp_avg_sq += (1 - beta2) * g * g
    bias_correction1 = 1 - beta1**t
    bias_correction2 = 1 - beta2**t
    step_size = lr / bias_correction1
    denom = np.sqrt(exp_avg_sq) / math.sqrt(bias_correction2) + eps
    p -= step_size * exp_avg / denom
    return p, exp_avg, exp_avg_sq
