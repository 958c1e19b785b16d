"""Binary logistic regression by gradient descent. See prompt.md."""


def sigmoid(z):
    """Return 1 / (1 + exp(-z)) elementwise as a float64 array of z's shape, without overflow:
    exactly 1.0 / 0.0 for huge positive / negative z, never NaN, accurate in the negative tail."""
    raise NotImplementedError


def logreg_loss(X, y, w, b, l2=0.0):
    """Return the mean binary cross-entropy of labels y (0/1) for logits X @ w + b, plus
    (l2 / 2) * ||w||^2 (the intercept b is not penalised), as a float; stable for huge logits.
    Raises ValueError for bad shapes, labels other than 0/1 or l2 < 0."""
    raise NotImplementedError


def logreg_gradient(X, y, w, b, l2=0.0):
    """Return (grad_w, grad_b): X.T @ (sigmoid(z) - y) / n + l2 * w and mean(sigmoid(z) - y),
    with z = X @ w + b. Raises ValueError like logreg_loss."""
    raise NotImplementedError


def logreg_fit(X, y, lr=0.1, n_iter=1000, l2=0.0):
    """Return (w, b) after exactly n_iter full-batch gradient steps from w = 0, b = 0, updating
    w -= lr * grad_w and b -= lr * grad_b together. Raises ValueError for bad inputs, lr <= 0 or
    n_iter < 0."""
    raise NotImplementedError


def logreg_predict(X, w, b):
    """Return an integer array: 1 where X @ w + b >= 0 (sigmoid >= 0.5), else 0."""
    raise NotImplementedError
