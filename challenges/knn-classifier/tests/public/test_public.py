"""Public tests for knn-classifier: run them with `grader test knn-classifier FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_arrays_close


def labels(result, m):
    """The predictions as a list of Python values; fails unless they are a 1-D array of length m."""
    arr = np.asarray(result)
    assert arr.shape == (m,), f"predictions: expected shape {(m,)}, got {arr.shape}"
    return arr.tolist()


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example: predictions and vote fractions for three queries."""
    X = [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5], [5, 6]]
    y = [0, 0, 0, 1, 1, 1]
    queries = [[0.5, 0.5], [5.5, 5.2], [3, 3]]
    model = candidate.KNNClassifier(k=3).fit(X, y)
    got = labels(model.predict(queries), 3)
    assert got == [0, 1, 0], f"predictions {got} != [0, 1, 0]"
    expected = [[1.0, 0.0], [0.0, 1.0], [2 / 3, 1 / 3]]
    assert_arrays_close(model.predict_proba(queries), expected, name="predict_proba")


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_vote_tie_goes_to_the_smallest_label(candidate):
    """When two labels get as many votes, the smaller label wins even if the other is nearer."""
    model = candidate.KNNClassifier(k=2).fit([[0.0], [1.0], [3.0]], [1, 0, 2])
    got = labels(model.predict([[0.2]]), 1)
    assert got == [0], f"prediction {got} != [0]"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_returns_self_and_sets_sorted_classes(candidate):
    """fit returns the classifier itself and sets classes_ to the sorted distinct labels."""
    model = candidate.KNNClassifier(k=1)
    fitted = model.fit([[0.0], [1.0], [2.0], [3.0]], [7, -2, 7, 3])
    got = labels(fitted.predict([[0.1], [1.1]]), 2)
    assert got == [7, -2], f"predictions {got} != [7, -2]"
    classes = np.asarray(model.classes_).tolist()
    assert classes == [-2, 3, 7], f"classes_ {classes} != [-2, 3, 7]"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_k_larger_than_the_training_set_raises_value_error(candidate):
    """k greater than the number of training points is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.KNNClassifier(k=4).fit([[0.0], [1.0], [2.0]], [0, 1, 0])
