"""Correct, plain-Python style: statistics column by column from Python lists (math.fsum for the
mean, a hand-written linear-interpolation percentile, constant columns detected with
min == max), range checks done lazily in fit, output built with nested loops."""

import math

import numpy as np


def _rows(X):
    X = np.array(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("expected a 2-D array")
    return X


def _percentile(sorted_values, q):
    p = (len(sorted_values) - 1) * q / 100
    i = int(math.floor(p))
    if i + 1 >= len(sorted_values):
        return sorted_values[-1]
    return sorted_values[i] + (p - i) * (sorted_values[i + 1] - sorted_values[i])


class _Base:
    def _fit_columns(self, X):
        X = _rows(X)
        if len(X) == 0:
            raise ValueError("cannot fit on zero rows")
        self._width = X.shape[1]
        return [list(map(float, X[:, j])) for j in range(X.shape[1])]

    def _apply(self, X, f):
        X = _rows(X)
        if X.shape[1] != self._width:
            raise ValueError("wrong number of columns")
        out = np.empty(X.shape, dtype=np.float64)
        for i in range(X.shape[0]):
            for j in range(X.shape[1]):
                out[i, j] = f(float(X[i, j]), j)
        return out

    def fit_transform(self, X):
        self.fit(X)
        return self.transform(X)


class StandardScaler(_Base):
    def fit(self, X):
        cols = self._fit_columns(X)
        means, scales = [], []
        for c in cols:
            m = math.fsum(c) / len(c)
            sd = math.sqrt(math.fsum((v - m) ** 2 for v in c) / len(c))
            means.append(m)
            scales.append(1.0 if min(c) == max(c) else sd)
        self.mean_, self.scale_ = np.array(means), np.array(scales)
        return self

    def transform(self, X):
        return self._apply(X, lambda v, j: (v - self.mean_[j]) / self.scale_[j])

    def inverse_transform(self, X):
        return self._apply(X, lambda v, j: v * self.scale_[j] + self.mean_[j])


class MinMaxScaler(_Base):
    def __init__(self, feature_range=(0, 1)):
        self.feature_range = feature_range

    def fit(self, X):
        a, b = self.feature_range
        if not a < b:
            raise ValueError("feature_range: min must be below max")
        cols = self._fit_columns(X)
        self.data_min_ = np.array([min(c) for c in cols])
        self.data_max_ = np.array([max(c) for c in cols])
        self._range = [hi - lo if hi > lo else 1.0 for lo, hi in zip(self.data_min_, self.data_max_)]
        return self

    def transform(self, X):
        a, b = self.feature_range
        return self._apply(X, lambda v, j: (v - self.data_min_[j]) / self._range[j] * (b - a) + a)

    def inverse_transform(self, X):
        a, b = self.feature_range
        return self._apply(X, lambda v, j: (v - a) / (b - a) * self._range[j] + self.data_min_[j])


class RobustScaler(_Base):
    def __init__(self, quantile_range=(25.0, 75.0)):
        self.quantile_range = quantile_range

    def fit(self, X):
        lo_q, hi_q = self.quantile_range
        if not (0 <= lo_q and lo_q < hi_q and hi_q <= 100):
            raise ValueError("quantile_range out of bounds")
        cols = self._fit_columns(X)
        centers, scales = [], []
        for c in cols:
            s = sorted(c)
            n = len(s)
            centers.append(s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2)
            iqr = _percentile(s, hi_q) - _percentile(s, lo_q)
            scales.append(iqr if iqr != 0 else 1.0)
        self.center_, self.scale_ = np.array(centers), np.array(scales)
        return self

    def transform(self, X):
        return self._apply(X, lambda v, j: (v - self.center_[j]) / self.scale_[j])

    def inverse_transform(self, X):
        return self._apply(X, lambda v, j: v * self.scale_[j] + self.center_[j])
