"""Correct, vectorised style: a full (m, n) Euclidean distance matrix by 3-D broadcasting, the
neighbours from a stable argsort of each row, votes counted with np.bincount on offset class codes."""

import numpy as np


class KNNClassifier:
    def __init__(self, k=5):
        if k < 1:
            raise ValueError("k must be at least 1")
        self.k = k

    def fit(self, X, y):
        X = np.array(X, dtype=float)
        y = np.asarray(y)
        if X.ndim != 2:
            raise ValueError("X must be 2-D")
        if y.ndim != 1 or y.shape[0] != X.shape[0]:
            raise ValueError("y must be 1-D with one label per row of X")
        if self.k > X.shape[0]:
            raise ValueError("k is larger than the training set")
        self.X_train = X
        self.classes_ = np.unique(y)
        self.codes = np.searchsorted(self.classes_, y)
        return self

    def _check(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.X_train.shape[1]:
            raise ValueError("queries must be 2-D with as many columns as the training data")
        return X

    def predict_proba(self, X):
        X = self._check(X)
        dist = np.sqrt(((X[:, None, :] - self.X_train[None, :, :]) ** 2).sum(axis=2))
        m = dist.shape[0]
        nearest = self.codes[np.argsort(dist, axis=1, kind="mergesort")[:, : self.k]]
        n_classes = len(self.classes_)
        offsets = nearest + n_classes * np.arange(m)[:, None]
        counts = np.bincount(offsets.ravel(), minlength=m * n_classes).reshape(m, n_classes)
        return counts / self.k

    def predict(self, X):
        return self.classes_[self.predict_proba(X).argmax(axis=1)]
