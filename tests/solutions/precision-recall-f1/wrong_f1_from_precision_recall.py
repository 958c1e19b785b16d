"""Mistake: F1 computed as 2PR/(P+R), which divides by zero when both are 0; no input checks."""

import numpy as np


def precision_recall_f1(y_true, y_pred, positive_label=1):
    t = np.asarray(y_true) == positive_label
    p = np.asarray(y_pred) == positive_label
    tp, fp, fn = np.sum(t & p), np.sum(~t & p), np.sum(t & ~p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)
