"""Correct, covariance style: np.cov (which centres first, ddof=1) and np.linalg.eigh, eigenpairs
reordered by decreasing eigenvalue; components get the scikit-learn sign rule (largest |loading|
positive); tiny negative eigenvalues from rounding are clipped to 0."""

import numpy as np


class PCA:
    def __init__(self, n_components=None):
        if n_components is not None and n_components < 1:
            raise ValueError("n_components must be at least 1")
        self.n_components = n_components

    def fit(self, X):
        X = np.array(X, dtype=float)
        if X.ndim != 2:
            raise ValueError("X must be 2-D")
        n, d = X.shape
        if n < 2:
            raise ValueError("need at least two samples")
        k = min(n, d) if self.n_components is None else self.n_components
        if k > min(n, d):
            raise ValueError("too many components")
        cov = np.atleast_2d(np.cov(X, rowvar=False))
        values, vectors = np.linalg.eigh(cov)
        order = np.argsort(values)[::-1][:k]
        values = np.clip(values, 0.0, None)
        components = vectors[:, order].T
        signs = np.sign(components[np.arange(k), np.argmax(np.abs(components), axis=1)])
        self.mean_ = X.mean(axis=0)
        self.components_ = components * np.where(signs == 0, 1.0, signs)[:, None]
        self.explained_variance_ = values[order]
        total = values.sum()
        self.explained_variance_ratio_ = self.explained_variance_ / total if total > 0 else np.zeros(k)
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.mean_.shape[0]:
            raise ValueError("wrong number of features")
        return np.dot(X - self.mean_, self.components_.T)

    def inverse_transform(self, Z):
        Z = np.asarray(Z, dtype=float)
        if Z.ndim != 2 or Z.shape[1] != self.components_.shape[0]:
            raise ValueError("wrong number of components")
        return np.dot(Z, self.components_) + self.mean_
