"""Correct, loop-per-query style: for each query a vectorised distance row (np.linalg.norm), a
stable argsort, and a Counter of the neighbours' labels; the vote tie is resolved explicitly with
min() over the tied labels. Labels are kept as Python values and classes_ built with sorted()."""

from collections import Counter

import numpy as np


class KNNClassifier:
    def __init__(self, k=5):
        self.k = k

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        labels = list(np.asarray(y).tolist()) if np.ndim(y) == 1 else None
        if X.ndim != 2 or labels is None or len(labels) != len(X):
            raise ValueError("need a 2-D X and one label per row")
        if self.k < 1 or self.k > len(X):
            raise ValueError("k out of range")
        self._X = X
        self._y = labels
        self.classes_ = np.array(sorted(set(labels)))
        return self

    def _neighbour_counts(self, X):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self._X.shape[1]:
            raise ValueError("wrong query shape")
        result = []
        for query in X:
            dist = np.linalg.norm(self._X - query, axis=1)
            nearest = np.argsort(dist, kind="stable")[: self.k]
            result.append(Counter(self._y[i] for i in nearest))
        return result

    def predict(self, X):
        out = []
        for counts in self._neighbour_counts(X):
            best = max(counts.values())
            out.append(min(label for label, c in counts.items() if c == best))
        return np.array(out, dtype=self.classes_.dtype)

    def predict_proba(self, X):
        classes = self.classes_.tolist()
        counts = self._neighbour_counts(X)
        proba = np.zeros((len(counts), len(classes)))
        for i, c in enumerate(counts):
            for j, label in enumerate(classes):
                proba[i, j] = c[label] / self.k
        return proba
