"""Wrong: the orientation is swapped (rows are predicted labels, columns true labels), the
convention of some textbooks, not the one the prompt pins."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.shape != p.shape or t.size == 0:
        raise ValueError("bad input")
    if labels is None:
        labels = np.unique(np.concatenate([t, p]))
    labels = list(labels)
    if not labels or len(set(labels)) != len(labels):
        raise ValueError("bad labels")
    position = {label: i for i, label in enumerate(labels)}
    cm = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for truth, guess in zip(t.tolist(), p.tolist()):
        if truth in position and guess in position:
            cm[position[guess], position[truth]] += 1
    return cm
