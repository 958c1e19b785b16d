"""Correct, einsum style with an additive bias: scores via ``np.einsum``, the mask turned into a
0 / -inf bias, the row maximum taken over finite entries only (``np.nanmax`` on a NaN-filled
copy), and fully masked rows zeroed with ``np.nan_to_num`` after the softmax."""

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    if Q.shape[-1] != K.shape[-1] or K.shape[-2] != V.shape[-2]:
        raise ValueError("incompatible shapes for Q, K and V")
    scores = np.einsum("...qd,...kd->...qk", Q, K) / np.sqrt(Q.shape[-1])
    if mask is not None:
        bias = np.where(np.asarray(mask, dtype=bool), 0.0, -np.inf)
        scores = scores + bias
    finite = np.where(np.isneginf(scores), np.nan, scores)
    all_masked = np.all(np.isnan(finite), axis=-1, keepdims=True)
    safe = np.where(all_masked, 0.0, finite)
    row_max = np.nanmax(np.where(np.isnan(safe), -np.inf, safe), axis=-1, keepdims=True)
    with np.errstate(invalid="ignore"):
        e = np.exp(scores - row_max)
        weights = e / e.sum(axis=-1, keepdims=True)
    weights = np.nan_to_num(weights, nan=0.0)
    weights = np.where(all_masked, 0.0, weights)
    out = np.einsum("...qk,...kv->...qv", weights, V)
    return out, weights
