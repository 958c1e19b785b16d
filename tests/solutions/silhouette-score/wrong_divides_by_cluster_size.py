"""Wrong: a(i) is the mean distance to all members of the cluster, i itself included, i.e. the
sum divided by |C| instead of |C| - 1 (a plain mean over a distance-matrix block)."""

import numpy as np


def silhouette_samples(X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    if len(labels) != len(X):
        raise ValueError("length mismatch")
    classes = np.unique(labels)
    if not 2 <= len(classes) <= len(X) - 1:
        raise ValueError("bad number of labels")
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    s = np.zeros(len(X))
    for i in range(len(X)):
        own = labels == labels[i]
        if own.sum() == 1:
            continue
        a = dist[i, own].mean()
        b = min(dist[i, labels == c].mean() for c in classes if c != labels[i])
        s[i] = (b - a) / max(a, b) if max(a, b) > 0 else 0.0
    return s


def silhouette_score(X, labels):
    return float(silhouette_samples(X, labels).mean())
