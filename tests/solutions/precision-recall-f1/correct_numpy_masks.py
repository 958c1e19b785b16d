"""Vectorised with boolean masks and np.count_nonzero; returns numpy floats."""

import numpy as np


def precision_recall_f1(y_true, y_pred, positive_label=1):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.shape != p.shape or t.ndim != 1:
        raise ValueError("y_true and y_pred must be 1-D sequences of the same length")
    if t.size == 0:
        raise ValueError("empty input")
    t, p = t == positive_label, p == positive_label
    tp = np.count_nonzero(t & p)
    fp = np.count_nonzero(~t & p)
    fn = np.count_nonzero(t & ~p)
    safe = lambda num, den: np.float64(num / den) if den else np.float64(0.0)  # noqa: E731
    return safe(tp, tp + fp), safe(tp, tp + fn), safe(2 * tp, 2 * tp + fp + fn)
