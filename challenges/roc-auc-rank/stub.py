"""ROC AUC from ranks, with ties. See prompt.md."""


def roc_auc(y_true, y_score):
    """Return the ROC AUC of ``y_score`` for the binary labels ``y_true`` (1 positive, 0 negative)
    as a float: the share of (positive, negative) pairs where the positive scores higher, with ties
    counted as one half, computed from midranks in O(N log N). Raises ValueError on inputs of
    different lengths, labels other than 0 and 1, or when only one class is present."""
    raise NotImplementedError
