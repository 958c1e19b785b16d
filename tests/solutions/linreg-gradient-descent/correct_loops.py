"""Correct, plain-Python style: lists and explicit loops over samples and features for each
gradient step; the gradients are accumulated per sample, then both parameters are updated."""


def linreg_gd(X, y, lr=0.01, n_iter=1000):
    import numpy as np

    X_arr, y_arr = np.asarray(X), np.asarray(y)
    if X_arr.ndim != 2 or y_arr.ndim != 1 or len(X_arr) != len(y_arr) or len(X_arr) < 1:
        raise ValueError("bad shapes")
    if lr <= 0 or n_iter < 0:
        raise ValueError("bad lr or n_iter")
    rows = [[float(v) for v in row] for row in X_arr.tolist()]
    targets = [float(v) for v in y_arr.tolist()]
    n, d = len(rows), len(rows[0])
    w = [0.0] * d
    b = 0.0
    for _ in range(n_iter):
        grad_w = [0.0] * d
        grad_b = 0.0
        for row, target in zip(rows, targets):
            r = sum(wj * xj for wj, xj in zip(w, row)) + b - target
            for j in range(d):
                grad_w[j] += r * row[j]
            grad_b += r
        w = [wj - lr * g / n for wj, g in zip(w, grad_w)]
        b = b - lr * grad_b / n
    return np.array(w, dtype=np.float64), b
