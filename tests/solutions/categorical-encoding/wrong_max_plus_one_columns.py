"""Wrong, as in to_categorical / Deep-ML's one-hot: integer categories get max(values) + 1
columns indexed by the value itself (gaps become empty columns, negative values wrap around);
string categories are handled correctly."""

import numpy as np


def _vec(values):
    values = np.asarray(values)
    if values.ndim != 1:
        raise ValueError("expected 1-D input")
    return values


def _match(values, categories):
    if values.size == 0:
        return np.zeros((0, len(categories)), dtype=bool)
    return values[:, None] == categories[None, :]


class LabelEncoder:
    def fit(self, y):
        y = _vec(y)
        if y.size == 0:
            raise ValueError("nothing to fit")
        self.classes_ = np.unique(y)
        return self

    def transform(self, y):
        hits = _match(_vec(y), self.classes_)
        if not hits.any(axis=1).all():
            raise ValueError("y contains previously unseen labels")
        return hits.argmax(axis=1).astype(np.int32)

    def fit_transform(self, y):
        y = _vec(y)
        if y.size == 0:
            raise ValueError("nothing to fit")
        self.classes_, codes = np.unique(y, return_inverse=True)
        return codes.reshape(-1).astype(np.int32)

    def inverse_transform(self, codes):
        codes = _vec(codes)
        if codes.size and (codes.dtype.kind not in "iu" or codes.min() < 0 or codes.max() >= self.classes_.size):
            raise ValueError("code out of range")
        return self.classes_[codes.astype(np.intp)]


class OneHotEncoder:
    def __init__(self, categories=None, handle_unknown="error"):
        if handle_unknown not in {"error", "ignore"}:
            raise ValueError(handle_unknown)
        if categories is not None:
            categories = _vec(categories)
            if categories.size == 0 or np.unique(categories).size < categories.size:
                raise ValueError("bad categories")
        self._given = categories
        self.handle_unknown = handle_unknown

    def fit(self, values):
        values = _vec(values)
        if values.size == 0:
            raise ValueError("nothing to fit")
        self.categories_ = np.unique(values) if self._given is None else self._given
        if self._given is None and values.dtype.kind in 'iu':
            self.categories_ = np.arange(values.max() + 1)
        return self

    def transform(self, values):
        hits = _match(_vec(values), self.categories_)
        if self.handle_unknown == "error" and not hits.any(axis=1).all():
            raise ValueError("found unknown categories")
        return hits.astype(np.float64)

    def fit_transform(self, values):
        return self.fit(values).transform(values)
