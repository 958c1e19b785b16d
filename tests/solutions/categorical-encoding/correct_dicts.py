"""Correct, plain-Python style: categories as a sorted Python list, a dict from category to
index, loops to build codes and one-hot rows, the numpy arrays made at the end (classes_ with
the input's own dtype via np.array on the sorted list)."""

import numpy as np


def _flat(values):
    arr = np.asarray(values)
    if arr.ndim != 1:
        raise ValueError("input must be 1-D")
    return arr.tolist()


class LabelEncoder:
    def fit(self, y):
        items = _flat(y)
        if not items:
            raise ValueError("empty input")
        self.classes_ = np.array(sorted(set(items)))
        self._index = {c: i for i, c in enumerate(self.classes_.tolist())}
        return self

    def transform(self, y):
        codes = []
        for v in _flat(y):
            if v not in self._index:
                raise ValueError(f"unseen label {v!r}")
            codes.append(self._index[v])
        return np.array(codes, dtype=np.int64)

    def fit_transform(self, y):
        self.fit(y)
        return self.transform(y)

    def inverse_transform(self, codes):
        out = []
        for c in _flat(codes):
            if not isinstance(c, int) or not 0 <= c < len(self.classes_):
                raise ValueError(f"bad code {c!r}")
            out.append(self.classes_[c])
        return np.array(out, dtype=self.classes_.dtype)


class OneHotEncoder:
    def __init__(self, categories=None, handle_unknown="error"):
        self.categories = None if categories is None else list(categories)
        self.handle_unknown = handle_unknown

    def fit(self, values):
        if self.handle_unknown not in ("error", "ignore"):
            raise ValueError("handle_unknown must be 'error' or 'ignore'")
        if self.categories is not None and (not self.categories or len(set(self.categories)) != len(self.categories)):
            raise ValueError("categories must be distinct and non-empty")
        items = _flat(values)
        if not items:
            raise ValueError("empty input")
        cats = sorted(set(items)) if self.categories is None else self.categories
        self.categories_ = np.array(cats)
        self._index = {c: i for i, c in enumerate(self.categories_.tolist())}
        return self

    def transform(self, values):
        items = _flat(values)
        out = np.zeros((len(items), len(self._index)))
        for row, v in enumerate(items):
            j = self._index.get(v)
            if j is None:
                if self.handle_unknown == "error":
                    raise ValueError(f"unknown category {v!r}")
                continue
            out[row, j] = 1.0
        return out

    def fit_transform(self, values):
        self.fit(values)
        return self.transform(values)
