"""Reference solution for feature-scalers."""

import numpy as np


def _as_matrix(X):
    X = np.array(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    return X


class _Scaler:
    """Shared plumbing: input checks and fit_transform."""

    def _fit_input(self, X):
        X = _as_matrix(X)
        if len(X) == 0:
            raise ValueError("cannot fit on an X without rows")
        self._n_features = X.shape[1]
        return X

    def _input(self, X):
        X = _as_matrix(X)
        if X.shape[1] != self._n_features:
            raise ValueError("X has a different number of columns than the data the scaler was fitted on")
        return X

    def fit_transform(self, X):
        return self.fit(X).transform(X)


class StandardScaler(_Scaler):
    def fit(self, X):
        X = self._fit_input(X)
        self.mean_ = X.mean(axis=0)
        scale = X.std(axis=0)  # ddof=0, two-pass
        scale[np.ptp(X, axis=0) == 0] = 1.0  # constant columns, even when rounding makes std tiny
        self.scale_ = scale
        return self

    def transform(self, X):
        return (self._input(X) - self.mean_) / self.scale_

    def inverse_transform(self, X):
        return self._input(X) * self.scale_ + self.mean_


class MinMaxScaler(_Scaler):
    def __init__(self, feature_range=(0, 1)):
        low, high = (float(v) for v in feature_range)
        if not low < high:
            raise ValueError(f"feature_range must be (min, max) with min < max, got {feature_range}")
        self.feature_range = (low, high)

    def fit(self, X):
        X = self._fit_input(X)
        self.data_min_ = X.min(axis=0)
        self.data_max_ = X.max(axis=0)
        data_range = self.data_max_ - self.data_min_
        data_range[data_range == 0] = 1.0
        self._data_range = data_range
        return self

    def transform(self, X):
        low, high = self.feature_range
        return (self._input(X) - self.data_min_) / self._data_range * (high - low) + low

    def inverse_transform(self, X):
        low, high = self.feature_range
        return (self._input(X) - low) / (high - low) * self._data_range + self.data_min_


class RobustScaler(_Scaler):
    def __init__(self, quantile_range=(25.0, 75.0)):
        q_low, q_high = (float(v) for v in quantile_range)
        if not 0 <= q_low < q_high <= 100:
            raise ValueError(f"quantile_range must satisfy 0 <= low < high <= 100, got {quantile_range}")
        self.quantile_range = (q_low, q_high)

    def fit(self, X):
        X = self._fit_input(X)
        self.center_ = np.median(X, axis=0)
        q_low, q_high = np.percentile(X, self.quantile_range, axis=0)
        scale = q_high - q_low
        scale[scale == 0] = 1.0
        self.scale_ = scale
        return self

    def transform(self, X):
        return (self._input(X) - self.center_) / self.scale_

    def inverse_transform(self, X):
        return self._input(X) * self.scale_ + self.center_
