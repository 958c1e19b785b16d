"""Correct, loop style: for every sample, the distances to all samples with np.linalg.norm,
then a Python loop over the clusters averages them; singletons and a = b = 0 handled by ifs."""

import numpy as np


def silhouette_samples(X, labels):
    X = np.array(X, dtype=float)
    labels = list(np.asarray(labels).tolist())
    if X.ndim != 2 or len(labels) != X.shape[0]:
        raise ValueError("need one label per row of a 2-D X")
    clusters = sorted(set(labels), key=repr)
    if not 2 <= len(clusters) <= len(labels) - 1:
        raise ValueError(f"Number of labels is {len(clusters)}. Valid values are 2 to n_samples - 1")
    members = {c: [i for i, lab in enumerate(labels) if lab == c] for c in clusters}
    out = np.zeros(len(labels))
    for i, own_label in enumerate(labels):
        dist = np.linalg.norm(X - X[i], axis=1)
        own = members[own_label]
        if len(own) == 1:
            continue
        a = dist[own].sum() / (len(own) - 1)
        b = min(dist[idx].mean() for c, idx in members.items() if c != own_label)
        if max(a, b) > 0:
            out[i] = (b - a) / max(a, b)
    return out


def silhouette_score(X, labels):
    return float(np.mean(silhouette_samples(X, labels)))
