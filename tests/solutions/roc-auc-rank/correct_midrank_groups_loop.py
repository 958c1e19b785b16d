"""Correct, loop-over-tie-groups style: one argsort, then a Python loop over the blocks of equal
scores assigns every block the mean of the 1-based ranks it spans; AUC from the positives'
rank sum. Vectorised over samples, looping only over distinct scores."""

import numpy as np


def roc_auc(y_true, y_score):
    labels = np.asarray(y_true).astype(float)
    scores = np.asarray(y_score, dtype=float)
    if labels.ndim != 1 or labels.shape != scores.shape:
        raise ValueError("shape mismatch")
    if not np.all((labels == 0) | (labels == 1)):
        raise ValueError("labels must be 0/1")
    n_pos = int(labels.sum())
    n_neg = labels.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("only one class present")
    order = np.argsort(scores, kind="stable")
    sorted_scores = scores[order]
    ranks = np.empty(scores.size)
    starts = np.flatnonzero(np.r_[True, sorted_scores[1:] != sorted_scores[:-1]])
    stops = np.r_[starts[1:], scores.size]
    for start, stop in zip(starts.tolist(), stops.tolist()):
        ranks[order[start:stop]] = (start + 1 + stop) / 2
    rank_sum = ranks[labels == 1].sum()
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
