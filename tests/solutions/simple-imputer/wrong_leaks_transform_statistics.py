"""Wrong (data leakage): transform recomputes each column's statistic from the data it is
transforming whenever that column has observed values there, and only falls back to the
statistics learned in fit for columns that are entirely missing."""

import numpy as np


def _stats(X, strategy):
    out = []
    for col in X.T:
        observed = col[~np.isnan(col)]
        if observed.size == 0:
            out.append(np.nan)
        elif strategy == "mean":
            out.append(observed.mean())
        elif strategy == "median":
            out.append(np.median(observed))
        else:
            values, counts = np.unique(observed, return_counts=True)
            out.append(values[np.argmax(counts)])
    return np.array(out, dtype=float)


class SimpleImputer:
    def __init__(self, strategy="mean"):
        if strategy not in ("mean", "median", "most_frequent"):
            raise ValueError(strategy)
        self.strategy = strategy

    def fit(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2:
            raise ValueError("X must be 2-D")
        self.statistics_ = _stats(X, self.strategy)
        if np.isnan(self.statistics_).any():
            raise ValueError("empty column")
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != len(self.statistics_):
            raise ValueError("bad shape")
        fill = _stats(X, self.strategy)
        fill = np.where(np.isnan(fill), self.statistics_, fill)
        return np.where(np.isnan(X), fill, X)

    def fit_transform(self, X):
        return self.fit(X).transform(X)
