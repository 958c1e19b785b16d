"""Correct, SVD style with explicit loops: centres with a per-column loop, takes np.linalg.svd of
the centred data, and builds the variances, ratios and projections one component at a time
(no sign normalisation: the signs are whatever the SVD gives)."""

import numpy as np


class PCA:
    def __init__(self, n_components=None):
        self.n_components = n_components

    def fit(self, X):
        data = np.asarray(X)
        if data.ndim != 2 or data.shape[0] < 2:
            raise ValueError("X must be 2-D with at least two rows")
        data = data.astype(np.float64)
        n, d = data.shape
        k = self.n_components if self.n_components is not None else min(n, d)
        if not (isinstance(k, int) and 1 <= k <= min(n, d)):
            raise ValueError("bad n_components")
        mean = np.zeros(d)
        centred = np.empty_like(data)
        for j in range(d):
            mean[j] = data[:, j].sum() / n
            centred[:, j] = data[:, j] - mean[j]
        _, s, vt = np.linalg.svd(centred, full_matrices=False)
        variances = [float(v) ** 2 / (n - 1) for v in s]
        total = sum(variances)
        self.mean_ = mean
        self.components_ = np.array([vt[i] for i in range(k)])
        self.explained_variance_ = np.array(variances[:k])
        self.explained_variance_ratio_ = np.array([v / total if total > 0 else 0.0 for v in variances[:k]])
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != len(self.mean_):
            raise ValueError("bad shape")
        out = np.empty((X.shape[0], len(self.components_)))
        for i, component in enumerate(self.components_):
            out[:, i] = (X - self.mean_) @ component
        return out

    def inverse_transform(self, Z):
        Z = np.asarray(Z, dtype=np.float64)
        if Z.ndim != 2 or Z.shape[1] != len(self.components_):
            raise ValueError("bad shape")
        out = np.tile(self.mean_, (Z.shape[0], 1))
        for i, component in enumerate(self.components_):
            out += np.outer(Z[:, i], component)
        return out
