"""Reference solution for confusion-matrix."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_pred.ndim != 1 or len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred must be 1-D and of the same length")
    if len(y_true) == 0:
        raise ValueError("y_true and y_pred must not be empty")
    if labels is None:
        labels = np.unique(np.concatenate([y_true, y_pred]))
    labels = np.asarray(labels)
    n_labels = len(labels)
    if labels.ndim != 1 or n_labels == 0:
        raise ValueError("labels must be a non-empty 1-D sequence")
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    if np.any(sorted_labels[1:] == sorted_labels[:-1]):
        raise ValueError("labels must not repeat")
    rows, known_rows = _positions(sorted_labels, order, y_true)
    cols, known_cols = _positions(sorted_labels, order, y_pred)
    keep = known_rows & known_cols
    flat = rows[keep] * n_labels + cols[keep]
    counts = np.bincount(flat, minlength=n_labels * n_labels)
    return counts.reshape(n_labels, n_labels).astype(np.int64)


def _positions(sorted_labels, order, values):
    """Each value's index in the caller's ``labels`` and whether it is one of them at all."""
    at = np.minimum(np.searchsorted(sorted_labels, values), len(sorted_labels) - 1)
    return order[at], sorted_labels[at] == values
