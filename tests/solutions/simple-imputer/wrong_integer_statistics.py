"""Wrong: keeps the statistics (and the output) in the input's dtype, so integer data gets its
mean and median truncated to integers (the mean of [1, 2] becomes 1)."""

import numpy as np


class SimpleImputer:
    def __init__(self, strategy="mean"):
        if strategy not in ("mean", "median", "most_frequent"):
            raise ValueError(strategy)
        self.strategy = strategy

    def fit(self, X):
        X = np.asarray(X)
        if X.ndim != 2:
            raise ValueError("X must be 2-D")
        mask = np.isnan(X) if X.dtype.kind == "f" else np.zeros(X.shape, dtype=bool)
        if mask.all(axis=0).any():
            raise ValueError("empty column")
        stats = np.empty(X.shape[1], dtype=X.dtype)
        for j in range(X.shape[1]):
            col = X[~mask[:, j], j]
            if self.strategy == "mean":
                stats[j] = col.mean()
            elif self.strategy == "median":
                stats[j] = np.median(col)
            else:
                values, counts = np.unique(col, return_counts=True)
                stats[j] = values[np.argmax(counts)]
        self.statistics_ = stats
        return self

    def transform(self, X):
        X = np.array(X)
        if X.ndim != 2 or X.shape[1] != len(self.statistics_):
            raise ValueError("bad shape")
        if X.dtype.kind == "f":
            X = np.where(np.isnan(X), self.statistics_, X)
        return X

    def fit_transform(self, X):
        return self.fit(X).transform(X)
