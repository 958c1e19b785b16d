"""Linear regression by batch gradient descent. See prompt.md."""


def linreg_gd(X, y, lr=0.01, n_iter=1000):
    """Return (w, b) after exactly n_iter full-batch gradient steps from w = 0, b = 0 on the loss
    1/(2n) * sum((X @ w + b - y) ** 2): each step computes r = X @ w + b - y once, then sets
    w -= lr * X.T @ r / n and b -= lr * mean(r) together. w is a float64 array of shape (d,), b a
    float. Raises ValueError for bad shapes, no rows, lr <= 0 or n_iter < 0."""
    raise NotImplementedError
