"""Wrong: transform projects the raw data, X @ components_.T, without subtracting the training
mean (as in ML-From-Scratch); inverse_transform correspondingly adds no mean."""

import numpy as np


class PCA:
    def __init__(self, n_components=None):
        self.n_components = n_components

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or len(X) < 2:
            raise ValueError("bad X")
        k = min(X.shape) if self.n_components is None else self.n_components
        if not 1 <= k <= min(X.shape):
            raise ValueError("bad n_components")
        self.mean_ = X.mean(axis=0)
        _, s, vt = np.linalg.svd(X - self.mean_, full_matrices=False)
        var = s**2 / (len(X) - 1)
        self.components_ = vt[:k]
        self.explained_variance_ = var[:k]
        self.explained_variance_ratio_ = var[:k] / var.sum() if var.sum() > 0 else np.zeros(k)
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != len(self.mean_):
            raise ValueError("bad X")
        return X @ self.components_.T

    def inverse_transform(self, Z):
        Z = np.asarray(Z, dtype=float)
        if Z.ndim != 2 or Z.shape[1] != len(self.components_):
            raise ValueError("bad Z")
        return Z @ self.components_
