"""Reference solution for pca."""

import numpy as np


class PCA:
    def __init__(self, n_components=None):
        self.n_components = n_components

    def fit(self, X):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or len(X) < 2:
            raise ValueError("X must be 2-D with at least two rows")
        k = min(X.shape) if self.n_components is None else self.n_components
        if not 1 <= k <= min(X.shape):
            raise ValueError("n_components must be between 1 and min(n_samples, n_features)")
        self.mean_ = X.mean(axis=0)
        _, s, Vt = np.linalg.svd(X - self.mean_, full_matrices=False)
        variance = s**2 / (len(X) - 1)
        total = variance.sum()
        self.components_ = Vt[:k]
        self.explained_variance_ = variance[:k]
        self.explained_variance_ratio_ = variance[:k] / total if total > 0 else np.zeros(k)
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != len(self.mean_):
            raise ValueError("X must be 2-D with as many columns as the training data")
        return (X - self.mean_) @ self.components_.T

    def inverse_transform(self, Z):
        Z = np.asarray(Z, dtype=np.float64)
        if Z.ndim != 2 or Z.shape[1] != len(self.components_):
            raise ValueError("Z must be 2-D with one column per component")
        return Z @ self.components_ + self.mean_
