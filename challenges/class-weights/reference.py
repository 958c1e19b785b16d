"""Reference solution for class-weights."""

import numpy as np


def _encode(y, classes):
    """(classes, code of each sample, count of each class), after every check of the prompt."""
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("y must be a non-empty 1-D sequence of labels")
    if classes is None:
        classes, codes, counts = np.unique(y, return_inverse=True, return_counts=True)
        return classes, codes.reshape(y.shape), counts
    classes = np.asarray(classes)
    if classes.ndim != 1 or classes.size == 0 or np.unique(classes).size != classes.size:
        raise ValueError("classes must be a non-empty 1-D sequence of distinct labels")
    order = np.argsort(classes, kind="stable")
    ordered = classes[order]
    position = np.minimum(np.searchsorted(ordered, y), classes.size - 1)
    if not np.all(ordered[position] == y):
        raise ValueError("y contains labels that are not in classes")
    codes = order[position]
    counts = np.bincount(codes, minlength=classes.size)
    if np.any(counts == 0):
        raise ValueError("every class in classes must occur in y")
    return classes, codes, counts


def compute_class_weight(y, classes=None):
    classes, _, counts = _encode(y, classes)
    n_samples = counts.sum()
    weights = n_samples / (len(classes) * counts.astype(np.float64))
    return classes, weights


def compute_sample_weight(y, classes=None):
    classes, codes, counts = _encode(y, classes)
    weights = counts.sum() / (len(classes) * counts.astype(np.float64))
    return weights[codes]
