"""Precision, recall and F1 for one class. See prompt.md."""


def precision_recall_f1(y_true, y_pred, positive_label=1):
    """Return (precision, recall, f1) for the class ``positive_label``; every other label is
    negative. Each value is 0.0 when its denominator is 0. Raises ValueError when the inputs
    differ in length or are empty."""
    raise NotImplementedError
