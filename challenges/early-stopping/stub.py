"""Patience-based early stopping. See prompt.md."""


def early_stopping(val_losses, patience, min_delta=0.0, mode="min"):
    """Replay ``val_losses`` epoch by epoch and return ``(stop_epoch, best_epoch)``, 0-based. An
    epoch improves when its value is strictly better than the best so far by more than
    ``min_delta`` (lower in "min" mode, higher in "max" mode; nan never improves); training stops
    at the first epoch where ``patience`` epochs in a row have not improved, else at the last
    epoch; ``best_epoch`` is the last improving epoch (-1 if none). Raises ValueError on empty
    input, negative patience or min_delta, or an unknown mode."""
    raise NotImplementedError
