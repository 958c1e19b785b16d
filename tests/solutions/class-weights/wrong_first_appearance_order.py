"""Wrong: the default classes come in order of first appearance in y (dict.fromkeys), not
sorted, so the weights are listed in the wrong order whenever y does not start sorted."""

import numpy as np


def _prepare(y, classes):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("bad y")
    if classes is None:
        classes = np.array(list(dict.fromkeys(y.tolist())))
    classes = np.asarray(classes)
    if classes.size == 0 or np.unique(classes).size != classes.size:
        raise ValueError("bad classes")
    counts = np.array([np.sum(y == c) for c in classes])
    if (counts == 0).any() or counts.sum() != y.size:
        raise ValueError("classes and y do not match")
    return y, classes, counts


def compute_class_weight(y, classes=None):
    y, classes, counts = _prepare(y, classes)
    return classes, y.size / (classes.size * counts.astype(float))


def compute_sample_weight(y, classes=None):
    y, classes, counts = _prepare(y, classes)
    weights = y.size / (classes.size * counts.astype(float))
    return np.array([weights[np.flatnonzero(classes == v)[0]] for v in y])
