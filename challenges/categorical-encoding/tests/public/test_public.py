"""Public tests for categorical-encoding: run them with `grader test categorical-encoding FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_arrays_close


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_label_encoder_example(candidate):
    """The worked example: sorted classes and the codes of each label."""
    encoder = candidate.LabelEncoder()
    encoder.fit(["b", "a", "c", "a"])
    classes = np.asarray(encoder.classes_).tolist()
    assert classes == ["a", "b", "c"], f"classes_ is {classes}"
    codes = np.asarray(encoder.transform(["b", "a", "c", "a"])).tolist()
    assert codes == [1, 0, 2, 0], f"codes are {codes}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_one_hot_example_with_an_unknown_value(candidate):
    """The worked example: one-hot rows in sorted column order, an all-zero row for an unknown value."""
    encoder = candidate.OneHotEncoder(handle_unknown="ignore")
    encoder.fit(["b", "a", "c", "a"])
    out = encoder.transform(["c", "d", "a"])
    assert_arrays_close(out, [[0.0, 0.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]], name="transform")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_unknown_label_raises_value_error(candidate):
    """LabelEncoder.transform rejects a label it did not see in fit with ValueError."""
    encoder = candidate.LabelEncoder()
    encoder.fit(["b", "a", "c", "a"])
    with pytest.raises(ValueError):
        encoder.transform(["d"])
