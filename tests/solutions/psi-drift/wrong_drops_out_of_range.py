"""Wrong: bins the samples with np.histogram on the raw quantile edges q (from the minimum to the
maximum of expected), so actual values outside the expected range are silently dropped and the
proportions are taken over the values kept."""

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
    q = np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1)))
    if q.size == 1:
        return 0.0
    e = np.histogram(expected, bins=q)[0]
    a = np.histogram(actual, bins=q)[0]
    return psi_from_proportions(e / e.sum(), a / max(a.sum(), 1), eps)
