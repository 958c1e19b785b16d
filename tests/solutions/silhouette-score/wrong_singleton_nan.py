"""Wrong: no special case for singleton clusters, so a(i) = 0 / 0 is nan and s(i) is nan (and
the score with it) instead of 0."""

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
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(len(X)):
            own = labels == labels[i]
            a = dist[i, own].sum() / (own.sum() - 1)
            b = min(dist[i, labels == c].mean() for c in classes if c != labels[i])
            top = max(a, b)
            s[i] = (b - a) / top if top != 0 else 0.0
    return s


def silhouette_score(X, labels):
    return float(np.mean(silhouette_samples(X, labels)))
