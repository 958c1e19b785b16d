"""Correct, vectorised style: np.unique(return_inverse=True) on the concatenated labels, or a
(n, L) equality table against explicit labels, then np.add.at into an intp matrix."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.shape != p.shape or t.ndim != 1:
        raise ValueError("y_true and y_pred must be 1-D arrays of the same length")
    if t.size == 0:
        raise ValueError("empty input")
    n = t.size
    if labels is None:
        classes, inverse = np.unique(np.concatenate([t, p]), return_inverse=True)
        inverse = inverse.reshape(-1)
        rows, cols = inverse[:n], inverse[n:]
        cm = np.zeros((classes.size, classes.size), dtype=np.intp)
        np.add.at(cm, (rows, cols), 1)
        return cm
    labels = np.asarray(labels)
    if labels.size == 0 or np.unique(labels).size != labels.size:
        raise ValueError("labels must be non-empty and distinct")
    t_hits = t[:, None] == labels[None, :]
    p_hits = p[:, None] == labels[None, :]
    keep = t_hits.any(axis=1) & p_hits.any(axis=1)
    rows, cols = t_hits[keep].argmax(axis=1), p_hits[keep].argmax(axis=1)
    cm = np.zeros((labels.size, labels.size), dtype=np.intp)
    np.add.at(cm, (rows, cols), 1)
    return cm
