"""Wrong: stops correctly but reports the epoch with the lowest (highest) value seen as the best
epoch, ignoring min_delta, instead of the last epoch that counted as an improvement."""

import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0, mode="min"):
    values = np.asarray(val_losses, dtype=float)
    if values.size == 0 or patience < 0 or min_delta < 0 or mode not in ("min", "max"):
        raise ValueError("bad arguments")
    signed = values if mode == "min" else -values
    best, wait, stop = np.inf, 0, len(values) - 1
    for epoch, value in enumerate(signed):
        if value < best - min_delta:
            best, wait = value, 0
        else:
            wait += 1
            if wait >= patience:
                stop = epoch
                break
    seen = signed[: stop + 1]
    if np.all(np.isnan(seen)):
        return stop, -1
    return stop, int(np.nanargmin(seen))
