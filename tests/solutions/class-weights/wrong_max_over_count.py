"""Wrong normalisation: weights max_c(n_c) / n_c (the largest class gets 1.0), a common
alternative, but not the balanced n / (K * n_c) the prompt asks for."""

import numpy as np


def _prepare(y, classes):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad y")
    if classes is None:
        classes = np.unique(y)
    classes = np.asarray(classes)
    if classes.size == 0 or np.unique(classes).size != classes.size:
        raise ValueError("bad classes")
    counts = np.array([np.sum(y == c) for c in classes])
    if (counts == 0).any() or counts.sum() != y.size:
        raise ValueError("classes and y do not match")
    return y, classes, counts


def compute_class_weight(y, classes=None):
    _, classes, counts = _prepare(y, classes)
    return classes, counts.max() / counts.astype(float)


def compute_sample_weight(y, classes=None):
    y, classes, counts = _prepare(y, classes)
    weights = counts.max() / counts.astype(float)
    return np.array([weights[np.flatnonzero(classes == v)[0]] for v in y])
