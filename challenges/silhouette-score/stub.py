"""Silhouette samples and score. See prompt.md."""


def silhouette_samples(X, labels):
    """Return a 1-D float numpy array with the silhouette coefficient s(i) = (b - a) / max(a, b) of
    every row of X under Euclidean distance, where a is the mean distance to the other members of
    the sample's cluster and b the smallest mean distance to another cluster; singletons and
    max(a, b) = 0 give 0. Raises ValueError unless 2 <= number of labels <= n_samples - 1 and
    there is one label per row."""
    raise NotImplementedError


def silhouette_score(X, labels):
    """Return the mean of ``silhouette_samples(X, labels)`` as a float; same errors."""
    raise NotImplementedError
