"""Correct, ROC-curve style: scores sorted in decreasing order, one ROC point per distinct
threshold (ties grouped, so a tied block is a diagonal segment), and the area summed with the
trapezoid rule from the cumulative true- and false-positive counts."""

import numpy as np


def roc_auc(y_true, y_score):
    y = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    if len(y) != len(s):
        raise ValueError("y_true and y_score differ in length")
    if np.any((y != 0) & (y != 1)):
        raise ValueError("labels must be 0 or 1")
    y = y.astype(float)
    n_pos = y.sum()
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_auc needs both classes")
    order = np.argsort(-s, kind="mergesort")
    s, y = s[order], y[order]
    last_of_block = np.r_[np.flatnonzero(np.diff(s) != 0), len(s) - 1]
    tp = np.r_[0.0, np.cumsum(y)[last_of_block]]
    fp = np.r_[0.0, np.cumsum(1.0 - y)[last_of_block]]
    area = np.sum((fp[1:] - fp[:-1]) * (tp[1:] + tp[:-1]) / 2)
    return float(area / (n_pos * n_neg))
