"""Reference solution for optimizer-steps (PyTorch's update rules)."""

import numpy as np


def _arrays(*values):
    """Float64 copies of ``values``; ValueError unless they all have the same shape."""
    arrays = [np.array(value, dtype=np.float64) for value in values]
    if len({a.shape for a in arrays}) != 1:
        raise ValueError(f"shapes differ: {[a.shape for a in arrays]}")
    return arrays


def _check_lr_eps(lr, eps=0.0):
    if lr < 0:
        raise ValueError(f"lr must be >= 0, got {lr}")
    if eps < 0:
        raise ValueError(f"eps must be >= 0, got {eps}")


def sgd_step(params, grad, velocity, lr=0.01, momentum=0.0, nesterov=False):
    _check_lr_eps(lr)
    if momentum < 0:
        raise ValueError(f"momentum must be >= 0, got {momentum}")
    if nesterov and momentum == 0:
        raise ValueError("Nesterov momentum needs momentum > 0")
    p, g, v = _arrays(params, grad, velocity)
    v = momentum * v + g
    step = g + momentum * v if nesterov else v
    return p - lr * step, v


def rmsprop_step(params, grad, square_avg, lr=0.01, alpha=0.99, eps=1e-8):
    _check_lr_eps(lr, eps)
    if not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be in [0, 1], got {alpha}")
    p, g, s = _arrays(params, grad, square_avg)
    s = alpha * s + (1 - alpha) * g * g
    return p - lr * g / (np.sqrt(s) + eps), s


def adam_step(params, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    if t < 1:
        raise ValueError(f"t counts steps from 1, got {t}")
    _check_lr_eps(lr, eps)
    if not (0 <= beta1 < 1 and 0 <= beta2 < 1):
        raise ValueError(f"beta1 and beta2 must be in [0, 1), got {beta1} and {beta2}")
    p, g, m, v = _arrays(params, grad, m, v)
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return p - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
