"""Principal component analysis via SVD. See prompt.md."""


class PCA:
    """PCA on centred (not scaled) data: components_ are the top right singular vectors of
    X - mean_ (rows, decreasing variance, either sign), explained_variance_ uses ddof=1."""

    def __init__(self, n_components=None):
        """Store n_components: an int k with 1 <= k <= min(n, d), or None for min(n, d)."""
        raise NotImplementedError

    def fit(self, X):
        """Set mean_, components_ (k, d), explained_variance_ (k,) and explained_variance_ratio_
        (k,) from the training data X (n, d) and return self. Raises ValueError when X is not 2-D,
        has fewer than 2 rows, or n_components is out of range."""
        raise NotImplementedError

    def transform(self, X):
        """Return (X - mean_) @ components_.T, shape (m, k). Raises ValueError for a bad shape."""
        raise NotImplementedError

    def inverse_transform(self, Z):
        """Return Z @ components_ + mean_, shape (m, d). Raises ValueError for a bad shape."""
        raise NotImplementedError
