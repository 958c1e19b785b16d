"""Wrong: a class given in ``classes`` that never occurs in y gets weight 0.0 (guarding the
division) instead of raising ValueError; labels of y outside classes are silently ignored too."""

import numpy as np


def _weights(y, classes):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad y")
    classes = np.unique(y) if classes is None else np.asarray(classes)
    if classes.size == 0 or np.unique(classes).size != classes.size:
        raise ValueError("bad classes")
    counts = np.array([np.sum(y == c) for c in classes], dtype=float)
    with np.errstate(divide="ignore"):
        weights = np.where(counts > 0, y.size / (classes.size * counts), 0.0)
    return y, classes, weights


def compute_class_weight(y, classes=None):
    _, classes, weights = _weights(y, classes)
    return classes, weights


def compute_sample_weight(y, classes=None):
    y, classes, weights = _weights(y, classes)
    lookup = dict(zip(classes.tolist(), weights.tolist()))
    return np.array([lookup.get(v, 0.0) for v in y.tolist()])
