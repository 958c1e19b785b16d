"""Reference solution for silhouette-score."""

import numpy as np


def silhouette_samples(X, labels):
    X = np.asarray(X, dtype=np.float64)
    labels = np.asarray(labels)
    if len(labels) != len(X):
        raise ValueError("labels must hold one label per row of X")
    classes, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    if not 2 <= len(classes) <= len(X) - 1:
        raise ValueError(f"Number of labels is {len(classes)}. Valid values are 2 to n_samples - 1")
    distances = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    members = inverse[:, None] == np.arange(len(classes))
    totals = distances @ members
    with np.errstate(divide="ignore", invalid="ignore"):
        a = totals[members] / (counts[inverse] - 1)
        b = np.min(np.where(members, np.inf, totals / counts), axis=1)
        s = (b - a) / np.maximum(a, b)
    return np.nan_to_num(s)


def silhouette_score(X, labels):
    return float(np.mean(silhouette_samples(X, labels)))
