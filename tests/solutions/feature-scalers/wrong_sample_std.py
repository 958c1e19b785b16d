"""Wrong: StandardScaler divides by the sample standard deviation (ddof=1, pandas' default)
instead of the population one (ddof=0)."""

import numpy as np


def _matrix(X, n_features=None):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if n_features is not None and X.shape[1] != n_features:
        raise ValueError("number of features differs from fit")
    return X


class StandardScaler:
    def fit(self, X):
        X = _matrix(X)
        if X.shape[0] == 0:
            raise ValueError("empty X")
        self.mean_ = X.mean(axis=0)
        self.scale_ = np.where(np.ptp(X, axis=0) == 0, 1.0, X.std(axis=0, ddof=1) if X.shape[0] > 1 else 1.0)
        return self

    def transform(self, X):
        return (_matrix(X, self.mean_.size) - self.mean_) / self.scale_

    def inverse_transform(self, X):
        return _matrix(X, self.mean_.size) * self.scale_ + self.mean_

    def fit_transform(self, X):
        return self.fit(X).transform(X)


class MinMaxScaler:
    def __init__(self, feature_range=(0, 1)):
        if feature_range[0] >= feature_range[1]:
            raise ValueError("feature_range must be increasing")
        self.feature_range = feature_range

    def fit(self, X):
        X = _matrix(X)
        if X.shape[0] == 0:
            raise ValueError("empty X")
        self.data_min_ = X.min(axis=0)
        self.data_max_ = X.max(axis=0)
        return self

    def _span(self):
        span = self.data_max_ - self.data_min_
        return np.where(span == 0, 1.0, span)

    def transform(self, X):
        a, b = self.feature_range
        return (_matrix(X, self.data_min_.size) - self.data_min_) / self._span() * (b - a) + a

    def inverse_transform(self, X):
        a, b = self.feature_range
        return (_matrix(X, self.data_min_.size) - a) / (b - a) * self._span() + self.data_min_

    def fit_transform(self, X):
        return self.fit(X).transform(X)


class RobustScaler:
    def __init__(self, quantile_range=(25.0, 75.0)):
        low, high = quantile_range
        if not (0 <= low < high <= 100):
            raise ValueError("bad quantile_range")
        self.quantile_range = quantile_range

    def fit(self, X):
        X = _matrix(X)
        if X.shape[0] == 0:
            raise ValueError("empty X")
        self.center_ = np.median(X, axis=0)
        iqr = np.diff(np.percentile(X, list(self.quantile_range), axis=0), axis=0)[0]
        self.scale_ = np.where(iqr == 0, 1.0, iqr)
        return self

    def transform(self, X):
        return (_matrix(X, self.center_.size) - self.center_) / self.scale_

    def inverse_transform(self, X):
        return _matrix(X, self.center_.size) * self.scale_ + self.center_

    def fit_transform(self, X):
        return self.fit(X).transform(X)
