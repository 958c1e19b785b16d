"""Correct, object style: an EarlyStopping class with a step() method that returns True when
training must stop, written with the "best - value > min_delta" form and an explicit nan check;
the function feeds it the history and returns Python ints."""

import math


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0, mode="min"):
        if patience < 0:
            raise ValueError("patience must be >= 0")
        if min_delta < 0:
            raise ValueError("min_delta must be >= 0")
        if mode not in ("min", "max"):
            raise ValueError("mode must be 'min' or 'max'")
        self.patience, self.min_delta, self.mode = patience, min_delta, mode
        self.best = None
        self.best_epoch = -1
        self.wait = 0
        self.epoch = -1

    def _improves(self, value):
        if math.isnan(value):
            return False
        if self.best is None:
            return True
        gain = self.best - value if self.mode == "min" else value - self.best
        return gain > self.min_delta

    def step(self, value):
        self.epoch += 1
        if self._improves(value):
            self.best, self.best_epoch, self.wait = value, self.epoch, 0
            return False
        self.wait += 1
        return self.wait >= self.patience


def early_stopping(val_losses, patience, min_delta=0.0, mode="min"):
    values = [float(v) for v in val_losses]
    if not values:
        raise ValueError("val_losses is empty")
    stopper = EarlyStopping(patience, min_delta, mode)
    for value in values:
        if stopper.step(value):
            break
    return stopper.epoch, stopper.best_epoch
