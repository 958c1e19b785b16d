"""Correct, plain-Python style: every slice along the axis is copied out and normalised in a
Python loop with ``math.exp``/``math.log`` (log-sum-exp by hand), and the losses and gradient are
built sample by sample."""

import math

import numpy as np


def _map_slices(z, axis, transform):
    z = np.array(z, dtype=np.float64)
    moved = np.moveaxis(z, axis, -1)
    out = np.empty_like(moved)
    for index in np.ndindex(moved.shape[:-1]):
        out[index] = transform([float(v) for v in moved[index]])
    return np.moveaxis(out, -1, axis)


def _log_softmax_list(values):
    top = max(values)
    log_total = math.log(math.fsum(math.exp(v - top) for v in values))
    return [v - top - log_total for v in values]


def _softmax_list(values):
    top = max(values)
    exps = [math.exp(v - top) for v in values]
    total = math.fsum(exps)
    return [e / total for e in exps]


def softmax(z, axis=-1):
    return _map_slices(z, axis, _softmax_list)


def log_softmax(z, axis=-1):
    return _map_slices(z, axis, _log_softmax_list)


def _validate(logits, y):
    logits = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y)
    if logits.ndim != 2:
        raise ValueError("logits must be 2-D")
    if logits.shape[0] == 0:
        raise ValueError("empty batch")
    if y.ndim != 1 or len(y) != logits.shape[0]:
        raise ValueError("y must be 1-D with one label per row")
    labels = [int(v) for v in y]
    for label in labels:
        if not 0 <= label < logits.shape[1]:
            raise ValueError(f"label {label} out of range")
    return logits.tolist(), labels


def cross_entropy(logits, y, reduction="mean"):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError("reduction must be 'mean', 'sum' or 'none'")
    rows, labels = _validate(logits, y)
    losses = [-_log_softmax_list(row)[label] for row, label in zip(rows, labels)]
    if reduction == "none":
        return np.array(losses)
    total = math.fsum(losses)
    return total if reduction == "sum" else total / len(losses)


def cross_entropy_grad(logits, y):
    rows, labels = _validate(logits, y)
    n = len(rows)
    grad = []
    for row, label in zip(rows, labels):
        probs = _softmax_list(row)
        probs[label] -= 1.0
        grad.append([p / n for p in probs])
    return np.array(grad, dtype=np.float64)
