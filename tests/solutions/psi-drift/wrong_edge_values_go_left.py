"""Wrong: bins are closed on the right, (left, right], via np.digitize(..., right=True), so a
value equal to an interior edge is counted in the bin on its left."""

import numpy as np


def psi_from_proportions(expected_props, actual_props, eps=1e-4):
    e = np.asarray(expected_props, dtype=float)
    a = np.asarray(actual_props, dtype=float)
    if e.shape != a.shape or e.size == 0:
        raise ValueError("bad proportions")
    e = np.where(e == 0, eps, e)
    a = np.where(a == 0, eps, a)
    return float(np.sum((a - e) * np.log(a / e)))


def psi(expected, actual, bins=10, eps=1e-4):
    expected = np.asarray(expected, dtype=float)
    actual = np.asarray(actual, dtype=float)
    if expected.size == 0 or actual.size == 0 or bins < 1:
        raise ValueError("bad input")
    interior = np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1)))[1:-1]
    k = interior.size + 1
    e = np.bincount(np.digitize(expected, interior, right=True), minlength=k) / expected.size
    a = np.bincount(np.digitize(actual, interior, right=True), minlength=k) / actual.size
    return psi_from_proportions(e, a, eps)
