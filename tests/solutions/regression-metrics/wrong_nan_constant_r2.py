"""Wrong: applies 1 - SS_res / SS_tot even when y_true is constant, so R² comes out nan (perfect
predictions, 0/0) or -inf instead of 1.0 or 0.0."""

import numpy as np


def regression_metrics(y_true, y_pred):
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    err = y_true - y_pred
    mse = float(np.mean(err**2))
    with np.errstate(divide="ignore", invalid="ignore"):
        r2 = 1 - np.sum(err**2) / np.sum((y_true - y_true.mean()) ** 2)
    return {"mse": mse, "rmse": mse**0.5, "mae": float(np.mean(np.abs(err))), "r2": float(r2)}
