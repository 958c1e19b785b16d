"""Mistake: relies on ZeroDivisionError, which numpy integers never raise, so 0/0 gives NaN."""

import numpy as np


def precision_recall_f1(y_true, y_pred, positive_label=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("bad input")
    tp = np.sum((y_true == positive_label) & (y_pred == positive_label))
    fp = np.sum((y_true != positive_label) & (y_pred == positive_label))
    fn = np.sum((y_true == positive_label) & (y_pred != positive_label))
    with np.errstate(divide="ignore", invalid="ignore"):
        try:
            precision = tp / (tp + fp)
        except ZeroDivisionError:
            precision = 0.0
        try:
            recall = tp / (tp + fn)
        except ZeroDivisionError:
            recall = 0.0
        try:
            f1 = 2 * tp / (2 * tp + fp + fn)
        except ZeroDivisionError:
            f1 = 0.0
    return float(precision), float(recall), float(f1)
