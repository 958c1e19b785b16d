"""Mistake: ignores positive_label and treats 1 (truthy) as the positive class."""


def precision_recall_f1(y_true, y_pred, positive_label=1):
    if len(y_true) != len(y_pred) or not len(y_true):
        raise ValueError("bad input")
    tp = sum(1 for t, p in zip(y_true, y_pred) if t and p)
    fp = sum(1 for t, p in zip(y_true, y_pred) if not t and p)
    fn = sum(1 for t, p in zip(y_true, y_pred) if t and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return precision, recall, f1
