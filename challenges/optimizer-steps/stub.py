"""One step of SGD (momentum / Nesterov), RMSProp and Adam, with PyTorch's rules. See prompt.md."""


def sgd_step(params, grad, velocity, lr=0.01, momentum=0.0, nesterov=False):
    """Return ``(params_new, velocity_new)`` with ``velocity_new = momentum * velocity + grad`` and
    ``params_new = params - lr * step``, where ``step`` is ``velocity_new``, or
    ``grad + momentum * velocity_new`` with Nesterov. Inputs are not modified."""
    raise NotImplementedError


def rmsprop_step(params, grad, square_avg, lr=0.01, alpha=0.99, eps=1e-8):
    """Return ``(params_new, square_avg_new)`` with ``square_avg_new = alpha * square_avg +
    (1 - alpha) * grad**2`` and ``params_new = params - lr * grad / (sqrt(square_avg_new) + eps)``."""
    raise NotImplementedError


def adam_step(params, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """Return ``(params_new, m_new, v_new)`` for Adam step ``t`` (counting from 1), with
    bias-corrected moments and ``eps`` added to ``sqrt(v_hat)``. Raises ValueError if t < 1."""
    raise NotImplementedError
