"""Wrong: the "simplified silhouette": a(i) and b(i) are distances to cluster centroids instead
of mean distances to the clusters' members."""

import numpy as np


def silhouette_samples(X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    if len(labels) != len(X):
        raise ValueError("length mismatch")
    classes, y = np.unique(labels, return_inverse=True)
    if not 2 <= len(classes) <= len(X) - 1:
        raise ValueError("bad number of labels")
    centroids = np.array([X[y == c].mean(axis=0) for c in range(len(classes))])
    d = np.linalg.norm(X[:, None, :] - centroids[None, :, :], axis=2)
    a = d[np.arange(len(X)), y]
    d[np.arange(len(X)), y] = np.inf
    b = d.min(axis=1)
    top = np.maximum(a, b)
    s = np.where(top > 0, (b - a) / np.where(top > 0, top, 1), 0.0)
    sizes = np.bincount(y)
    return np.where(sizes[y] > 1, s, 0.0)


def silhouette_score(X, labels):
    return float(np.mean(silhouette_samples(X, labels)))
