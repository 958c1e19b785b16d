"""Plain Python: one pass over the pairs, no numpy."""


def precision_recall_f1(y_true, y_pred, positive_label=1):
    y_true, y_pred = list(y_true), list(y_pred)
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} labels but y_pred has {len(y_pred)}")
    if not y_true:
        raise ValueError("y_true and y_pred are empty")
    tp = fp = fn = 0
    for truth, guess in zip(y_true, y_pred):
        if guess == positive_label:
            if truth == positive_label:
                tp += 1
            else:
                fp += 1
        elif truth == positive_label:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return precision, recall, f1
