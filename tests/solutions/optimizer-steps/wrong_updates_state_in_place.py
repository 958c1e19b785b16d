"""Wrong: updates the caller's arrays in place (``m *= beta1``, ``p -= ...`` on
``np.asarray`` views of float arrays) and returns them, so the function is not pure; the values
it returns are right."""

import numpy as np


def _views(*values):
    arrays = [np.asarray(v, dtype=float) for v in values]
    if any(a.shape != arrays[0].shape for a in arrays):
        raise ValueError("shape mismatch")
    return arrays


def sgd_step(params, grad, velocity, lr=0.01, momentum=0.0, nesterov=False):
    if lr < 0 or momentum < 0 or (nesterov and momentum == 0):
        raise ValueError("invalid hyper-parameters")
    p, g, v = _views(params, grad, velocity)
    v *= momentum
    v += g
    p -= lr * (g + momentum * v if nesterov else v)
    return p, v


def rmsprop_step(params, grad, square_avg, lr=0.01, alpha=0.99, eps=1e-8):
    if lr < 0 or eps < 0 or not 0 <= alpha <= 1:
        raise ValueError("invalid hyper-parameters")
    p, g, s = _views(params, grad, square_avg)
    s *= alpha
    s += (1 - alpha) * g**2
    p -= lr * g / (np.sqrt(s) + eps)
    return p, s


def adam_step(params, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    if t < 1 or lr < 0 or eps < 0 or not (0 <= beta1 < 1 and 0 <= beta2 < 1):
        raise ValueError("invalid hyper-parameters")
    p, g, m, v = _views(params, grad, m, v)
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * g**2
    p -= lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
    return p, m, v
