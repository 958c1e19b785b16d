"""Wrong: uses the base-10 logarithm instead of the natural one."""

import numpy as np


def psi_from_proportions(expected_props, actual_props, eps=1e-4):
    e = np.asarray(expected_props, dtype=float)
    a = np.asarray(actual_props, dtype=float)
    if e.shape != a.shape or e.size == 0:
        raise ValueError("bad proportions")
    e = np.where(e == 0, eps, e)
    a = np.where(a == 0, eps, a)
    return float(np.sum((a - e) * np.log10(a / e)))


def psi(expected, actual, bins=10, eps=1e-4):
    expected = np.asarray(expected, dtype=float)
    actual = np.asarray(actual, dtype=float)
    if expected.size == 0 or actual.size == 0 or bins < 1:
        raise ValueError("bad input")
    interior = np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1)))[1:-1]
    k = interior.size + 1
    e = np.bincount(np.searchsorted(interior, expected, side="right"), minlength=k) / expected.size
    a = np.bincount(np.searchsorted(interior, actual, side="right"), minlength=k) / actual.size
    return psi_from_proportions(e, a, eps)
