"""Wrong: transform fills the NaNs in place: np.asarray does not copy a float64 array, so the
caller's array is modified (and fit sorts columns in place for the median)."""

import numpy as np


class SimpleImputer:
    def __init__(self, strategy="mean"):
        if strategy not in ("mean", "median", "most_frequent"):
            raise ValueError(strategy)
        self.strategy = strategy

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2:
            raise ValueError("X must be 2-D")
        if np.isnan(X).all(axis=0).any():
            raise ValueError("empty column")
        if self.strategy == "mean":
            self.statistics_ = np.nanmean(X, axis=0)
        elif self.strategy == "median":
            X.sort(axis=0)  # NaNs sort last
            counts = (~np.isnan(X)).sum(axis=0)
            lo, hi = X[(counts - 1) // 2, np.arange(X.shape[1])], X[counts // 2, np.arange(X.shape[1])]
            self.statistics_ = (lo + hi) / 2
        else:
            stats = []
            for col in X.T:
                values, counts = np.unique(col[~np.isnan(col)], return_counts=True)
                stats.append(values[np.argmax(counts)])
            self.statistics_ = np.array(stats, dtype=float)
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != len(self.statistics_):
            raise ValueError("bad shape")
        rows, cols = np.nonzero(np.isnan(X))
        X[rows, cols] = self.statistics_[cols]
        return X

    def fit_transform(self, X):
        return self.fit(X).transform(X)
