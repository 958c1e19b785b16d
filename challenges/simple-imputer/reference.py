"""Reference solution for simple-imputer."""

import numpy as np

STRATEGIES = ("mean", "median", "most_frequent")


def _as_matrix(X):
    X = np.array(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    return X


def _most_frequent(values):
    """The most frequent value; among equally frequent values, the smallest."""
    unique, counts = np.unique(values, return_counts=True)
    return unique[np.argmax(counts)]


class SimpleImputer:
    def __init__(self, strategy="mean"):
        if strategy not in STRATEGIES:
            raise ValueError(f"strategy must be one of {STRATEGIES}, got {strategy!r}")
        self.strategy = strategy

    def fit(self, X):
        X = _as_matrix(X)
        missing = np.isnan(X)
        empty = np.flatnonzero(missing.all(axis=0))
        if empty.size:
            raise ValueError(f"columns {empty.tolist()} have no observed value to learn from")
        if self.strategy == "mean":
            statistics = np.nanmean(X, axis=0)
        elif self.strategy == "median":
            statistics = np.nanmedian(X, axis=0)
        else:
            statistics = np.array([_most_frequent(column[~np.isnan(column)]) for column in X.T])
        self.statistics_ = np.asarray(statistics, dtype=np.float64).reshape(X.shape[1])
        return self

    def transform(self, X):
        X = _as_matrix(X)
        if X.shape[1] != len(self.statistics_):
            raise ValueError("X has a different number of columns than the data the imputer was fitted on")
        return np.where(np.isnan(X), self.statistics_, X)

    def fit_transform(self, X):
        return self.fit(X).transform(X)
