"""Wrong: never checks the number of clusters, so a single cluster gives zeros (b is the min of
nothing, taken as 0) and one cluster per sample gives all zeros, instead of ValueError."""

import numpy as np


def silhouette_samples(X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    if len(labels) != len(X):
        raise ValueError("length mismatch")
    classes = np.unique(labels)
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    s = np.zeros(len(X))
    for i in range(len(X)):
        own = labels == labels[i]
        if own.sum() == 1:
            continue
        a = dist[i, own].sum() / (own.sum() - 1)
        others = [dist[i, labels == c].mean() for c in classes if c != labels[i]]
        b = min(others) if others else 0.0
        s[i] = (b - a) / max(a, b) if max(a, b) > 0 else 0.0
    return s


def silhouette_score(X, labels):
    return float(np.mean(silhouette_samples(X, labels)))
