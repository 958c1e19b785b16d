"""Scaled dot-product attention. See prompt.md."""


def scaled_dot_product_attention(Q, K, V, mask=None):
    """Return ``(out, weights)``: ``weights = softmax(Q K^T / sqrt(d))`` over the keys (shape
    (..., Lq, Lk)), with positions where the boolean ``mask`` is False set to exactly 0 and fully
    masked rows all 0, and ``out = weights @ V`` (shape (..., Lq, dv)). Stable for scores of size
    1e4, vectorised over batch dimensions and queries. Raises ValueError on mismatched shapes."""
    raise NotImplementedError
