"""Hidden tests for knn-classifier."""

import numpy as np
import pytest

from harness.assertions import as_array, assert_arrays_close, assert_faster_than


def oracle(X, y, queries, k):
    """An independent brute force: (classes, predictions, vote fractions).

    Training points are ordered by (distance, row index) with np.lexsort; the vote tie goes to
    the first class in sorted order (np.argmax returns the first maximum)."""
    X, queries, y = np.asarray(X, dtype=float), np.asarray(queries, dtype=float), np.asarray(y)
    classes = np.unique(y)
    proba = np.zeros((len(queries), len(classes)))
    for i, q in enumerate(queries):
        dist = np.sqrt(((X - q) ** 2).sum(axis=1))
        order = np.lexsort((np.arange(len(X)), dist))
        for row in order[:k]:
            proba[i, np.searchsorted(classes, y[row])] += 1
    proba /= k
    return classes, classes[np.argmax(proba, axis=1)], proba


def labels(result, m, name="predictions"):
    """The predictions as a list of Python values; fails unless they are a 1-D array of length m."""
    arr = np.asarray(result)
    assert arr.shape == (m,), f"{name}: expected shape {(m,)}, got {arr.shape}"
    return arr.tolist()


def assert_predictions(result, expected, context=""):
    expected = np.asarray(expected).tolist()
    got = labels(result, len(expected))
    wrong = [i for i, (g, e) in enumerate(zip(got, expected)) if g != e]
    if wrong:
        i = wrong[0]
        raise AssertionError(
            f"{context}{len(wrong)} of {len(expected)} predictions are wrong; e.g. query {i}: "
            f"got {got[i]!r}, expected {expected[i]!r}"
        )


def check_against_oracle(candidate, X, y, queries, k, context):
    classes, expected, proba = oracle(X, y, queries, k)
    model = candidate.KNNClassifier(k=k).fit(X, y)
    assert_predictions(model.predict(queries), expected, context)
    got = as_array(model.predict_proba(queries), f"{context}predict_proba", ndim=2, kind="f")
    assert_arrays_close(got, proba, rtol=1e-12, atol=1e-12, name=f"{context}predict_proba")


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_separated_blobs_are_classified_perfectly(candidate):
    """Three well-separated groups: every query near a group gets that group's label."""
    rng = np.random.default_rng(5)
    centres = np.array([[0.0, 0.0, 0.0], [10.0, 0.0, 5.0], [0.0, 10.0, -5.0]])
    X = np.concatenate([c + rng.normal(size=(20, 3)) for c in centres])
    y = np.repeat([30, 10, 20], 20)
    queries = np.concatenate([c + 0.5 * rng.normal(size=(5, 3)) for c in centres])
    model = candidate.KNNClassifier(k=5).fit(X, y)
    assert_predictions(model.predict(queries), np.repeat([30, 10, 20], 5))


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_majority_beats_the_nearest_neighbour(candidate):
    """The prediction is the majority label of the k neighbours, not the nearest point's label."""
    X = [[0.0], [1.0], [1.5], [9.0], [10.0]]
    y = [4, 2, 2, 4, 4]
    model = candidate.KNNClassifier(k=3).fit(X, y)
    assert_predictions(model.predict([[0.1], [9.5], [5.0]]), [2, 4, 2])


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_k1_on_the_training_points_gives_the_training_labels(candidate):
    """With k=1, each (distinct) training point is predicted as its own label."""
    rng = np.random.default_rng(11)
    X = rng.normal(size=(60, 4))
    y = rng.integers(0, 4, 60)
    model = candidate.KNNClassifier(k=1).fit(X, y)
    assert_predictions(model.predict(X), y)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_vote_fractions(candidate):
    """predict_proba gives the fraction of the k neighbours carrying each label."""
    X = [[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]
    y = [1, 5, 5, 9, 1, 1]
    model = candidate.KNNClassifier(k=4).fit(X, y)
    expected = [[0.25, 0.5, 0.25], [0.5, 0.25, 0.25]]
    assert_arrays_close(model.predict_proba([[1.4], [4.6]]), expected, name="predict_proba")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_brute_force_on_random_data(candidate, grading_seed):
    """On 40 generated data sets without distance ties, predictions and vote fractions match a brute force."""
    rng = np.random.default_rng(grading_seed)
    for case in range(40):
        n, d, m = int(rng.integers(5, 60)), int(rng.integers(1, 6)), int(rng.integers(1, 30))
        k = int(rng.integers(1, min(n, 12) + 1))
        values = rng.choice([-7, -1, 0, 2, 3, 8, 15], size=int(rng.integers(2, 6)), replace=False)
        X = rng.normal(size=(n, d)) * rng.uniform(0.1, 10)
        y = rng.choice(values, size=n)
        queries = rng.normal(size=(m, d)) * rng.uniform(0.1, 10)
        check_against_oracle(candidate, X, y, queries, k, f"case {case} (n={n}, d={d}, k={k}): ")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_vote_ties_go_to_the_smallest_label(candidate):
    """Vote ties of two and of three labels go to the smallest label, also for negative labels."""
    X = [[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]
    model = candidate.KNNClassifier(k=2).fit(X, [9, 3, 9, 3, -4, 6])
    assert_predictions(model.predict([[0.1], [4.9], [3.9]]), [3, -4, -4])
    model = candidate.KNNClassifier(k=3).fit(X, [8, 5, 2, 8, 5, 2])
    assert_predictions(model.predict([[0.0], [2.6], [5.0]]), [2, 2, 2])


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_distance_ties_go_to_the_lower_row_index(candidate):
    """Equally distant training points are taken in the order of their rows."""
    X = [[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.0, -2.0], [5.0, 5.0]]
    for y, k, expected in [
        ([3, 1, 1, 1, 1], 1, 3),  # four points at distance 2: row 0 is taken
        ([1, 3, 0, 0, 0], 1, 1),
        ([6, 2, 6, 2, 2], 3, 6),  # rows 0, 1, 2 are taken: 6, 2, 6
        ([2, 6, 6, 2, 2], 2, 2),  # rows 0, 1: a vote tie, 2 wins
    ]:
        model = candidate.KNNClassifier(k=k).fit(X, y)
        assert_predictions(model.predict([[0.0, 0.0]]), [expected], f"labels {y}, k={k}: ")


@pytest.mark.points(3)
@pytest.mark.category("edge_cases")
def test_ties_on_an_integer_grid_match_brute_force(candidate, grading_seed):
    """On 30 generated data sets on a small integer grid (many distance and vote ties), results match a brute force."""
    rng = np.random.default_rng(grading_seed + 1)
    for case in range(30):
        n, d, m = int(rng.integers(20, 150)), int(rng.integers(1, 4)), int(rng.integers(5, 25))
        k = int(rng.integers(1, min(n, 15) + 1))
        X = rng.integers(0, 5, size=(n, d))
        y = rng.integers(0, 3, size=n)
        queries = rng.integers(0, 9, size=(m, d)) / 2
        check_against_oracle(candidate, X, y, queries, k, f"case {case} (n={n}, d={d}, k={k}): ")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_duplicate_training_points_with_different_labels(candidate):
    """A point repeated with different labels: k=1 takes the first copy, k=2 breaks the vote tie by label."""
    X = [[1.0, 1.0], [1.0, 1.0], [4.0, 4.0]]
    y = [5, 2, 5]
    assert_predictions(candidate.KNNClassifier(k=1).fit(X, y).predict([[1.0, 1.0], [1.2, 0.9]]), [5, 5])
    assert_predictions(candidate.KNNClassifier(k=2).fit(X, y).predict([[1.0, 1.0]]), [2])


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_k_equal_to_the_number_of_training_points(candidate):
    """With k = n every training point votes, so every query gets the overall majority label."""
    X = [[0.0], [1.0], [2.0], [3.0], [4.0]]
    model = candidate.KNNClassifier(k=5).fit(X, [1, 1, 0, 0, 0])
    assert_predictions(model.predict([[-3.0], [0.5], [10.0]]), [0, 0, 0])
    assert_arrays_close(model.predict_proba([[0.5]]), [[0.6, 0.4]], name="predict_proba")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_a_single_training_point(candidate):
    """One training point and k=1: every query gets its label."""
    model = candidate.KNNClassifier(k=1).fit([[2.0, -1.0, 0.5]], [42])
    assert_predictions(model.predict([[0.0, 0.0, 0.0], [2.0, -1.0, 0.5], [1e3, 1e3, 1e3]]), [42, 42, 42])
    assert_arrays_close(model.predict_proba([[0.0, 0.0, 0.0]]), [[1.0]], name="predict_proba")


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_string_labels(candidate):
    """String labels: classes_ sorted alphabetically, predictions are the strings."""
    X = [[0.0], [0.5], [1.0], [5.0], [5.5], [9.0]]
    y = ["spam", "ham", "spam", "eggs", "eggs", "ham"]
    model = candidate.KNNClassifier(k=3).fit(X, y)
    classes = np.asarray(model.classes_).tolist()
    assert classes == ["eggs", "ham", "spam"], f"classes_ {classes} != ['eggs', 'ham', 'spam']"
    assert_predictions(model.predict([[0.4], [5.2], [7.0]]), ["spam", "eggs", "eggs"])


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_predict_proba_columns_follow_sorted_classes(candidate):
    """predict_proba has one float column per class, in sorted label order, and rows sum to 1."""
    X = [[0.0], [1.0], [2.0], [3.0]]
    model = candidate.KNNClassifier(k=2).fit(X, [12, -3, 5, 5])
    proba = as_array(model.predict_proba([[0.2], [2.6], [1.4]]), "predict_proba", ndim=2, kind="f")
    assert_arrays_close(proba, [[0.5, 0.0, 0.5], [0.0, 1.0, 0.0], [0.5, 0.5, 0.0]], name="predict_proba")
    assert_arrays_close(proba.sum(axis=1), np.ones(3), name="row sums")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_predict_returns_a_1d_array_of_labels(candidate):
    """predict returns a 1-D numpy array with one label per query."""
    model = candidate.KNNClassifier(k=1).fit([[0.0, 0.0], [1.0, 1.0]], [3, 8])
    result = model.predict([[0.1, 0.0], [0.9, 1.0], [2.0, 2.0]])
    assert isinstance(result, np.ndarray), f"expected a numpy array, got {type(result).__name__}"
    assert_predictions(result, [3, 8, 8])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_returns_self(candidate):
    """fit returns the classifier itself, so fit(...).predict(...) chains."""
    model = candidate.KNNClassifier(k=1)
    fitted = model.fit([[0.0], [4.0]], [1, 2])
    assert_predictions(fitted.predict([[3.0]]), [2])
    assert_predictions(model.predict([[1.0]]), [1])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_default_k_is_five(candidate):
    """Without k, five neighbours vote."""
    X = [[0.0], [1.0], [2.0], [3.0], [4.0], [5.0], [6.0]]
    model = candidate.KNNClassifier().fit(X, [0, 0, 1, 1, 1, 0, 0])
    assert_arrays_close(model.predict_proba([[2.9]]), [[0.4, 0.6]], name="predict_proba")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_numpy_arrays_and_lists_agree(candidate):
    """Numpy arrays and nested lists as inputs give the same predictions."""
    X = [[0.0, 1.0], [1.0, 0.0], [3.0, 3.0], [4.0, 3.5]]
    y = [0, 0, 1, 1]
    queries = [[0.5, 0.5], [3.5, 3.0]]
    from_lists = candidate.KNNClassifier(k=1).fit(X, y).predict(queries)
    from_arrays = candidate.KNNClassifier(k=1).fit(np.array(X), np.array(y)).predict(np.array(queries))
    assert_predictions(from_lists, [0, 1])
    assert_predictions(from_arrays, [0, 1])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_k_raises_value_error(candidate):
    """k = 0 and k greater than the number of training points are rejected with ValueError."""
    X, y = [[0.0], [1.0], [2.0]], [0, 1, 1]
    with pytest.raises(ValueError):
        candidate.KNNClassifier(k=0).fit(X, y)
    with pytest.raises(ValueError):
        candidate.KNNClassifier(k=4).fit(X, y)
    candidate.KNNClassifier(k=3).fit(X, y)  # k = n is fine


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_training_shapes_raise_value_error(candidate):
    """fit rejects a 1-D X, a 2-D y and a length mismatch with ValueError."""
    with pytest.raises(ValueError):
        candidate.KNNClassifier(k=1).fit(np.array([0.0, 1.0, 2.0]), np.array([0, 1, 1]))
    with pytest.raises(ValueError):
        candidate.KNNClassifier(k=1).fit(np.zeros((3, 2)), np.zeros((3, 1)))
    with pytest.raises(ValueError):
        candidate.KNNClassifier(k=1).fit(np.zeros((3, 2)), np.array([0, 1]))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_query_shapes_raise_value_error(candidate):
    """predict and predict_proba reject queries with the wrong number of columns or not 2-D."""
    model = candidate.KNNClassifier(k=1).fit(np.zeros((4, 3)), np.array([0, 1, 0, 1]))
    with pytest.raises(ValueError):
        model.predict(np.zeros((2, 2)))
    with pytest.raises(ValueError):
        model.predict_proba(np.zeros((2, 4)))
    with pytest.raises(ValueError):
        model.predict(np.zeros(3))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """fit, predict and predict_proba leave their arguments unchanged."""
    rng = np.random.default_rng(3)
    X, y, queries = rng.normal(size=(12, 3)), rng.integers(0, 3, 12), rng.normal(size=(4, 3))
    model = candidate.KNNClassifier(k=3)
    _, args, _ = model.fit.returning_args(X.copy(), y.copy())
    np.testing.assert_array_equal(args[0], X)
    np.testing.assert_array_equal(args[1], y)
    _, args, _ = model.predict.returning_args(queries.copy())
    np.testing.assert_array_equal(args[0], queries)
    _, args, _ = model.predict_proba.returning_args(queries.copy())
    np.testing.assert_array_equal(args[0], queries)


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_large_coordinates_with_small_gaps(candidate):
    """Points around 1e8 that are about a unit apart: the nearest neighbour is still found exactly."""
    offset = 1e8
    X = np.column_stack([offset + np.arange(40.0), np.full(40, offset)])
    y = np.arange(40) * 3
    queries = np.column_stack([offset + np.arange(40.0) + 0.3, np.full(40, offset) - 0.2])
    model = candidate.KNNClassifier(k=1).fit(X, y)
    assert_predictions(model.predict(queries), y)


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_integer_and_float32_inputs(candidate):
    """Integer training data and float32 queries work like float64 ones."""
    X = np.array([[0, 0], [0, 3], [4, 0], [4, 3], [9, 9]], dtype=np.int64)
    y = np.array([1, 2, 2, 1, 3])
    queries = np.array([[0.5, 0.4], [3.9, 2.8], [8.0, 8.5]], dtype=np.float32)
    model = candidate.KNNClassifier(k=1).fit(X, y)
    assert_predictions(model.predict(queries), [1, 1, 3])


# -- efficiency --------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("efficiency")
def test_vectorised_speed(candidate, reference, grading_seed):
    """500 queries against 2,000 training points with 16 features, at most 8x slower than the reference."""
    rng = np.random.default_rng(grading_seed + 2)
    X, y = rng.normal(size=(2000, 16)), rng.integers(0, 5, 2000)
    queries = rng.normal(size=(500, 16))
    model = candidate.KNNClassifier(k=7).fit(X, y)
    oracle_model = reference.KNNClassifier(k=7).fit(X, y)
    assert_faster_than(lambda: model.predict(queries), lambda: oracle_model.predict(queries), factor=8)
