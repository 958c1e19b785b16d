"""Hidden tests for tree-best-split."""

import math
from fractions import Fraction

import numpy as np
import pytest

from harness.assertions import assert_close


def _impurity(counts, criterion):
    total = sum(counts)
    if criterion == "gini":
        return 1 - sum(Fraction(c, total) ** 2 for c in counts)
    return -sum(c / total * math.log2(c / total) for c in counts if c)


def oracle(X, y, criterion="gini"):
    """An independent brute force: every feature and midpoint, in order; exact fractions for Gini.

    Returns None or (feature, low, high, decrease), where the threshold lies between the
    consecutive distinct values ``low`` and ``high``."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).tolist()
    classes = sorted(set(y))
    parent = _impurity([y.count(c) for c in classes], criterion)
    if len(classes) == 1:
        return None
    n = len(y)
    splits = []
    for feature in range(X.shape[1]):
        values = sorted(set(X[:, feature].tolist()))
        for low, high in zip(values, values[1:]):
            left = [label for label, v in zip(y, X[:, feature]) if v <= low]
            right = [label for label, v in zip(y, X[:, feature]) if v > low]
            score = (
                len(left) * _impurity([left.count(c) for c in classes], criterion)
                + len(right) * _impurity([right.count(c) for c in classes], criterion)
            ) / n
            splits.append((score, feature, low, high))
    if not splits:
        return None
    best = min(s[0] for s in splits)
    tol = 0 if criterion == "gini" else 1e-9
    score, feature, low, high = next(s for s in splits if s[0] <= best + tol)
    return feature, low, high, float(parent - score)


def check(result, X, expected, context=""):
    """The candidate's result agrees with the oracle: same feature, same samples sent left, same
    decrease. The threshold is only checked to lie in [low, high) (the partition)."""
    if expected is None:
        assert result is None, f"{context}expected None (nothing to split), got {result!r}"
        return
    assert isinstance(result, (tuple, list)) and len(result) == 3, (
        f"{context}expected a (feature, threshold, impurity_decrease) tuple, got {result!r}"
    )
    feature, threshold, decrease = result
    want_feature, low, high, want_decrease = expected
    assert np.ndim(feature) == 0 and float(feature) == int(feature), f"{context}feature {feature!r} is not an index"
    assert int(feature) == want_feature, f"{context}split on feature {int(feature)}, expected feature {want_feature}"
    t = float(threshold)
    column = np.asarray(X, dtype=np.float64)[:, want_feature]
    wrong = np.flatnonzero((column <= t) != (column <= low))
    assert wrong.size == 0, (
        f"{context}the threshold sends different samples left than the best split does "
        f"(it should lie between {low!r} and {high!r}, got {t!r})"
    )
    assert_close(decrease, want_decrease, rtol=1e-9, atol=1e-9, name=f"{context}impurity decrease")


def check_midpoint(result, low, high, context=""):
    assert_close(result[1], low / 2 + high / 2, rtol=1e-9, atol=0, name=f"{context}threshold")


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_thresholds_are_midpoints(candidate):
    """The threshold is the midpoint between the two consecutive distinct values it separates."""
    X = np.array([[0.5, 10.0], [0.7, 30.0], [3.9, 20.0], [4.0, 90.0], [9.0, 70.0], [12.5, 40.0]])
    for y in ([0, 0, 1, 1, 1, 1], [0, 0, 0, 0, 1, 1], [1, 0, 1, 0, 0, 1], [0, 1, 1, 0, 1, 0]):
        expected = oracle(X, y)
        result = candidate.best_split(X, y)
        check(result, X, expected, f"labels {y}: ")
        check_midpoint(result, expected[1], expected[2], f"labels {y}: ")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_perfect_splits_remove_the_parent_impurity(candidate):
    """When a split separates the classes completely, the decrease is the parent's impurity."""
    for y, gini in [
        ([0, 0, 0, 0, 1, 1, 1, 1], 0.5),
        ([0, 0, 0, 0, 0, 1], 1 - (5 / 6) ** 2 - (1 / 6) ** 2),
        ([0, 0, 1, 1, 1, 1, 1], 1 - (2 / 7) ** 2 - (5 / 7) ** 2),
    ]:
        X = np.arange(len(y), dtype=float)[:, None]
        check(candidate.best_split(X, y), X, (0, float(y.index(1) - 1), float(y.index(1)), gini), f"labels {y}: ")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_entropy_is_in_bits(candidate):
    """Entropy uses log base 2: separating a 50/50 node perfectly removes exactly 1 bit."""
    X = np.array([[3.0], [1.0], [4.0], [2.0]])
    check(candidate.best_split(X, [1, 0, 1, 0], criterion="entropy"), X, (0, 2.0, 3.0, 1.0))


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_multiclass_node(candidate):
    """Three classes: the best split isolates the class that is cheapest to separate."""
    X = np.array([[1.0, 5.0], [2.0, 4.0], [3.0, 6.0], [4.0, 1.0], [5.0, 2.0], [6.0, 3.0], [7.0, 8.0]])
    y = [2, 2, 2, 0, 0, 1, 1]
    for criterion in ("gini", "entropy"):
        check(candidate.best_split(X, y, criterion=criterion), X, oracle(X, y, criterion), f"{criterion}: ")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_brute_force_gini(candidate, grading_seed):
    """On 60 generated nodes (repeated values, 2 to 4 classes), the Gini split matches an exact brute force."""
    rng = np.random.default_rng(grading_seed)
    for case in range(60):
        n, d = int(rng.integers(2, 30)), int(rng.integers(1, 5))
        X = rng.integers(0, int(rng.integers(2, 8)), size=(n, d)).astype(float) * rng.uniform(0.5, 3.0)
        y = rng.integers(0, int(rng.integers(2, 5)), size=n)
        check(candidate.best_split(X, y), X, oracle(X, y), f"case {case} (n={n}, d={d}): ")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_matches_brute_force_entropy(candidate, grading_seed):
    """On 60 generated nodes, the entropy split matches a brute force."""
    rng = np.random.default_rng(grading_seed + 1)
    for case in range(60):
        n, d = int(rng.integers(2, 30)), int(rng.integers(1, 5))
        X = rng.integers(0, int(rng.integers(2, 8)), size=(n, d)).astype(float) - 2.5
        y = rng.integers(0, int(rng.integers(2, 5)), size=n)
        check(candidate.best_split(X, y, criterion="entropy"), X, oracle(X, y, "entropy"), f"case {case} (n={n}, d={d}): ")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_children_are_weighted_by_size(candidate):
    """The children's impurities are weighted by their sizes, not simply averaged."""
    X = np.arange(10, dtype=float)[:, None]
    y = [0, 1, 0, 0, 0, 0, 0, 1, 1, 1]
    check(candidate.best_split(X, y), X, oracle(X, y))
    check(candidate.best_split(X, y, criterion="entropy"), X, oracle(X, y, "entropy"))


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_pure_node_with_varying_features_returns_none(candidate):
    """All labels equal: None, although the features vary (both criteria)."""
    X = np.array([[1.0, 3.0], [2.0, 1.0], [5.0, 2.0]])
    assert candidate.best_split(X, [4, 4, 4]) is None
    assert candidate.best_split(X, ["x", "x", "x"], criterion="entropy") is None


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_all_features_constant_returns_none(candidate):
    """Every feature constant: no candidate threshold, so None."""
    X = np.array([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0], [1.0, 2.0]])
    assert candidate.best_split(X, [0, 1, 0, 1]) is None
    assert candidate.best_split(X, [0, 1, 1, 1], criterion="entropy") is None


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_constant_feature_is_never_chosen(candidate):
    """A constant first feature is skipped; the split uses a varying feature."""
    X = np.array([[5.0, 1.0], [5.0, 2.0], [5.0, 3.0], [5.0, 4.0]])
    check(candidate.best_split(X, [0, 0, 1, 1]), X, (1, 2.0, 3.0, 0.5))


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_identical_features_tie_to_the_lowest_index(candidate):
    """Two identical columns give equally good splits: the lower feature index wins."""
    rng = np.random.default_rng(3)
    x = rng.integers(0, 6, size=15).astype(float)
    noise = rng.normal(size=15) * 100
    X = np.column_stack([noise, x, x])
    y = (x > 2).astype(int)
    y[:2] = 1 - y[:2]
    for criterion in ("gini", "entropy"):
        expected = oracle(X, y, criterion)
        assert expected[0] == 1
        check(candidate.best_split(X, y, criterion=criterion), X, expected, f"{criterion}: ")


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_equally_good_thresholds_tie_to_the_lowest(candidate):
    """Two thresholds of one feature that are equally good: the lower threshold wins."""
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    for criterion in ("gini", "entropy"):
        check(candidate.best_split(X, [0, 1, 1, 0], criterion=criterion), X, oracle(X, [0, 1, 1, 0], criterion), f"{criterion}: ")
        result = candidate.best_split(X, [0, 1, 1, 0], criterion=criterion)
        assert float(result[1]) < 2.0, f"{criterion}: threshold {result[1]} is not the lowest of the tied ones (1.5)"


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_sample_returns_none(candidate):
    """A single sample is a pure node: None."""
    assert candidate.best_split([[3.0, 4.0]], [1]) is None


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_split_without_improvement_is_still_returned(candidate):
    """When the only possible split does not lower the impurity, it is returned with decrease 0."""
    X = np.array([[1.0], [1.0], [2.0], [2.0]])
    result = candidate.best_split(X, [0, 1, 0, 1])
    check(result, X, (0, 1.0, 2.0, 0.0))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_entropy_with_missing_classes_has_no_nan(candidate):
    """Children missing some classes (0 log 0 = 0) give a finite entropy decrease."""
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = [0, 0, 1, 1, 2, 2]
    result = candidate.best_split(X, y, criterion="entropy")
    assert result is not None and not math.isnan(float(result[2])), f"got {result!r}"
    check(result, X, oracle(X, y, "entropy"))


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_return_types(candidate):
    """The result is a tuple of an integer feature index and two floats."""
    result = candidate.best_split(np.array([[1.0, 3.0], [2.0, 1.0], [5.0, 2.0]]), np.array([0, 1, 1]))
    assert isinstance(result, tuple) and len(result) == 3, f"expected a tuple of 3, got {result!r}"
    feature, threshold, decrease = result
    assert isinstance(feature, (int, np.integer)) and not isinstance(feature, bool), f"feature: {type(feature).__name__}"
    assert isinstance(threshold, (float, np.floating)), f"threshold: {type(threshold).__name__}"
    assert isinstance(decrease, (float, np.floating)), f"impurity decrease: {type(decrease).__name__}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_default_criterion_is_gini(candidate):
    """Without a criterion, Gini is used."""
    X = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
    y = [0, 0, 1, 1, 1]
    check(candidate.best_split(X, y), X, (0, 2.0, 3.0, 0.48))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_string_and_unusual_integer_labels_and_lists(candidate):
    """String labels, negative or sparse integer labels, and nested lists all work."""
    X = [[0.1, 2.0], [0.4, 1.0], [0.35, 3.0], [0.8, 0.0], [0.9, 5.0]]
    for y in (["dog", "cat", "dog", "cat", "cat"], [-5, 100, -5, 100, 100], [7, 3, 7, 3, 3]):
        check(candidate.best_split(X, y), X, oracle(X, y), f"labels {y}: ")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_unknown_criteria_raise_value_error(candidate):
    """Criteria other than "gini" and "entropy" are rejected with ValueError."""
    for criterion in ("Gini", "log_loss", ""):
        with pytest.raises(ValueError):
            candidate.best_split([[1.0], [2.0]], [0, 1], criterion=criterion)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_shapes_raise_value_error(candidate):
    """A 1-D X, a 2-D y, mismatched lengths and an X without rows are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.best_split(np.array([1.0, 2.0, 3.0]), np.array([0, 1, 0]))
    with pytest.raises(ValueError):
        candidate.best_split(np.ones((3, 2)), np.zeros((3, 1)))
    with pytest.raises(ValueError):
        candidate.best_split(np.ones((3, 2)), np.array([0, 1]))
    with pytest.raises(ValueError):
        candidate.best_split(np.ones((0, 2)), np.array([], dtype=np.int64))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """The function does not modify X or y (no sorting in place)."""
    X = np.array([[3.0, 1.0], [1.0, 2.0], [2.0, 0.5], [0.5, 4.0]])
    y = np.array([1, 0, 1, 0])
    _, args, _ = candidate.best_split.returning_args(X.copy(), y.copy())
    np.testing.assert_array_equal(args[0], X)
    np.testing.assert_array_equal(args[1], y)


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_rounding_does_not_break_ties(candidate):
    """Mathematically equal scores that differ by rounding count as ties (lowest feature, then threshold)."""
    # Found by search: in float arithmetic the later of the tied splits comes out smaller.
    X1 = np.array([[1, 5], [2, 2], [1, 3], [4, 3], [1, 4], [1, 4], [3, 0], [0, 4]], dtype=float)
    y1 = [1, 0, 1, 1, 0, 1, 1, 1]
    check(candidate.best_split(X1, y1), X1, (0, 2.0, 3.0, float(oracle(X1, y1)[3])), "two features: ")
    X2 = np.array([[3], [0], [1], [2], [0], [5], [5], [4], [4], [2]], dtype=float)
    y2 = [2, 0, 0, 1, 0, 1, 1, 2, 1, 0]
    check(candidate.best_split(X2, y2), X2, (0, 1.0, 2.0, float(oracle(X2, y2)[3])), "one feature: ")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_huge_values_do_not_overflow(candidate):
    """Values near 1e308: the midpoint threshold stays finite and separates the right samples."""
    X = np.array([[1.0e308], [1.6e308], [1.2e308], [1.7e308]])
    result = candidate.best_split(X, [0, 1, 0, 1])
    check(result, X, (0, 1.2e308, 1.6e308, 0.5))
    assert math.isfinite(float(result[1])), f"threshold {result[1]} is not finite"


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_adjacent_floats(candidate):
    """Two adjacent floats: the threshold still sends only the smaller value left."""
    low = float(np.nextafter(1.0, 0.0))
    X = np.array([[low], [1.0], [low], [1.0]])
    check(candidate.best_split(X, [0, 1, 0, 1]), X, (0, low, 1.0, 0.5))


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_integer_float32_and_negative_features(candidate):
    """Integer, float32 and negative feature values give the same splits as float64."""
    X = np.array([[-3, 2], [-1, 7], [-2, 5], [4, 1], [0, 3], [-5, 6]])
    y = [1, 0, 0, 1, 1, 0]
    for data in (X, X.astype(np.float32), X.astype(np.float64) * 0.1):
        check(candidate.best_split(data, y), data, oracle(data, y), f"dtype {data.dtype}: ")
