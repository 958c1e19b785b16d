"""BatchNorm1d with PyTorch conventions. See prompt.md."""


class BatchNorm1d:
    """Batch normalisation of (N, F) inputs with learnable ``gamma``/``beta`` and running
    statistics ``running_mean``/``running_var`` (float64 arrays of shape (F,))."""

    def __init__(self, num_features, eps=1e-5, momentum=0.1, gamma=None, beta=None):
        """Create the layer: ``gamma`` ones and ``beta`` zeros unless given (shape (F,), else
        ValueError), ``running_mean`` zeros and ``running_var`` ones."""
        raise NotImplementedError

    def forward(self, x, training=True):
        """Normalise ``x`` (N, F): with the batch's biased statistics in training mode (also
        updating the running statistics with the unbiased variance, new = (1 - m) * old + m * batch),
        with the running statistics in eval mode. Returns ``gamma * x_hat + beta``."""
        raise NotImplementedError

    def backward(self, dy):
        """Return ``(dx, dgamma, dbeta)`` for the most recent forward call, given the gradient
        ``dy`` of the loss with respect to its output."""
        raise NotImplementedError
