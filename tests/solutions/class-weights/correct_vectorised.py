"""Correct, vectorised style: np.unique(return_inverse, return_counts) for the default classes;
explicit classes matched by a broadcast equality table; weights as (n / K) / counts."""

import numpy as np


def _table(y, classes):
    y = np.asarray(y)
    if y.ndim != 1 or not len(y):
        raise ValueError("bad y")
    if classes is None:
        classes, inverse, counts = np.unique(y, return_inverse=True, return_counts=True)
        return classes, np.ravel(inverse), counts
    classes = np.asarray(classes)
    if classes.ndim != 1 or not len(classes) or len(np.unique(classes)) < len(classes):
        raise ValueError("bad classes")
    match = y[:, None] == classes[None, :]
    if not match.any(axis=1).all():
        raise ValueError("y has a label outside classes")
    counts = match.sum(axis=0)
    if (counts == 0).any():
        raise ValueError("classes should have valid labels that are in y")
    return classes, match.argmax(axis=1), counts


def compute_class_weight(y, classes=None):
    classes, _, counts = _table(y, classes)
    return classes, (counts.sum() / len(classes)) / counts.astype(float)


def compute_sample_weight(y, classes=None):
    classes, inverse, counts = _table(y, classes)
    return ((counts.sum() / len(classes)) / counts.astype(float))[inverse]
