"""Wrong: no check for columns without observed values; np.nanmean / np.nanmedian return NaN
for them (with a RuntimeWarning), so fit succeeds and transform leaves those NaNs in place."""

import warnings

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
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if self.strategy == "mean":
                self.statistics_ = np.nanmean(X, axis=0)
            elif self.strategy == "median":
                self.statistics_ = np.nanmedian(X, axis=0)
            else:
                stats = []
                for col in X.T:
                    values, counts = np.unique(col[~np.isnan(col)], return_counts=True)
                    stats.append(values[np.argmax(counts)] if values.size else np.nan)
                self.statistics_ = np.array(stats, dtype=float)
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != len(self.statistics_):
            raise ValueError("bad shape")
        return np.where(np.isnan(X), self.statistics_, X)

    def fit_transform(self, X):
        return self.fit(X).transform(X)
