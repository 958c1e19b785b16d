"""Reference solution for regression-metrics."""

import numpy as np


def regression_metrics(y_true, y_pred):
    y_true = np.asarray(y_true, dtype=np.float64)
    y_pred = np.asarray(y_pred, dtype=np.float64)
    if y_true.ndim != 1 or y_pred.ndim != 1 or len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred must be 1-D and of the same length")
    if len(y_true) == 0:
        raise ValueError("y_true and y_pred must not be empty")
    error = y_true - y_pred
    mse = np.mean(error**2)
    ss_res = np.sum(error**2)
    if np.unique(y_true).size == 1:
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        r2 = 1 - ss_res / np.sum((y_true - np.mean(y_true)) ** 2)
    return {
        "mse": float(mse),
        "rmse": float(np.sqrt(mse)),
        "mae": float(np.mean(np.abs(error))),
        "r2": float(r2),
    }
