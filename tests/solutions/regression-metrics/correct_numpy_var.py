"""Correct, numpy style: SS_tot as n * np.var(y_true) (numpy's two-pass variance), the constant
check as np.all(y == y[0]), results left as numpy float64 scalars."""

import numpy as np


def regression_metrics(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    yhat = np.asarray(y_pred, dtype=float)
    if y.shape != yhat.shape or y.ndim != 1:
        raise ValueError("y_true and y_pred must be 1-D with the same length")
    if y.size == 0:
        raise ValueError("empty input")
    residual = y - yhat
    mse = np.mean(np.square(residual))
    mae = np.mean(np.abs(residual))
    if np.all(y == y[0]):
        r2 = np.float64(1.0) if not residual.any() else np.float64(0.0)
    else:
        r2 = 1.0 - mse / np.var(y)
    return {"mse": mse, "rmse": np.sqrt(mse), "mae": mae, "r2": r2}
