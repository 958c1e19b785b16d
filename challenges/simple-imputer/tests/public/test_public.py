"""Public tests for simple-imputer: run them with `grader test simple-imputer FILE`."""

import numpy as np
import pytest

from harness.assertions import assert_arrays_close

nan = np.nan
X = np.array([[1, 2, 3], [nan, 4, 3], [7, nan, 1], [4, 10, 1], [nan, 3, 2]])


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_statistics(candidate):
    """The worked example: the statistics learned by each strategy."""
    expected = {"mean": [4.0, 4.75, 2.0], "median": [4.0, 3.5, 2.0], "most_frequent": [1.0, 2.0, 1.0]}
    for strategy, want in expected.items():
        imputer = candidate.SimpleImputer(strategy)
        imputer.fit(X)
        assert_arrays_close(imputer.statistics_, want, name=f"{strategy} statistics_")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_transform_fills_with_fitted_statistics(candidate):
    """transform fills every NaN with the statistic its column got from fit."""
    imputer = candidate.SimpleImputer("most_frequent")
    imputer.fit(X)
    filled = imputer.transform(np.array([[nan, nan, nan], [0, nan, 5]]))
    assert_arrays_close(filled, [[1.0, 2.0, 1.0], [0.0, 2.0, 5.0]], name="transform")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_column_without_observed_values_raises_value_error(candidate):
    """Fitting on a column that is entirely NaN is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.SimpleImputer().fit(np.array([[1.0, nan], [2.0, nan]]))
