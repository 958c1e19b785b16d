"""Correct, plain-Python style: floats in lists, exact sums with math.fsum, the constant-target
rule checked with a set; returns Python floats."""

import math


def regression_metrics(y_true, y_pred):
    t = [float(v) for v in y_true]
    p = [float(v) for v in y_pred]
    if len(t) != len(p):
        raise ValueError(f"{len(t)} true values but {len(p)} predictions")
    if not t:
        raise ValueError("no samples")
    n = len(t)
    ss_res = math.fsum((a - b) ** 2 for a, b in zip(t, p))
    mse = ss_res / n
    mae = math.fsum(abs(a - b) for a, b in zip(t, p)) / n
    if len(set(t)) == 1:
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        mean = math.fsum(t) / n
        r2 = 1.0 - ss_res / math.fsum((a - mean) ** 2 for a in t)
    return {"mse": mse, "rmse": math.sqrt(mse), "mae": mae, "r2": r2}
