"""Correct, plain-Python style: collections.Counter for the counts, sorted() for the default
class order, a list comprehension for the weights, checks written out one by one."""

from collections import Counter

import numpy as np


def _checked(y, classes):
    labels = np.asarray(y)
    if labels.ndim != 1 or len(labels) == 0:
        raise ValueError("y must be a non-empty 1-D sequence")
    counts = Counter(labels.tolist())
    if classes is None:
        order = sorted(counts)
    else:
        order = list(np.asarray(classes).tolist())
        if not order or len(set(order)) != len(order):
            raise ValueError("classes must be distinct and non-empty")
        missing = [c for c in order if c not in counts]
        if missing:
            raise ValueError(f"classes {missing} do not occur in y")
        extra = [c for c in counts if c not in set(order)]
        if extra:
            raise ValueError(f"labels {extra} are not in classes")
    n = len(labels)
    weight = {c: n / (len(order) * counts[c]) for c in order}
    return labels, order, weight


def compute_class_weight(y, classes=None):
    _, order, weight = _checked(y, classes)
    return np.array(order), np.array([weight[c] for c in order], dtype=np.float64)


def compute_sample_weight(y, classes=None):
    labels, _, weight = _checked(y, classes)
    return np.array([weight[v] for v in labels.tolist()], dtype=np.float64)
