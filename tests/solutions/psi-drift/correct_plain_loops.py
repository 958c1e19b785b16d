"""Correct, plain-Python style: math.log and a loop for the formula, bisect.bisect_right over the
interior edges for each value (so a value on an edge goes right); np.quantile only for the edges."""

import bisect
import math

import numpy as np


def psi_from_proportions(expected_props, actual_props, eps=1e-4):
    e, a = list(expected_props), list(actual_props)
    if not e or len(e) != len(a):
        raise ValueError("need two non-empty proportion lists of the same length")
    total = 0.0
    for pe, pa in zip(e, a):
        pe = eps if pe == 0 else float(pe)
        pa = eps if pa == 0 else float(pa)
        total += (pa - pe) * math.log(pa / pe)
    return total


def psi(expected, actual, bins=10, eps=1e-4):
    expected = [float(v) for v in expected]
    actual = [float(v) for v in actual]
    if not expected or not actual:
        raise ValueError("empty sample")
    if bins < 1:
        raise ValueError("bins must be at least 1")
    q = np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1))).tolist()
    interior = q[1:-1]

    def proportions(sample):
        counts = [0] * (len(interior) + 1)
        for x in sample:
            counts[bisect.bisect_right(interior, x)] += 1
        return [c / len(sample) for c in counts]

    return psi_from_proportions(proportions(expected), proportions(actual), eps)
