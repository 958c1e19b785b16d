"""Reference solution for psi-drift."""

import numpy as np


def psi_from_proportions(expected_props, actual_props, eps=1e-4):
    e = np.asarray(expected_props, dtype=np.float64)
    a = np.asarray(actual_props, dtype=np.float64)
    if len(e) == 0 or e.shape != a.shape:
        raise ValueError("the proportions must be non-empty and of the same length")
    e = np.where(e == 0, eps, e)
    a = np.where(a == 0, eps, a)
    return float(np.sum((a - e) * np.log(a / e)))


def psi(expected, actual, bins=10, eps=1e-4):
    expected = np.asarray(expected, dtype=np.float64)
    actual = np.asarray(actual, dtype=np.float64)
    if len(expected) == 0 or len(actual) == 0:
        raise ValueError("both samples must be non-empty")
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    edges = np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1)))[1:-1]
    e, a = (
        np.bincount(np.searchsorted(edges, x, side="right"), minlength=len(edges) + 1) / len(x)
        for x in (expected, actual)
    )
    return psi_from_proportions(e, a, eps)
