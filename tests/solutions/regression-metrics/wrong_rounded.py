"""Wrong: rounds every metric to 3 decimals (as some tutorials do), which the prompt forbids."""

import numpy as np


def regression_metrics(y_true, y_pred):
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    err = y_true - y_pred
    mse = np.mean(err**2)
    if np.all(y_true == y_true[0]):
        r2 = 1.0 if mse == 0 else 0.0
    else:
        r2 = 1 - np.sum(err**2) / np.sum((y_true - y_true.mean()) ** 2)
    values = {"mse": mse, "rmse": np.sqrt(mse), "mae": np.mean(np.abs(err)), "r2": r2}
    return {k: round(float(v), 3) for k, v in values.items()}
