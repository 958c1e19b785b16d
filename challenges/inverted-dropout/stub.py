"""Inverted dropout. See prompt.md."""


def dropout_forward(x, p=0.5, training=True, seed=None):
    """Return ``(out, mask)``. In training, ``mask`` is a bool array (True = kept, each element
    kept independently with probability 1 - p, drawn from ``np.random.default_rng(seed)``) and
    ``out = x / (1 - p)`` where kept, 0 elsewhere (all zeros when p = 1). In evaluation, ``out``
    equals ``x`` and ``mask`` is None. Raises ValueError unless 0 <= p <= 1."""
    raise NotImplementedError


def dropout_backward(dout, mask, p):
    """Return the gradient with respect to ``x``: ``dout / (1 - p)`` where ``mask`` is True and 0
    elsewhere, or ``dout`` itself when ``mask`` is None. Raises ValueError unless 0 <= p <= 1 or
    when ``mask``'s shape differs from ``dout``'s."""
    raise NotImplementedError
