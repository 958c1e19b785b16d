"""Population Stability Index for data drift. See prompt.md."""


def psi_from_proportions(expected_props, actual_props, eps=1e-4):
    """Return PSI = sum((a - e) * ln(a / e)) as a float, after replacing every proportion that is
    exactly 0 by ``eps``. Raises ValueError when the proportions differ in length or are empty."""
    raise NotImplementedError


def psi(expected, actual, bins=10, eps=1e-4):
    """Return the PSI between two raw samples as a float. Edges are
    ``np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1)))`` with the outermost two
    replaced by -inf and +inf; a value equal to an edge goes to the bin on its right. Raises
    ValueError on an empty sample or ``bins < 1``."""
    raise NotImplementedError
