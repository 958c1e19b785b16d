"""Wrong (numerically): the covariance is computed in one pass as (X^T X - n mean mean^T) / (n - 1)
and then diagonalised with eigh; this loses all precision when the means are large."""

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
        n = len(X)
        cov = (X.T @ X - n * np.outer(self.mean_, self.mean_)) / (n - 1)
        values, vectors = np.linalg.eigh(cov)
        var = np.clip(values[::-1], 0.0, None)
        vt = vectors[:, ::-1].T
        self.components_ = vt[:k]
        self.explained_variance_ = var[:k]
        self.explained_variance_ratio_ = var[:k] / var.sum() if var.sum() > 0 else np.zeros(k)
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != len(self.mean_):
            raise ValueError("bad X")
        return (X - self.mean_) @ self.components_.T

    def inverse_transform(self, Z):
        Z = np.asarray(Z, dtype=float)
        if Z.ndim != 2 or Z.shape[1] != len(self.components_):
            raise ValueError("bad Z")
        return Z @ self.components_ + self.mean_
