"""Reference solution for categorical-encoding."""

import numpy as np

HANDLE_UNKNOWN = ("error", "ignore")


def _as_1d(values):
    values = np.asarray(values)
    if values.ndim != 1:
        raise ValueError(f"expected a 1-D sequence, got {values.ndim} dimension(s)")
    return values


def _codes(values, categories):
    """(the index of each value in ``categories``, which may be in any order; whether it is
    there at all). Where a value is not there, its index is meaningless."""
    if not values.size:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=bool)
    order = np.argsort(categories, kind="stable")
    ordered = categories[order]
    position = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
    return order[position].astype(np.int64), ordered[position] == values


class LabelEncoder:
    def fit(self, y):
        y = _as_1d(y)
        if y.size == 0:
            raise ValueError("cannot fit on an empty sequence")
        self.classes_ = np.unique(y)
        return self

    def transform(self, y):
        codes, found = _codes(_as_1d(y), self.classes_)
        if not np.all(found):
            raise ValueError("y contains labels that were not seen in fit")
        return codes

    def fit_transform(self, y):
        return self.fit(y).transform(y)

    def inverse_transform(self, codes):
        codes = _as_1d(codes)
        if codes.size == 0:
            return self.classes_[:0].copy()
        if codes.dtype.kind not in "iu" or np.any(codes < 0) or np.any(codes >= len(self.classes_)):
            raise ValueError(f"codes must be integers in [0, {len(self.classes_)})")
        return self.classes_[codes]


class OneHotEncoder:
    def __init__(self, categories=None, handle_unknown="error"):
        if handle_unknown not in HANDLE_UNKNOWN:
            raise ValueError(f"handle_unknown must be one of {HANDLE_UNKNOWN}, got {handle_unknown!r}")
        if categories is not None:
            categories = _as_1d(categories)
            if categories.size == 0 or len(np.unique(categories)) != categories.size:
                raise ValueError("categories must be a non-empty sequence of distinct values")
        self.categories = categories
        self.handle_unknown = handle_unknown

    def fit(self, values):
        values = _as_1d(values)
        if values.size == 0:
            raise ValueError("cannot fit on an empty sequence")
        self.categories_ = np.unique(values) if self.categories is None else self.categories.copy()
        return self

    def transform(self, values):
        codes, known = _codes(_as_1d(values), self.categories_)
        if self.handle_unknown == "error" and not np.all(known):
            raise ValueError("values contain categories that were not seen in fit")
        out = np.zeros((codes.size, len(self.categories_)), dtype=np.float64)
        rows = np.flatnonzero(known)
        out[rows, codes[rows]] = 1.0
        return out

    def fit_transform(self, values):
        return self.fit(values).transform(values)
