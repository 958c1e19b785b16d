"""Mean, median and most-frequent imputation with fit/transform. See prompt.md."""


class SimpleImputer:
    """Fills the missing values (NaN) of each column with a statistic of that column learned by
    ``fit``: its mean, its median, or its most frequent value (the smallest one on ties). ``fit``
    stores the statistics in ``statistics_`` (float64, one per column) and returns ``self``;
    ``transform`` returns a new float64 array in which every NaN of column j is replaced by
    ``statistics_[j]``. Raises ValueError for an unknown strategy, a non-2-D X, a column with no
    observed value at fit time, and a column count at transform time that differs from fit's."""

    def __init__(self, strategy="mean"):
        raise NotImplementedError

    def fit(self, X):
        raise NotImplementedError

    def transform(self, X):
        raise NotImplementedError

    def fit_transform(self, X):
        raise NotImplementedError
