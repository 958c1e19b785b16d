"""Wrong: with labels=None the classes are ordered by first appearance (dict.fromkeys), not
sorted, so rows and columns come out permuted whenever the data do not start in sorted order."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = list(y_true), list(y_pred)
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    if labels is None:
        labels = list(dict.fromkeys(y_true + y_pred))
    labels = list(labels)
    if not labels or len(set(labels)) != len(labels):
        raise ValueError("bad labels")
    position = {label: i for i, label in enumerate(labels)}
    cm = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for truth, guess in zip(y_true, y_pred):
        if truth in position and guess in position:
            cm[position[truth], position[guess]] += 1
    return cm
