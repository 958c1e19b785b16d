"""Wrong: most_frequent uses collections.Counter.most_common(1), which breaks ties by the value
seen first in the column, not by the smallest value (statistics.mode does the same)."""

from collections import Counter

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
            self.statistics_ = np.nanmedian(X, axis=0)
        else:
            self.statistics_ = np.array(
                [Counter(col[~np.isnan(col)].tolist()).most_common(1)[0][0] for col in X.T], dtype=float
            )
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != len(self.statistics_):
            raise ValueError("bad shape")
        return np.where(np.isnan(X), self.statistics_, X)

    def fit_transform(self, X):
        return self.fit(X).transform(X)
