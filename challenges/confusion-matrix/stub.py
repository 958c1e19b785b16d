"""Multiclass confusion matrix. See prompt.md."""


def confusion_matrix(y_true, y_pred, labels=None):
    """Return the (L, L) integer numpy array whose entry [i, j] counts the samples with true label
    ``labels[i]`` predicted as ``labels[j]`` (rows true, columns predicted). ``labels=None`` means
    the sorted distinct values of y_true and y_pred; with explicit ``labels``, their order is kept
    and samples with a true or predicted label outside them are not counted. Raises ValueError on
    inputs of different lengths, empty inputs, and empty or repeated ``labels``."""
    raise NotImplementedError
