"""Correct, Mann-Whitney counting style: the negatives' scores are sorted once and, for every
positive, np.searchsorted counts the negatives strictly below it (side="left") and tied with it
(the difference to side="right"); returns a numpy float64."""

import numpy as np


def roc_auc(y_true, y_score):
    y = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    if y.shape != s.shape or y.ndim != 1:
        raise ValueError("y_true and y_score must be 1-D and of the same length")
    if not np.isin(y, [0, 1]).all():
        raise ValueError("labels must be 0 or 1")
    pos = s[y == 1]
    neg = np.sort(s[y == 0])
    if pos.size == 0 or neg.size == 0:
        raise ValueError("both classes are needed")
    below = np.searchsorted(neg, pos, side="left")
    tied = np.searchsorted(neg, pos, side="right") - below
    return np.float64((below.sum() + 0.5 * tied.sum()) / (pos.size * neg.size))
