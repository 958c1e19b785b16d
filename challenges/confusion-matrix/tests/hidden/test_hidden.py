"""Hidden tests for confusion-matrix."""

import numpy as np
import pytest

from harness.assertions import assert_faster_than


def counting_oracle(y_true, y_pred, labels=None):
    """An independent oracle: one sample at a time, through a dict of label positions."""
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    position = {label: i for i, label in enumerate(labels)}
    cm = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        if t in position and p in position:
            cm[position[t], position[p]] += 1
    return cm


def matrix(result, what="confusion matrix"):
    """``result`` as an int64 array; fails unless it is 2-D and holds whole numbers.

    The dtype itself is checked by an api test only, so that a float matrix loses api points and
    nothing else."""
    got = np.asarray(result)
    assert got.ndim == 2, f"{what}: expected a 2-D array, got shape {got.shape}"
    assert got.dtype.kind in "iuf", f"{what}: expected integer counts, got dtype {got.dtype}"
    as_int = got.astype(np.int64)
    whole = np.array_equal(as_int, got)
    assert whole, f"{what}: counts must be whole numbers"
    return as_int


def assert_matrix(result, expected, what="confusion matrix"):
    got = matrix(result, what)
    want = np.asarray(expected, dtype=np.int64)
    assert got.shape == want.shape, f"{what}: shape {got.shape}, expected {want.shape}"
    same = np.array_equal(got, want)
    if not same:
        rows, cols = np.nonzero(got != want)
        i, j = int(rows[0]), int(cols[0])
        raise AssertionError(
            f"{what}: {len(rows)} of {want.size} entries differ; first at [{i}, {j}]: "
            f"got {int(got[i, j])}, expected {int(want[i, j])}"
        )


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_rows_true_columns_predicted(candidate):
    """An asymmetric case: every true label is on a row and every predicted label on a column."""
    result = candidate.confusion_matrix([0, 0, 0, 1, 2], [1, 1, 2, 1, 1])
    assert_matrix(result, [[0, 2, 1], [0, 1, 0], [0, 1, 0]])


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_explicit_labels_set_the_order(candidate):
    """Explicit labels fix the order of rows and columns, sorted or not."""
    y_true, y_pred = [0, 1, 1, 0, 1, 2, 2], [0, 1, 0, 1, 1, 0, 2]
    assert_matrix(candidate.confusion_matrix(y_true, y_pred, labels=[1, 0]), [[2, 1], [1, 1]])
    assert_matrix(
        candidate.confusion_matrix(y_true, y_pred, labels=[2, 0, 1]), [[1, 1, 0], [0, 1, 1], [0, 1, 2]]
    )


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_string_labels_sorted_by_code_point(candidate):
    """String labels are sorted like np.unique sorts them, whatever order they first appear in."""
    y_true = ["bee", "bee", "dog", "dog", "bee", "bee", "ant", "bee", "ant", "ant",
              "dog", "bee", "dog", "bee", "bee", "dog", "Cat", "bee", "bee", "dog"]
    y_pred = ["bee", "bee", "bee", "bee", "bee", "dog", "ant", "dog", "ant", "ant",
              "bee", "ant", "Cat", "ant", "ant", "dog", "dog", "Cat", "dog", "bee"]
    # scikit-learn 1.9.1 confusion_matrix; labels Cat, ant, bee, dog
    expected = [[0, 0, 0, 1], [0, 3, 0, 0], [1, 3, 3, 3], [1, 0, 4, 1]]
    assert_matrix(candidate.confusion_matrix(y_true, y_pred), expected)
    expected_subset = [[1, 0, 4], [0, 3, 0], [3, 3, 3]]
    assert_matrix(candidate.confusion_matrix(y_true, y_pred, labels=["dog", "ant", "bee"]), expected_subset)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_frozen_reference_values(candidate):
    """Agrees with frozen scikit-learn values on a four-class case and on explicit labels."""
    y_true = [0, 2, 0, 0, 1, 1, 3, 3, 3, 3, 0, 0, 3, 0, 0, 0, 3, 1, 1, 0, 1, 2, 3, 2, 3]
    y_pred = [0, 1, 2, 2, 0, 0, 1, 0, 3, 2, 3, 2, 2, 1, 1, 0, 0, 3, 1, 3, 1, 2, 3, 3, 0]
    expected = [[2, 2, 3, 2], [2, 2, 0, 1], [0, 1, 1, 1], [3, 1, 2, 2]]
    assert_matrix(candidate.confusion_matrix(y_true, y_pred), expected)
    y_true = [-2, 2, -2, -1, 0, 1, -2, -1, -2, -2, -2, 1, 0, -1, 1, -1, 2, -1]
    y_pred = [1, -1, 0, 0, 2, -1, -2, 0, 1, -1, 2, 0, 0, 0, 0, 0, 0, 0]
    expected = [[0, 0, 1, 0], [1, 1, 1, 0], [1, 0, 1, 0], [0, 0, 0, 0]]
    assert_matrix(candidate.confusion_matrix(y_true, y_pred, labels=[2, -2, 0, 7]), expected)


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_counting_oracle_on_random_inputs(candidate, grading_seed):
    """Agrees with a sample-by-sample count on 150 random cases, with and without explicit labels."""
    rng = np.random.default_rng(grading_seed)
    for case in range(150):
        n = int(rng.integers(1, 60))
        low = int(rng.integers(-3, 3))
        classes = int(rng.integers(1, 7))
        y_true = rng.integers(low, low + classes, n).tolist()
        y_pred = rng.integers(low, low + classes, n).tolist()
        labels = None
        if case % 3:
            pool = np.arange(low - 2, low + classes + 2)
            size = int(rng.integers(1, len(pool) + 1))
            labels = rng.choice(pool, size, replace=False).tolist()
        result = candidate.confusion_matrix(y_true, y_pred, labels=labels)
        assert_matrix(result, counting_oracle(y_true, y_pred, labels), f"case {case} (labels={labels})")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_class_never_predicted_gives_a_zero_column(candidate):
    """A class that is never predicted still has its column, all zeros."""
    assert_matrix(candidate.confusion_matrix([0, 1, 2, 2], [0, 0, 0, 2]), [[1, 0, 0], [1, 0, 0], [1, 0, 1]])


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_class_only_predicted_gives_a_zero_row(candidate):
    """A class that occurs only among the predictions still has its row, all zeros."""
    assert_matrix(candidate.confusion_matrix([1, 1, 3], [1, 2, 3]), [[1, 1, 0], [0, 0, 0], [0, 0, 1]])


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_samples_outside_labels_are_not_counted(candidate):
    """Samples whose true or predicted label is outside labels are left out of the counts."""
    y_true = [0, 1, 2, 3, 1, 2, 0, 3, 9]
    y_pred = [0, 2, 1, 3, 1, 9, 3, 0, 1]
    assert_matrix(candidate.confusion_matrix(y_true, y_pred, labels=[1, 2]), [[1, 1], [1, 0]])
    assert_matrix(candidate.confusion_matrix(y_true, y_pred, labels=[3, 0]), [[1, 1], [1, 1]])


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_labels_beyond_both_ends(candidate):
    """Labels below and above every value that occurs give zero rows and columns."""
    result = candidate.confusion_matrix([5, 6, 6], [6, 6, 5], labels=[9, 5, 6, 1])
    assert_matrix(result, [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 1, 0], [0, 0, 0, 0]])


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_no_sample_within_labels_gives_zeros(candidate):
    """When no sample has both labels in labels, the matrix is all zeros."""
    result = candidate.confusion_matrix([0, 1, 2], [2, 2, 0], labels=[1, 3])
    assert_matrix(result, [[0, 0], [0, 0]])


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_sample_and_single_class(candidate):
    """One sample gives [[1]]; one class everywhere gives [[n]]."""
    assert_matrix(candidate.confusion_matrix([7], [7]), [[1]])
    assert_matrix(candidate.confusion_matrix(["x"] * 5, ["x"] * 5), [[5]])


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_returns_a_2d_integer_array(candidate):
    """The result is a 2-D numpy array with an integer dtype, with and without explicit labels."""
    for kwargs in ({}, {"labels": [2, 0, 1, 5]}):
        result = candidate.confusion_matrix([0, 1, 2, 2], [0, 2, 1, 2], **kwargs)
        assert isinstance(result, np.ndarray), f"expected a numpy array, got {type(result).__name__}"
        assert result.ndim == 2, f"expected a 2-D array, got shape {result.shape}"
        assert result.dtype.kind in "iu", f"expected an integer dtype, got {result.dtype}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bool_labels(candidate):
    """Bool labels: False comes before True."""
    result = candidate.confusion_matrix([True, False, True, True], [True, True, False, True])
    assert_matrix(result, [[0, 1], [1, 2]])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_arrays_lists_and_keywords_agree(candidate):
    """Numpy arrays, lists and keyword arguments give the same matrix."""
    y_true, y_pred = [3, 1, 2, 3, 1], [3, 2, 2, 1, 1]
    expected = counting_oracle(y_true, y_pred, [3, 2, 1])
    assert_matrix(candidate.confusion_matrix(np.array(y_true), np.array(y_pred), np.array([3, 2, 1])), expected)
    assert_matrix(candidate.confusion_matrix(y_pred=y_pred, labels=[3, 2, 1], y_true=y_true), expected)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_length_mismatch_raises_value_error(candidate):
    """Inputs of different lengths are rejected with ValueError, also when one has length 1."""
    with pytest.raises(ValueError):
        candidate.confusion_matrix(np.array([1, 0]), np.array([1, 0, 1]))
    with pytest.raises(ValueError):
        candidate.confusion_matrix([1], [1, 0, 1])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_empty_inputs_raise_value_error(candidate):
    """Empty inputs are rejected with ValueError, also when labels are given."""
    with pytest.raises(ValueError):
        candidate.confusion_matrix([], [])
    with pytest.raises(ValueError):
        candidate.confusion_matrix(np.array([], dtype=np.int64), np.array([], dtype=np.int64), labels=[0, 1])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_repeated_labels_raise_value_error(candidate):
    """A label given twice in labels is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.confusion_matrix([0, 1, 2], [0, 1, 1], labels=[0, 1, 0])
    with pytest.raises(ValueError):
        candidate.confusion_matrix(["a", "b"], ["b", "b"], labels=["b", "a", "b"])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_empty_labels_raise_value_error(candidate):
    """An empty labels list is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.confusion_matrix([0, 1], [1, 1], labels=[])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """The function does not modify its arguments."""
    y_true, y_pred, labels = np.array([2, 0, 1, 2]), np.array([1, 0, 2, 2]), np.array([2, 1, 0])
    _, args, _ = candidate.confusion_matrix.returning_args(y_true.copy(), y_pred.copy(), labels.copy())
    for name, before, after in zip(("y_true", "y_pred", "labels"), (y_true, y_pred, labels), args):
        same = np.array_equal(np.asarray(after), before)
        assert same, f"{name} was modified"


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_integer_labels_sort_numerically(candidate):
    """Negative and multi-digit integer labels are ordered by value, not as text."""
    y_true = [10, 9, -3, 100, 10, 2_000_000_000_000]
    y_pred = [9, 9, 10, 100, -3, 2_000_000_000_000]
    expected = [
        [0, 0, 1, 0, 0],  # -3
        [0, 1, 0, 0, 0],  # 9
        [1, 1, 0, 0, 0],  # 10
        [0, 0, 0, 1, 0],  # 100
        [0, 0, 0, 0, 1],  # 2e12
    ]
    assert_matrix(candidate.confusion_matrix(y_true, y_pred), expected)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_large_counts_are_exact(candidate):
    """Hundreds of thousands of samples: every count is exact."""
    n = 600_000
    y_true = np.repeat(np.array([0, 1, 2], dtype=np.int64), n // 3)
    y_pred = np.tile(np.array([0, 1, 2, 2, 1], dtype=np.int64), n // 5)
    expected = np.zeros((3, 3), dtype=np.int64)
    third = n // 3
    for t in range(3):
        block = y_pred[t * third : (t + 1) * third]
        expected[t] = np.bincount(block, minlength=3)
    assert_matrix(candidate.confusion_matrix(y_true, y_pred), expected)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_transpose_and_permutation_properties(candidate, grading_seed):
    """On 40 random cases, swapping truth and prediction transposes the matrix and shuffling samples changes nothing."""
    rng = np.random.default_rng(grading_seed + 1)
    for case in range(40):
        n = int(rng.integers(2, 80))
        y_true = rng.integers(0, 5, n)
        y_pred = rng.integers(0, 5, n)
        cm = matrix(candidate.confusion_matrix(y_true, y_pred))
        assert_matrix(candidate.confusion_matrix(y_pred, y_true), cm.T, f"case {case}: swapped inputs")
        order = rng.permutation(n)
        assert_matrix(candidate.confusion_matrix(y_true[order], y_pred[order]), cm, f"case {case}: shuffled")
        assert int(cm.sum()) == n, f"case {case}: the counts sum to {int(cm.sum())}, expected {n}"
        correct = int(np.sum(y_true == y_pred))
        assert int(np.trace(cm)) == correct, f"case {case}: the trace is not the number of correct predictions"


# -- efficiency --------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("efficiency")
def test_a_million_samples_in_reasonable_time(candidate, reference):
    """A million samples in 20 classes take at most a few times as long as a vectorised solution."""
    rng = np.random.default_rng(12345)
    y_true = rng.integers(0, 20, 1_000_000)
    y_pred = np.where(rng.random(1_000_000) < 0.7, y_true, rng.integers(0, 20, 1_000_000))
    assert_matrix(candidate.confusion_matrix(y_true, y_pred), reference.confusion_matrix(y_true, y_pred))
    assert_faster_than(
        lambda: candidate.confusion_matrix(y_true, y_pred),
        lambda: reference.confusion_matrix(y_true, y_pred),
        factor=8,
    )
