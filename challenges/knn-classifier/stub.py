"""k-nearest-neighbour classifier. See prompt.md."""


class KNNClassifier:
    """Majority vote of the k nearest training points (Euclidean distance). Distance ties go to
    the training point with the lower row index; vote ties go to the smallest label."""

    def __init__(self, k=5):
        """Store k, the number of neighbours."""
        raise NotImplementedError

    def fit(self, X, y):
        """Memorise the training data X of shape (n, d) and labels y of length n; set classes_
        (the sorted distinct labels) and return self. Raises ValueError for bad shapes or when
        k is not between 1 and n."""
        raise NotImplementedError

    def predict(self, X):
        """Return a 1-D array with the predicted label of each row of X (shape (m, d)). Raises
        ValueError when X is not 2-D or has a different number of columns than the training data."""
        raise NotImplementedError

    def predict_proba(self, X):
        """Return an (m, len(classes_)) float array: the fraction of each query's k neighbours
        that carry each label of classes_. Raises ValueError like predict."""
        raise NotImplementedError
