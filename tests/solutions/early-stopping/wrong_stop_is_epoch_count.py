"""Wrong: reports how many epochs ran (stop index + 1) instead of the 0-based stop epoch."""

import math


def early_stopping(val_losses, patience, min_delta=0.0, mode="min"):
    values = [float(v) for v in val_losses]
    if not values or patience < 0 or min_delta < 0 or mode not in ("min", "max"):
        raise ValueError("bad arguments")
    sign = 1.0 if mode == "min" else -1.0
    best, best_epoch, wait = math.inf, -1, 0
    for epoch, value in enumerate(values):
        value *= sign
        if value < best - min_delta:
            best, best_epoch, wait = value, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return epoch + 1, best_epoch
    return len(values), best_epoch
