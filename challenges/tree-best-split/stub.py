"""Best binary split for a decision tree. See prompt.md."""


def best_split(X, y, criterion="gini"):
    """Return (feature, threshold, impurity_decrease) of the split X[:, feature] <= threshold
    with the smallest weighted child impurity (Gini, or entropy in bits). Thresholds are midpoints
    of consecutive distinct values; scores within 1e-9 tie, and ties go to the lowest feature, then
    the lowest threshold. Return None for a pure node or when every feature is constant. Raises
    ValueError for bad shapes, no rows or an unknown criterion."""
    raise NotImplementedError
