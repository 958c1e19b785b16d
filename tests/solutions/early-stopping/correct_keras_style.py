"""Correct, Keras style: a monitor_op (np.less / np.greater) with min_delta folded into a signed
delta, improvement tested as monitor_op(value - delta, best); wait is incremented first and reset
on improvement. Returns numpy ints from an index array."""

import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0, mode="min"):
    history = np.array(val_losses, dtype=float)
    if history.size == 0:
        raise ValueError("empty history")
    if patience < 0 or min_delta < 0:
        raise ValueError("patience and min_delta must be non-negative")
    if mode == "min":
        monitor_op, delta, best = np.less, -min_delta, np.inf
    elif mode == "max":
        monitor_op, delta, best = np.greater, min_delta, -np.inf
    else:
        raise ValueError(f"unknown mode {mode!r}")
    index = np.arange(history.size)
    best_epoch = np.int64(-1)
    wait = 0
    for epoch in index:
        current = history[epoch]
        wait += 1
        if monitor_op(current - delta, best):
            best, best_epoch, wait = current, epoch, 0
            continue
        if wait >= patience:
            return epoch, best_epoch
    return index[-1], best_epoch
