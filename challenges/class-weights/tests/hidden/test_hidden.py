"""Hidden tests for class-weights.

Goldens were checked against scikit-learn 1.9.1's compute_class_weight("balanced", ...) and
compute_sample_weight("balanced", ...) and are frozen below as literals.
"""

import numpy as np
import pytest

from harness.assertions import as_array, assert_arrays_close

WORDS = ["ant", "Bee", "cat", "dog", "_eel", "fox", "Gnu", "hen", "a", "ab"]


def class_weights(candidate, y, **kwargs):
    """The candidate's (classes as a list, weights as a float array), after shape checks."""
    result = candidate.compute_class_weight(y, **kwargs)
    is_pair = isinstance(result, (tuple, list)) and len(result) == 2
    assert is_pair, f"expected a pair (classes, weights), got {type(result).__name__}"
    classes = np.asarray(result[0])
    assert classes.ndim == 1, f"classes: expected 1-D, got shape {classes.shape}"
    weights = as_array(result[1], "weights", ndim=1, kind="fiu")
    assert weights.shape == classes.shape, f"weights have shape {weights.shape}, classes {classes.shape}"
    return classes.tolist(), weights.astype(np.float64)


def oracle(y, classes=None):
    """Counting oracle: (classes, weights) from a loop over the samples."""
    counts = {}
    for label in y:
        counts[label] = counts.get(label, 0) + 1
    classes = sorted(counts) if classes is None else list(classes)
    return classes, np.array([len(y) / (len(classes) * counts[c]) for c in classes])


def random_labels(rng):
    n = int(rng.integers(1, 80))
    k = int(rng.integers(1, 7))
    if rng.random() < 0.5:
        pool = [int(v) for v in rng.choice(np.arange(-500, 500), size=k, replace=False)]
    else:
        pool = [str(v) for v in rng.choice(WORDS, size=k, replace=False)]
    weights = rng.dirichlet(np.ones(k))
    return [pool[i] for i in rng.choice(k, size=n, p=weights)]


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_string_labels_are_sorted(candidate):
    """String classes come sorted, each with its balanced weight."""
    classes, weights = class_weights(candidate, ["spam", "ham", "ham", "ham", "eggs"])
    assert classes == ["eggs", "ham", "spam"], f"classes: {classes}"
    assert_arrays_close(weights, [5 / 3, 5 / 9, 5 / 3], rtol=1e-12, name="weights")
    classes, _ = class_weights(candidate, ["b", "B", "_", "a", "A", "b"])
    assert classes == ["A", "B", "_", "a", "b"], f"classes: {classes}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_integer_labels_sort_numerically(candidate):
    """Integer classes come in numerical order, not in order of first appearance."""
    y = [10, 10, 9, 100, -1, 9, 10, 10]
    classes, weights = class_weights(candidate, y)
    assert classes == [-1, 9, 10, 100], f"classes: {classes}"
    assert_arrays_close(weights, [2.0, 1.0, 0.5, 2.0], rtol=1e-12, name="weights")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_explicit_classes_keep_their_order(candidate):
    """With explicit classes, the result follows their order."""
    classes, weights = class_weights(candidate, [0, 0, 0, 0, 1, 1, 2], classes=[2, 0, 1])
    assert classes == [2, 0, 1], f"classes: {classes}"
    assert_arrays_close(weights, [7 / 3, 7 / 12, 7 / 6], rtol=1e-12, name="weights")
    classes, weights = class_weights(candidate, ["x", "y", "y"], classes=np.array(["y", "x"]))
    assert classes == ["y", "x"], f"classes: {classes}"
    assert_arrays_close(weights, [0.75, 1.5], rtol=1e-12, name="weights")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_a_counting_oracle_on_random_labels(candidate, grading_seed):
    """On 80 generated label lists, classes and weights match a sample-by-sample count."""
    rng = np.random.default_rng(grading_seed)
    for _ in range(80):
        y = random_labels(rng)
        want_classes, want_weights = oracle(y)
        classes, weights = class_weights(candidate, y)
        assert classes == want_classes, f"classes {classes}, expected {want_classes}"
        assert_arrays_close(weights, want_weights, rtol=1e-12, name="weights")
        shuffled = [want_classes[i] for i in rng.permutation(len(want_classes))]
        classes, weights = class_weights(candidate, y, classes=shuffled)
        assert classes == shuffled, f"classes {classes}, expected {shuffled}"
        assert_arrays_close(weights, oracle(y, shuffled)[1], rtol=1e-12, name="weights with explicit classes")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_every_class_gets_the_same_total_weight(candidate, grading_seed):
    """Count times weight is n / K for every class, and shuffling y changes nothing."""
    rng = np.random.default_rng(grading_seed + 1)
    for _ in range(30):
        y = random_labels(rng)
        classes, weights = class_weights(candidate, y)
        counts = np.array([y.count(c) for c in classes])
        assert_arrays_close(counts * weights, np.full(len(classes), len(y) / len(classes)), rtol=1e-12, name="totals")
        permuted = [y[i] for i in rng.permutation(len(y))]
        classes2, weights2 = class_weights(candidate, permuted)
        assert classes2 == classes, "shuffling y changed the classes"
        assert_arrays_close(weights2, weights, rtol=1e-12, name="weights after shuffling y")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_sample_weights_on_random_labels(candidate, grading_seed):
    """On 60 generated label lists, each sample gets its class's weight and the mean weight is 1."""
    rng = np.random.default_rng(grading_seed + 2)
    for _ in range(60):
        y = random_labels(rng)
        classes, weights = oracle(y)
        lookup = dict(zip(classes, weights.tolist()))
        got = as_array(candidate.compute_sample_weight(y), "sample weights", ndim=1, kind="fiu")
        assert_arrays_close(got, [lookup[label] for label in y], rtol=1e-12, name="sample weights")
        assert_arrays_close(np.mean(got), 1.0, rtol=1e-12, name="mean sample weight")
        order = [classes[i] for i in rng.permutation(len(classes))]
        got = candidate.compute_sample_weight(np.array(y), classes=order)
        assert_arrays_close(got, [lookup[label] for label in y], rtol=1e-12, name="sample weights, explicit classes")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_balanced_data_gets_weight_one(candidate):
    """Classes of equal size get equal weights of the right value."""
    _, weights = class_weights(candidate, ["a", "b", "c"] * 4)
    assert_arrays_close(weights, [1.0, 1.0, 1.0], rtol=1e-12, name="weights")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_a_single_class(candidate):
    """Data with only one class gets the right class and sample weights."""
    classes, weights = class_weights(candidate, [4, 4, 4])
    assert classes == [4], f"classes: {classes}"
    assert_arrays_close(weights, [1.0], rtol=1e-12, name="weights")
    assert_arrays_close(candidate.compute_sample_weight(["z"]), [1.0], rtol=1e-12, name="sample weights")


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_explicit_class_absent_from_y_raises_value_error(candidate):
    """A given class that does not occur in y is rejected by both functions, wherever it sorts."""
    for classes in ([0, 1, 2], [-1, 0, 1], [0, 5, 1], [5]):
        with pytest.raises(ValueError):
            candidate.compute_class_weight([0, 0, 1], classes=classes)
        with pytest.raises(ValueError):
            candidate.compute_sample_weight([0, 0, 1], classes=classes)
    with pytest.raises(ValueError):
        candidate.compute_class_weight(["a", "b"], classes=["a", "b", "c"])


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_label_missing_from_explicit_classes_raises_value_error(candidate):
    """A label of y that is not among the given classes is rejected by both functions."""
    for y in ([0, 1, 2], [0, 1, -4], [0, 1, 1, 7]):
        with pytest.raises(ValueError):
            candidate.compute_class_weight(y, classes=[0, 1])
        with pytest.raises(ValueError):
            candidate.compute_sample_weight(y, classes=[0, 1])
    with pytest.raises(ValueError):
        candidate.compute_class_weight(["a", "b", "bb"], classes=["a", "b"])


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_extreme_imbalance(candidate):
    """A class with a single sample among a thousand gets its exact balanced weight."""
    y = np.array([0] * 999 + [1])
    _, weights = class_weights(candidate, y)
    assert_arrays_close(weights, [1000 / 1998, 500.0], rtol=1e-12, name="weights")


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_return_types(candidate):
    """compute_class_weight returns a tuple of two numpy arrays, weights float64; sample weights are float64."""
    result = candidate.compute_class_weight([1, 2, 2])
    assert isinstance(result, tuple) and len(result) == 2, f"expected a tuple of two, got {type(result).__name__}"
    classes, weights = result
    assert isinstance(classes, np.ndarray), f"classes is a {type(classes).__name__}"
    assert isinstance(weights, np.ndarray), f"weights is a {type(weights).__name__}"
    assert weights.dtype == np.float64, f"weights have dtype {weights.dtype}"
    sample = candidate.compute_sample_weight([1, 2, 2])
    assert isinstance(sample, np.ndarray), f"sample weights are a {type(sample).__name__}"
    assert sample.dtype == np.float64 and sample.shape == (3,), f"sample weights: {sample.dtype} {sample.shape}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_numpy_arrays_and_lists_agree(candidate):
    """numpy arrays of ints or strings give the same result as lists."""
    for y in ([3, 1, 3, 3], ["q", "p", "q", "q"]):
        from_list = class_weights(candidate, y)
        from_array = class_weights(candidate, np.array(y))
        assert from_list[0] == from_array[0], "classes differ between a list and an array"
        assert_arrays_close(from_array[1], from_list[1], rtol=1e-12, name="weights")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_invalid_inputs_raise_value_error(candidate):
    """An empty or 2-D y, and explicit classes that are empty or repeat a class, are rejected."""
    for function in (candidate.compute_class_weight, candidate.compute_sample_weight):
        with pytest.raises(ValueError):
            function([])
        with pytest.raises(ValueError):
            function(np.array([[0, 1], [1, 0]]))
        with pytest.raises(ValueError):
            function([0, 1, 1], classes=[0, 1, 1])
        with pytest.raises(ValueError):
            function([0, 1, 1], classes=[])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """The functions leave y and classes unchanged."""
    y, classes = np.array([2, 0, 1, 0, 2, 2]), np.array([2, 1, 0])
    for function in (candidate.compute_class_weight, candidate.compute_sample_weight):
        _, args, kwargs = function.returning_args(y.copy(), classes=classes.copy())
        np.testing.assert_array_equal(args[0], y, err_msg="y was modified")
        np.testing.assert_array_equal(kwargs["classes"], classes, err_msg="classes was modified")


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_a_million_samples(candidate, grading_seed):
    """A million samples with a very rare class: weights exact to float64 precision."""
    rng = np.random.default_rng(grading_seed + 3)
    y = rng.choice(np.array([7, 3, 5]), size=1_000_000, p=[0.8999, 0.1, 0.0001])
    counts = [int(np.sum(y == c)) for c in (3, 5, 7)]
    want = [1_000_000 / (3 * c) for c in counts]
    _, weights = class_weights(candidate, y)
    assert_arrays_close(weights, want, rtol=1e-13, name="weights")
    sample = as_array(candidate.compute_sample_weight(y), "sample weights", ndim=1, kind="f")
    lookup = np.array(want)[np.searchsorted([3, 5, 7], y)]
    assert_arrays_close(sample, lookup, rtol=1e-13, name="sample weights")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_large_integer_labels_stay_distinct(candidate):
    """Integer labels too large to convert to floats exactly stay distinct classes."""
    y = np.array([2**53 + 1, 2**53, 2**53 + 1, 2**62], dtype=np.int64)
    classes, weights = class_weights(candidate, y)
    assert classes == [2**53, 2**53 + 1, 2**62], f"classes: {classes}"
    assert_arrays_close(weights, [4 / 3, 2 / 3, 4 / 3], rtol=1e-12, name="weights")
