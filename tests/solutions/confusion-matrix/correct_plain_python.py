"""Correct, plain-Python style: the inputs become lists, a dict maps each label to its position,
and one pass over the samples fills a list of lists (returned as an int32 array)."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    y_true = y_true.tolist() if isinstance(y_true, np.ndarray) else list(y_true)
    y_pred = y_pred.tolist() if isinstance(y_pred, np.ndarray) else list(y_pred)
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} labels, y_pred has {len(y_pred)}")
    if not y_true:
        raise ValueError("no samples")
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    else:
        labels = labels.tolist() if isinstance(labels, np.ndarray) else list(labels)
        if not labels or len(set(labels)) != len(labels):
            raise ValueError("labels must be non-empty and distinct")
    position = {label: i for i, label in enumerate(labels)}
    counts = [[0] * len(labels) for _ in labels]
    for truth, guess in zip(y_true, y_pred):
        i = position.get(truth)
        j = position.get(guess)
        if i is not None and j is not None:
            counts[i][j] += 1
    return np.array(counts, dtype=np.int32)
