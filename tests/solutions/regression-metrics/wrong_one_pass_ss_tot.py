"""Wrong: SS_tot from the one-pass textbook formula sum(y²) - n·mean², which cancels
catastrophically when the values are large and close together."""

import numpy as np


def regression_metrics(y_true, y_pred):
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    n = y_true.size
    err = y_true - y_pred
    ss_res = np.sum(err**2)
    if np.all(y_true == y_true[0]):
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        ss_tot = np.sum(y_true**2) - n * np.mean(y_true) ** 2
        r2 = 1 - ss_res / ss_tot
    mse = ss_res / n
    return {"mse": float(mse), "rmse": float(np.sqrt(mse)), "mae": float(np.mean(np.abs(err))), "r2": float(r2)}
