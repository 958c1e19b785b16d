"""Hidden tests for precision-recall-f1."""

import math

import numpy as np
import pytest


def counts(y_true, y_pred, positive):
    """An independent oracle: TP, FP, FN counted one sample at a time."""
    tp = fp = fn = 0
    for t, p in zip(y_true, y_pred):
        tp += t == positive and p == positive
        fp += t != positive and p == positive
        fn += t == positive and p != positive
    return tp, fp, fn


def expected_scores(y_true, y_pred, positive=1):
    tp, fp, fn = counts(y_true, y_pred, positive)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return precision, recall, f1


def assert_scores(result, expected):
    assert len(result) == 3, f"expected (precision, recall, f1), got {result!r}"
    for name, got, want in zip(("precision", "recall", "f1"), result, expected):
        got = float(got)
        assert not math.isnan(got), f"{name} is NaN"
        assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12), f"{name}: {got} != {want}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_false_positives_and_negatives(candidate):
    """Counts false positives and false negatives separately."""
    y_true = [1, 1, 0, 0, 1, 0, 1, 1]
    y_pred = [1, 0, 1, 0, 1, 1, 0, 1]
    assert_scores(candidate.precision_recall_f1(y_true, y_pred), (3 / 5, 3 / 5, 6 / 10))


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_every_other_label_is_negative(candidate):
    """With several classes, only positive_label is positive."""
    y_true = [0, 1, 2, 2, 1, 0, 2]
    y_pred = [2, 1, 2, 1, 1, 2, 2]
    assert_scores(candidate.precision_recall_f1(y_true, y_pred, positive_label=2), (2 / 4, 2 / 3, 4 / 7))


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_positive_label_zero(candidate):
    """positive_label=0 makes 0 the class of interest (and 1 negative)."""
    y_true = [0, 0, 1, 1, 0]
    y_pred = [0, 1, 1, 0, 0]
    assert_scores(candidate.precision_recall_f1(y_true, y_pred, positive_label=0), (2 / 3, 2 / 3, 2 / 3))


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_no_positives_anywhere(candidate):
    """No positive label in either input: all three are 0.0."""
    assert_scores(candidate.precision_recall_f1([0, 0, 0], [0, 0, 0]), (0.0, 0.0, 0.0))


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_precision_undefined_f1_is_zero(candidate):
    """Nothing predicted positive but positives exist: F1 is 0.0, never NaN."""
    assert_scores(candidate.precision_recall_f1([1, 1, 0], [0, 0, 0]), (0.0, 0.0, 0.0))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_perfect_predictions(candidate):
    """All predictions right: (1.0, 1.0, 1.0)."""
    assert_scores(candidate.precision_recall_f1([1, 0, 1], [1, 0, 1]), (1.0, 1.0, 1.0))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_sample(candidate):
    """A single sample predicted wrongly as positive."""
    assert_scores(candidate.precision_recall_f1([0], [1]), (0.0, 0.0, 0.0))


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_string_labels(candidate):
    """String labels with a string positive_label."""
    y_true = ["spam", "ham", "spam", "spam", "ham"]
    y_pred = ["spam", "spam", "ham", "spam", "ham"]
    assert_scores(candidate.precision_recall_f1(y_true, y_pred, positive_label="spam"), (2 / 3, 2 / 3, 2 / 3))


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_bool_labels(candidate):
    """Bool labels with positive_label=True."""
    y_true = [True, False, True, True]
    y_pred = [True, True, False, True]
    assert_scores(candidate.precision_recall_f1(y_true, y_pred, positive_label=True), (2 / 3, 2 / 3, 2 / 3))


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_numpy_arrays_and_lists_agree(candidate):
    """1-D numpy arrays give the same result as lists."""
    y_true = [1, 0, 1, 1, 0, 0, 1]
    y_pred = [1, 1, 0, 1, 0, 1, 1]
    from_lists = candidate.precision_recall_f1(y_true, y_pred)
    from_arrays = candidate.precision_recall_f1(np.array(y_true), np.array(y_pred))
    assert_scores(from_arrays, tuple(float(v) for v in from_lists))
    assert_scores(from_arrays, expected_scores(y_true, y_pred))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_returns_a_tuple_of_three_floats(candidate):
    """The result is a tuple of three floats."""
    result = candidate.precision_recall_f1([1, 0], [1, 1])
    assert isinstance(result, tuple) and len(result) == 3
    assert all(isinstance(v, (float, np.floating)) for v in result), [type(v).__name__ for v in result]


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_empty_inputs_raise_value_error(candidate):
    """Empty inputs are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.precision_recall_f1([], [])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_length_mismatch_with_arrays_raises(candidate):
    """Arrays of different lengths are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.precision_recall_f1(np.array([1, 0]), np.array([1, 0, 1]))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """The function does not modify its arguments."""
    y_true, y_pred = np.array([1, 0, 1, 0]), np.array([1, 1, 0, 0])
    _, args, _ = candidate.precision_recall_f1.returning_args(y_true.copy(), y_pred.copy())
    np.testing.assert_array_equal(args[0], y_true)
    np.testing.assert_array_equal(args[1], y_pred)


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_counting_oracle_on_random_inputs(candidate, grading_seed):
    """Agrees with a sample-by-sample count on 150 random label vectors (2 to 4 classes)."""
    rng = np.random.default_rng(grading_seed)
    for _ in range(150):
        n = int(rng.integers(1, 40))
        classes = int(rng.integers(2, 5))
        y_true = rng.integers(0, classes, n).tolist()
        y_pred = rng.integers(0, classes, n).tolist()
        positive = int(rng.integers(0, classes))
        result = candidate.precision_recall_f1(y_true, y_pred, positive_label=positive)
        assert_scores(result, expected_scores(y_true, y_pred, positive))


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_swapping_truth_and_prediction_swaps_precision_and_recall(candidate, grading_seed):
    """Swapping y_true and y_pred swaps precision and recall and keeps F1."""
    rng = np.random.default_rng(grading_seed + 1)
    for _ in range(30):
        y_true = rng.integers(0, 2, 25)
        y_pred = rng.integers(0, 2, 25)
        p, r, f = candidate.precision_recall_f1(y_true, y_pred)
        p2, r2, f2 = candidate.precision_recall_f1(y_pred, y_true)
        assert math.isclose(float(p), float(r2), abs_tol=1e-12)
        assert math.isclose(float(r), float(p2), abs_tol=1e-12)
        assert math.isclose(float(f), float(f2), abs_tol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_large_counts_are_exact(candidate):
    """A million samples: no integer overflow or float accumulation error."""
    y_true = np.zeros(1_000_000, dtype=np.int64)
    y_pred = np.zeros(1_000_000, dtype=np.int64)
    y_true[:300_000] = 1
    y_pred[100_000:500_000] = 1
    # TP = 200k, FP = 200k, FN = 100k
    assert_scores(candidate.precision_recall_f1(y_true, y_pred), (0.5, 2 / 3, 400 / 700))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_length_mismatch_that_would_broadcast_raises(candidate):
    """A single label against several is a length mismatch too (no silent broadcasting)."""
    with pytest.raises(ValueError):
        candidate.precision_recall_f1([1], [1, 0, 1])
    with pytest.raises(ValueError):
        candidate.precision_recall_f1(np.array([1, 0, 1]), np.array([0]))
