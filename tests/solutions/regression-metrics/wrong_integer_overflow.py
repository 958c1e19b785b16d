"""Wrong: keeps the inputs' dtype, so integer inputs are squared in int64 and large errors
overflow (wrapping around silently)."""

import numpy as np


def regression_metrics(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("bad input")
    err = y_true - y_pred
    ss_res = np.sum(err * err)
    mse = ss_res / y_true.size
    if np.all(y_true == y_true[0]):
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        dev = y_true - y_true.mean()
        r2 = 1 - ss_res / np.sum(dev * dev)
    return {"mse": float(mse), "rmse": float(np.sqrt(mse)), "mae": float(np.mean(np.abs(err))), "r2": float(r2)}
