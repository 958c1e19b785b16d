"""Correct, plain-Python style: columns as lists, math.isnan, the median from sorted(), the mode
from a dict of counts with min() over the tied values, statistics validated lazily (unknown
strategy only checked in fit), filling done on a copy, element by element."""

import math

import numpy as np


class SimpleImputer:
    def __init__(self, strategy="mean"):
        self.strategy = strategy

    def fit(self, X):
        if self.strategy not in ("mean", "median", "most_frequent"):
            raise ValueError("strategy must be 'mean', 'median' or 'most_frequent'")
        rows = np.asarray(X, dtype=np.float64)
        if rows.ndim != 2:
            raise ValueError("expected a 2-D X")
        stats = []
        for j in range(rows.shape[1]):
            observed = [float(v) for v in rows[:, j] if not math.isnan(v)]
            if not observed:
                raise ValueError(f"column {j} is entirely missing")
            if self.strategy == "mean":
                stats.append(sum(observed) / len(observed))
            elif self.strategy == "median":
                observed.sort()
                m = len(observed) // 2
                stats.append(observed[m] if len(observed) % 2 == 1 else (observed[m - 1] + observed[m]) / 2.0)
            else:
                counts = {}
                for v in observed:
                    counts[v] = counts.get(v, 0) + 1
                top = max(counts.values())
                stats.append(min(v for v in counts if counts[v] == top))
        self.statistics_ = np.array(stats, dtype=np.float64)
        return self

    def transform(self, X):
        out = np.array(X, dtype=np.float64)  # a copy
        if out.ndim != 2 or out.shape[1] != len(self.statistics_):
            raise ValueError("X must be 2-D with as many columns as the fit data")
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                if math.isnan(out[i, j]):
                    out[i, j] = self.statistics_[j]
        return out

    def fit_transform(self, X):
        self.fit(X)
        return self.transform(X)
