"""Correct, one-matrix-at-a-time style: a Python loop over the batch/head indices only
(``np.ndindex`` of the leading shape), each (Lq, Lk) block computed with 2-D matrix products,
the mask broadcast explicitly, masked scores replaced by the row's smallest unmasked score before
exponentiating and then zeroed."""

import numpy as np


def _one(q, k, v, keep):
    scores = q @ k.T / np.sqrt(q.shape[1])
    any_kept = keep.any(axis=1)
    low = np.where(keep, scores, np.inf).min(axis=1, keepdims=True)
    low = np.where(np.isfinite(low), low, 0.0)
    scores = np.where(keep, scores, low)
    e = np.exp(scores - scores.max(axis=1, keepdims=True)) * keep
    sums = e.sum(axis=1, keepdims=True)
    w = np.zeros_like(e)
    w[any_kept] = e[any_kept] / sums[any_kept]
    return w @ v, w


def scaled_dot_product_attention(Q, K, V, mask=None):
    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    if Q.shape[-1] != K.shape[-1]:
        raise ValueError("Q and K need the same feature size")
    if K.shape[-2] != V.shape[-2]:
        raise ValueError("K and V need the same length")
    lead = Q.shape[:-2]
    lq, lk = Q.shape[-2], K.shape[-2]
    if mask is None:
        keep = np.ones(lead + (lq, lk), dtype=bool)
    else:
        keep = np.broadcast_to(np.asarray(mask, dtype=bool), lead + (lq, lk))
    out = np.empty(lead + (lq, V.shape[-1]))
    weights = np.empty(lead + (lq, lk))
    for index in np.ndindex(*lead):
        out[index], weights[index] = _one(Q[index], K[index], V[index], keep[index])
    return out, weights
