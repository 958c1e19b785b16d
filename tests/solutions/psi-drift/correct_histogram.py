"""Correct, np.histogram style: edges [-inf, q[1:-1], +inf] passed to np.histogram (half-open
bins), zero proportions replaced with np.where; np.percentile on a 0-100 grid for the quantiles;
returns numpy float64."""

import numpy as np


def psi_from_proportions(expected_props, actual_props, eps=1e-4):
    e = np.asarray(expected_props, dtype=float)
    a = np.asarray(actual_props, dtype=float)
    if e.shape != a.shape or e.size == 0:
        raise ValueError("proportions must be non-empty and of equal length")
    e = np.where(e == 0.0, eps, e)
    a = np.where(a == 0.0, eps, a)
    return np.sum((a - e) * np.log(a / e))


def psi(expected, actual, bins=10, eps=1e-4):
    expected = np.asarray(expected, dtype=float)
    actual = np.asarray(actual, dtype=float)
    if expected.size == 0 or actual.size == 0:
        raise ValueError("empty sample")
    if bins < 1:
        raise ValueError("bins must be >= 1")
    q = np.unique(np.percentile(expected, np.linspace(0, 100, bins + 1)))
    edges = np.concatenate([[-np.inf], q[1:-1], [np.inf]])
    e_counts, _ = np.histogram(expected, bins=edges)
    a_counts, _ = np.histogram(actual, bins=edges)
    return psi_from_proportions(e_counts / expected.size, a_counts / actual.size, eps)
