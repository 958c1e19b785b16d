"""Reference solution for roc-auc-rank."""

import numpy as np


def roc_auc(y_true, y_score):
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=np.float64)
    if y_true.ndim != 1 or y_score.ndim != 1 or len(y_true) != len(y_score):
        raise ValueError("y_true and y_score must be 1-D and of the same length")
    positive = y_true == 1
    if not np.all(positive | (y_true == 0)):
        raise ValueError("y_true must hold only 0 and 1")
    n_pos = int(np.count_nonzero(positive))
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("y_true must hold both classes")
    _, inverse, counts = np.unique(y_score, return_inverse=True, return_counts=True)
    midranks = np.cumsum(counts) - (counts - 1) / 2
    rank_sum = np.sum(midranks[inverse][positive])
    return float((rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
