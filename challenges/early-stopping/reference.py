"""Reference solution for early-stopping."""

import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0, mode="min"):
    values = np.asarray(val_losses, dtype=np.float64)
    if values.ndim != 1 or len(values) == 0:
        raise ValueError("val_losses must be a non-empty 1-D sequence")
    if patience < 0:
        raise ValueError(f"patience must be >= 0, got {patience}")
    if min_delta < 0:
        raise ValueError(f"min_delta must be >= 0, got {min_delta}")
    if mode not in ("min", "max"):
        raise ValueError(f"mode must be 'min' or 'max', got {mode!r}")
    sign = 1.0 if mode == "min" else -1.0
    best = np.inf
    best_epoch = -1
    wait = 0
    for epoch, value in enumerate(sign * values):
        if value < best - min_delta:
            best, best_epoch, wait = value, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return epoch, best_epoch
    return len(values) - 1, best_epoch
