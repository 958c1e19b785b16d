"""Standard, min-max and robust feature scaling. See prompt.md."""


class StandardScaler:
    """Standardises each column to mean 0 and (population, ddof=0) standard deviation 1 using the
    ``mean_`` and ``scale_`` learned by ``fit`` (``scale_`` is 1.0 for a column whose values are
    all equal). ``fit`` returns ``self``; ``transform``, ``inverse_transform`` and
    ``fit_transform`` return new float64 arrays."""

    def fit(self, X):
        raise NotImplementedError

    def transform(self, X):
        raise NotImplementedError

    def inverse_transform(self, X):
        raise NotImplementedError

    def fit_transform(self, X):
        raise NotImplementedError


class MinMaxScaler:
    """Maps each column linearly so that the fit data's ``data_min_`` goes to ``feature_range[0]``
    and its ``data_max_`` to ``feature_range[1]`` (a constant column maps to
    ``feature_range[0]``). Raises ValueError unless ``feature_range[0] < feature_range[1]``."""

    def __init__(self, feature_range=(0, 1)):
        raise NotImplementedError

    def fit(self, X):
        raise NotImplementedError

    def transform(self, X):
        raise NotImplementedError

    def inverse_transform(self, X):
        raise NotImplementedError

    def fit_transform(self, X):
        raise NotImplementedError


class RobustScaler:
    """Centres each column on its median (``center_``) and divides by the distance between two
    percentiles (``scale_``, numpy's default linear interpolation; 1.0 when that distance is 0).
    Raises ValueError unless ``0 <= quantile_range[0] < quantile_range[1] <= 100``."""

    def __init__(self, quantile_range=(25.0, 75.0)):
        raise NotImplementedError

    def fit(self, X):
        raise NotImplementedError

    def transform(self, X):
        raise NotImplementedError

    def inverse_transform(self, X):
        raise NotImplementedError

    def fit_transform(self, X):
        raise NotImplementedError
