"""Wrong (too slow), per-query loop: correct results, but a Python loop over every query of every
batch element computes one row of scores at a time, about 100 times slower than batched matrix
products on large inputs."""

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    Q = np.asarray(Q, dtype=float)
    K = np.asarray(K, dtype=float)
    V = np.asarray(V, dtype=float)
    if Q.shape[-1] != K.shape[-1] or K.shape[-2] != V.shape[-2]:
        raise ValueError("shape mismatch")
    lead = Q.shape[:-2]
    lq, d = Q.shape[-2:]
    lk = K.shape[-2]
    keep = np.ones(lead + (lq, lk), bool) if mask is None else np.broadcast_to(np.asarray(mask, bool), lead + (lq, lk))
    out = np.zeros(lead + (lq, V.shape[-1]))
    weights = np.zeros(lead + (lq, lk))
    for index in np.ndindex(*lead):
        for i in range(lq):
            row_keep = keep[index + (i,)]
            if not row_keep.any():
                continue
            s = K[index] @ Q[index + (i,)] / np.sqrt(d)
            s = np.where(row_keep, s, -np.inf)
            e = np.exp(s - s.max())
            w = e / e.sum()
            weights[index + (i,)] = w
            out[index + (i,)] = w @ V[index]
    return out, weights
