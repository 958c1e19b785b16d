"""Ridge regression in closed form. See prompt.md."""


def ridge_fit(X, y, alpha=1.0, fit_intercept=True):
    """Return (w, b) minimising ||y - X w - b||^2 + alpha ||w||^2 (sum of squares, intercept not
    penalised): w solves (Xc^T Xc + alpha I) w = Xc^T yc on centred data and b = mean(y) -
    mean(X, axis=0) @ w. With fit_intercept=False there is no centring and b = 0.0. w is a float64
    array of shape (d,). Raises ValueError for bad shapes, no rows or alpha < 0."""
    raise NotImplementedError
