"""Public tests for pca: run them with `grader test pca FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_arrays_close, assert_equal_up_to_sign

X = np.array([[0, 0], [2, 2], [4, 4], [1, 3], [3, 1]], dtype=float)
R = 1 / np.sqrt(2)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_from_the_prompt(candidate):
    """The worked example: mean, components (either sign), explained variance and its ratio."""
    pca = candidate.PCA(n_components=2).fit(X)
    assert_arrays_close(pca.mean_, [2.0, 2.0], name="mean_")
    assert_equal_up_to_sign(pca.components_, [[R, R], [R, -R]], axis=0, name="components_")
    assert_arrays_close(pca.explained_variance_, [4.0, 1.0], rtol=1e-9, name="explained_variance_")
    assert_arrays_close(pca.explained_variance_ratio_, [0.8, 0.2], rtol=1e-9, name="explained_variance_ratio_")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_transform_and_inverse_transform(candidate):
    """transform centres with the training mean and uses the returned components; inverse_transform undoes it."""
    pca = candidate.PCA(n_components=2).fit(X)
    components = np.asarray(pca.components_)
    new = np.array([[4.0, 4.0], [1.0, 3.0], [10.0, -2.0]])
    projected = pca.transform(new)
    assert_arrays_close(projected, (new - 2.0) @ components.T, rtol=1e-9, atol=1e-12, name="transform")
    assert_arrays_close(pca.inverse_transform(projected), new, rtol=1e-9, atol=1e-12, name="inverse_transform")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_too_many_components_raise_value_error(candidate):
    """n_components above min(n_samples, n_features) is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.PCA(n_components=3).fit(X)
