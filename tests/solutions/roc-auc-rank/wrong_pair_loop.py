"""Correct results but O(n_pos * n_neg): a Python double loop over every (positive, negative)
pair, which cannot finish on hundreds of thousands of samples."""


def roc_auc(y_true, y_score):
    y_true, y_score = list(y_true), list(y_score)
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    if any(v not in (0, 1) for v in y_true):
        raise ValueError("labels must be 0 or 1")
    pos = [s for t, s in zip(y_true, y_score) if t == 1]
    neg = [s for t, s in zip(y_true, y_score) if t == 0]
    if not pos or not neg:
        raise ValueError("need both classes")
    total = 0.0
    for p in pos:
        for n in neg:
            if p > n:
                total += 1.0
            elif p == n:
                total += 0.5
    return total / (len(pos) * len(neg))
