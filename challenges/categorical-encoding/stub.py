"""Label encoding and one-hot encoding. See prompt.md."""


class LabelEncoder:
    """Learns ``classes_``, the sorted distinct labels, in ``fit`` (which returns ``self``);
    ``transform`` maps each label to its integer index in ``classes_`` (ValueError for a label not
    seen in fit) and ``inverse_transform`` maps integer codes back to labels (ValueError for a
    code outside ``0 .. len(classes_) - 1``)."""

    def fit(self, y):
        raise NotImplementedError

    def transform(self, y):
        raise NotImplementedError

    def fit_transform(self, y):
        raise NotImplementedError

    def inverse_transform(self, codes):
        raise NotImplementedError


class OneHotEncoder:
    """Learns ``categories_`` in ``fit`` (the sorted distinct values, or the given ``categories``
    in their given order); ``transform`` returns a float64 array of shape ``(n, len(categories_))``
    with a single 1.0 per row, in the column of the row's category. An unknown value raises
    ValueError with ``handle_unknown="error"`` and gives an all-zero row with ``"ignore"``."""

    def __init__(self, categories=None, handle_unknown="error"):
        raise NotImplementedError

    def fit(self, values):
        raise NotImplementedError

    def transform(self, values):
        raise NotImplementedError

    def fit_transform(self, values):
        raise NotImplementedError
