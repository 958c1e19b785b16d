"""Wrong: counts only the negatives strictly below each positive, so a tied (positive, negative)
pair counts 0 instead of one half."""

import numpy as np


def roc_auc(y_true, y_score):
    y = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    if y.shape != s.shape:
        raise ValueError("length mismatch")
    if not np.isin(y, [0, 1]).all():
        raise ValueError("labels must be 0 or 1")
    pos, neg = s[y == 1], np.sort(s[y == 0])
    if pos.size == 0 or neg.size == 0:
        raise ValueError("need both classes")
    return float(np.searchsorted(neg, pos, side="left").sum() / (pos.size * neg.size))
