"""Correct results but slow: a Python loop over the samples that looks up each sample's row and
column with ``np.where(labels == label)`` (a numpy search through the labels for every sample)."""

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("y_true and y_pred must be non-empty and of the same length")
    if labels is None:
        labels = np.unique(np.concatenate([y_true, y_pred]))
    labels = np.asarray(labels)
    if labels.size == 0 or len(np.unique(labels)) != len(labels):
        raise ValueError("labels must be non-empty and distinct")
    cm = np.zeros((len(labels), len(labels)), dtype=int)
    for truth, guess in zip(y_true, y_pred):
        row = np.where(labels == truth)[0]
        col = np.where(labels == guess)[0]
        if len(row) and len(col):
            cm[row[0], col[0]] += 1
    return cm
