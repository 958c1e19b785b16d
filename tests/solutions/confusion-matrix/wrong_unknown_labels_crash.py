"""Wrong: assumes every sample's labels are in ``labels``, so a sample with any other label makes
the dict lookup raise KeyError instead of being left out."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.ndim != 1 or t.shape != p.shape or t.size == 0:
        raise ValueError("bad input")
    if labels is None:
        labels = np.unique(np.concatenate([t, p]))
    labels = np.asarray(labels)
    if labels.size == 0 or np.unique(labels).size != labels.size:
        raise ValueError("bad labels")
    position = {label: i for i, label in enumerate(labels.tolist())}
    rows = np.array([position[v] for v in t.tolist()], dtype=np.int64)
    cols = np.array([position[v] for v in p.tolist()], dtype=np.int64)
    k = labels.size
    return np.bincount(rows * k + cols, minlength=k * k).reshape(k, k)
