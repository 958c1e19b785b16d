"""Wrong: copies Keras's extra stop condition "and epoch > 0", so training can never stop at
epoch 0 (e.g. a nan first epoch with patience 0), which the prompt's rule does not have."""

import math


def early_stopping(val_losses, patience, min_delta=0.0, mode="min"):
    values = [float(v) for v in val_losses]
    if not values or patience < 0 or min_delta < 0 or mode not in ("min", "max"):
        raise ValueError("bad arguments")
    better = (lambda v, b: v < b - min_delta) if mode == "min" else (lambda v, b: v > b + min_delta)
    best = math.inf if mode == "min" else -math.inf
    best_epoch, wait = -1, 0
    for epoch, value in enumerate(values):
        wait += 1
        if better(value, best):
            best, best_epoch, wait = value, epoch, 0
            continue
        if wait >= patience and epoch > 0:
            return epoch, best_epoch
    return len(values) - 1, best_epoch
