"""Hidden tests for simple-imputer.

Goldens were checked against scikit-learn 1.9.1's ``SimpleImputer`` (same tie rule: the smallest
of the most frequent values) and are frozen below as literals.
"""

import math

import numpy as np
import pytest

from harness.assertions import as_array, assert_arrays_close

nan = np.nan
STRATEGIES = ("mean", "median", "most_frequent")


def oracle_statistics(X, strategy):
    """An independent oracle: each column's statistic from its sorted observed values."""
    statistics = []
    for column in np.asarray(X, dtype=np.float64).T:
        values = sorted(v for v in column.tolist() if not math.isnan(v))
        if strategy == "mean":
            statistics.append(math.fsum(values) / len(values))
        elif strategy == "median":
            middle = len(values) // 2
            statistics.append(values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2)
        else:
            counts = {}
            for v in values:
                counts[v] = counts.get(v, 0) + 1
            best = max(counts.values())
            statistics.append(min(v for v, c in counts.items() if c == best))
    return np.array(statistics, dtype=np.float64)


def oracle_transform(X, statistics):
    X = np.array(X, dtype=np.float64)
    return np.where(np.isnan(X), statistics, X)


def fitted(candidate, X, strategy="mean"):
    imputer = candidate.SimpleImputer(strategy)
    imputer.fit(X)
    return imputer


def statistics_of(imputer, n_features, what="statistics_"):
    stats = as_array(imputer.statistics_, what, ndim=1, kind="fiu")
    assert stats.shape == (n_features,), f"{what}: shape {stats.shape}, expected ({n_features},)"
    return stats


def random_matrix(rng, strategy):
    """A random matrix with NaNs, every column keeping at least one observed value."""
    n, d = int(rng.integers(1, 40)), int(rng.integers(1, 7))
    if strategy == "most_frequent":
        X = rng.integers(-3, 4, size=(n, d)).astype(np.float64)
    else:
        X = rng.normal(rng.uniform(-100, 100), rng.uniform(0.1, 50), size=(n, d))
    X[rng.random((n, d)) < rng.uniform(0, 0.6)] = nan
    X[rng.integers(0, n, size=d), np.arange(d)] = rng.integers(-3, 4, size=d)
    return X


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_mean_strategy(candidate):
    """Mean imputation: each column's NaNs get the mean of its observed values."""
    X = np.array([[1.5, -2.0], [nan, 4.0], [3.5, nan], [nan, 1.0]])
    imputer = fitted(candidate, X, "mean")
    assert_arrays_close(statistics_of(imputer, 2), [2.5, 1.0], name="statistics_")
    expected = [[1.5, -2.0], [2.5, 4.0], [3.5, 1.0], [2.5, 1.0]]
    assert_arrays_close(imputer.transform(X), expected, name="transform")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_median_with_odd_and_even_counts(candidate):
    """Median imputation; an even number of observed values gives the mean of the middle two."""
    X = np.array([[5.0, 4.0, nan], [1.0, 1.0, 7.0], [nan, 2.0, nan], [3.0, 10.0, nan]])
    imputer = fitted(candidate, X, "median")
    assert_arrays_close(statistics_of(imputer, 3), [3.0, 3.0, 7.0], name="statistics_")
    expected = [[5.0, 4.0, 7.0], [1.0, 1.0, 7.0], [3.0, 2.0, 7.0], [3.0, 10.0, 7.0]]
    assert_arrays_close(imputer.transform(X), expected, name="transform")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_most_frequent_ties_take_the_smallest_value(candidate):
    """Most-frequent imputation breaks ties between equally frequent values by the smallest."""
    X = np.array([[3, 5, -1], [1, 5, -2], [1, 2, -2], [3, 2, -1], [2, nan, nan], [nan, 9, nan]])
    imputer = fitted(candidate, X, "most_frequent")
    assert_arrays_close(statistics_of(imputer, 3), [1.0, 2.0, -2.0], name="statistics_")
    imputer = fitted(candidate, np.array([[9.0], [4.0], [nan], [6.0], [4.0], [9.0], [6.0]]), "most_frequent")
    assert_arrays_close(statistics_of(imputer, 1), [4.0], name="statistics_")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_transform_uses_the_statistics_from_fit(candidate):
    """Transforming new data fills its NaNs with the fit data's statistics, not its own."""
    train = np.array([[0.0, 10.0], [2.0, nan], [4.0, 30.0], [nan, 30.0]])
    for strategy, want in (("mean", [2.0, 70 / 3]), ("median", [2.0, 30.0]), ("most_frequent", [0.0, 30.0])):
        imputer = fitted(candidate, train, strategy)
        for test in (
            np.array([[nan, 1.0], [100.0, nan], [200.0, nan]]),
            np.array([[-5.0, nan], [nan, nan], [nan, -8.0], [nan, -8.0]]),
        ):
            assert_arrays_close(imputer.transform(test), oracle_transform(test, want), name=f"{strategy} transform")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_columns_complete_at_fit_are_filled_at_transform(candidate):
    """A column with no NaN when fitting still gets its fitted statistic for NaNs later."""
    train = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 4.0], [8.0, 5.0, 5.0]])
    test = np.array([[nan, nan, nan], [0.0, nan, 1.0]])
    for strategy, want in (("mean", [4.0, 3.0, 4.0]), ("median", [3.0, 2.0, 4.0]), ("most_frequent", [1.0, 2.0, 3.0])):
        imputer = fitted(candidate, train, strategy)
        assert_arrays_close(imputer.transform(test), oracle_transform(test, want), name=f"{strategy} transform")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_an_oracle_on_random_data(candidate, grading_seed):
    """On 40 generated matrices per strategy, statistics and filled values match an oracle."""
    rng = np.random.default_rng(grading_seed)
    for strategy in STRATEGIES:
        for _ in range(40):
            train = random_matrix(rng, strategy)
            imputer = fitted(candidate, train, strategy)
            want = oracle_statistics(train, strategy)
            stats = statistics_of(imputer, train.shape[1])
            assert_arrays_close(stats, want, rtol=1e-9, atol=1e-9, name=f"{strategy} statistics_")
            test = rng.integers(-3, 4, size=(5, train.shape[1])).astype(np.float64)
            test[rng.random(test.shape) < 0.5] = nan
            got = imputer.transform(test)
            assert_arrays_close(got, oracle_transform(test, want), rtol=1e-9, atol=1e-9, name=f"{strategy} transform")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_column_without_observed_values_raises_value_error(candidate):
    """A column that is all NaN at fit time (or no rows at all) is rejected with ValueError."""
    for strategy in STRATEGIES:
        with pytest.raises(ValueError):
            candidate.SimpleImputer(strategy).fit(np.array([[1.0, nan, 2.0], [3.0, nan, nan], [nan, nan, 4.0]]))
    with pytest.raises(ValueError):
        candidate.SimpleImputer("median").fit(np.empty((0, 3)))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_no_missing_values_changes_nothing(candidate):
    """Data without NaN comes back unchanged."""
    X = np.array([[1.25, -3.0], [7.0, 0.5], [2.0, 2.0]])
    for strategy in STRATEGIES:
        imputer = fitted(candidate, X, strategy)
        assert_arrays_close(imputer.transform(X), X, rtol=0, atol=0, name=f"{strategy} transform")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_observed_value(candidate):
    """A column with a single observed value fills its NaNs with that value, whatever the strategy."""
    X = np.array([[nan, 1.0], [-2.5, 2.0], [nan, 3.0]])
    for strategy in STRATEGIES:
        imputer = fitted(candidate, X, strategy)
        assert_arrays_close(statistics_of(imputer, 2)[0], -2.5, name=f"{strategy} statistics_[0]")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_rows_that_are_entirely_missing(candidate):
    """A row with every value missing is filled entirely with the statistics."""
    X = np.array([[nan, nan, nan], [1.0, 2.0, 3.0], [nan, nan, nan], [3.0, 4.0, 5.0]])
    imputer = fitted(candidate, X, "mean")
    expected = [[2.0, 3.0, 4.0], [1.0, 2.0, 3.0], [2.0, 3.0, 4.0], [3.0, 4.0, 5.0]]
    assert_arrays_close(imputer.transform(X), expected, name="transform")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_row_and_single_column(candidate):
    """One row, and one column, are matrices like any other."""
    imputer = fitted(candidate, np.array([[4.0, -1.0]]), "median")
    assert_arrays_close(imputer.transform(np.array([[nan, nan]])), [[4.0, -1.0]], name="transform")
    column = np.array([[2.0], [nan], [2.0], [8.0], [nan]])
    imputer = fitted(candidate, column, "most_frequent")
    assert_arrays_close(imputer.transform(column), [[2.0], [2.0], [2.0], [8.0], [2.0]], name="transform")


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_returns_the_imputer(candidate):
    """fit returns the imputer itself, so fit(X).transform(Y) works."""
    filled = candidate.SimpleImputer("median").fit(np.array([[1.0], [5.0], [nan]])).transform(np.array([[nan]]))
    assert_arrays_close(filled, [[3.0]], name="fit(X).transform(Y)")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_default_strategy_is_mean(candidate):
    """Without a strategy, the imputer uses the mean."""
    imputer = candidate.SimpleImputer()
    imputer.fit(np.array([[1.0], [2.0], [6.0], [nan]]))
    assert_arrays_close(statistics_of(imputer, 1), [3.0], name="statistics_")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_statistics_are_a_float64_array(candidate):
    """statistics_ is a 1-D float64 numpy array with one value per column."""
    for strategy in STRATEGIES:
        stats = fitted(candidate, np.array([[1.0, 2.0, 2.0], [3.0, nan, 2.0]]), strategy).statistics_
        assert isinstance(stats, np.ndarray), f"{strategy}: statistics_ is a {type(stats).__name__}"
        assert stats.shape == (3,), f"{strategy}: statistics_ has shape {stats.shape}"
        assert stats.dtype == np.float64, f"{strategy}: statistics_ has dtype {stats.dtype}"


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_transform_returns_a_float64_array(candidate):
    """transform returns a float64 numpy array of the input's shape, also for integer input."""
    imputer = fitted(candidate, np.array([[1.0, 2.0], [nan, 4.0]]), "mean")
    for X in (np.array([[nan, 1.0], [2.0, nan], [5.0, 6.0]]), np.array([[1, 2], [3, 4], [5, 6]])):
        out = imputer.transform(X)
        assert isinstance(out, np.ndarray), f"transform returned a {type(out).__name__}"
        assert out.shape == X.shape, f"transform returned shape {out.shape}, expected {X.shape}"
        assert out.dtype == np.float64, f"transform returned dtype {out.dtype}"


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """Neither fit nor transform modifies the array it is given."""
    X = np.array([[3.0, nan], [nan, 1.0], [1.0, 5.0], [2.0, 0.0]])
    for strategy in STRATEGIES:
        imputer = candidate.SimpleImputer(strategy)
        _, args, _ = imputer.fit.returning_args(X.copy())
        np.testing.assert_array_equal(args[0], X, err_msg=f"{strategy}: fit modified X")
        _, args, _ = imputer.transform.returning_args(X.copy())
        np.testing.assert_array_equal(args[0], X, err_msg=f"{strategy}: transform modified X")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_unknown_strategy_raises_value_error(candidate):
    """An unknown strategy is rejected with ValueError (at construction or at fit)."""
    for strategy in ("mode", "Mean", "constant"):
        with pytest.raises(ValueError):
            candidate.SimpleImputer(strategy).fit(np.array([[1.0], [2.0]]))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_column_count_mismatch_raises_value_error(candidate):
    """Transforming data with a different number of columns than fit's is rejected."""
    imputer = fitted(candidate, np.array([[1.0, 2.0], [3.0, nan]]), "mean")
    with pytest.raises(ValueError):
        imputer.transform(np.array([[1.0, 2.0, 3.0]]))
    with pytest.raises(ValueError):
        imputer.transform(np.array([[nan]]))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_one_dimensional_input_raises_value_error(candidate):
    """A 1-D X is rejected with ValueError by fit and by transform."""
    with pytest.raises(ValueError):
        candidate.SimpleImputer("mean").fit(np.array([1.0, nan, 3.0]))
    imputer = fitted(candidate, np.array([[1.0, 2.0, 3.0]]), "mean")
    with pytest.raises(ValueError):
        imputer.transform(np.array([1.0, nan, 3.0]))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_lists_of_lists(candidate):
    """X given as a list of lists with float('nan') works like an array."""
    imputer = candidate.SimpleImputer("median")
    imputer.fit([[1.0, float("nan")], [2.0, 8.0], [4.0, 4.0]])
    filled = imputer.transform([[float("nan"), float("nan")]])
    assert_arrays_close(filled, [[2.0, 6.0]], name="transform")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_transform(candidate):
    """fit_transform gives the same result as fit followed by transform."""
    X = np.array([[1.0, nan], [nan, 2.0], [5.0, 2.0], [5.0, 9.0]])
    for strategy in STRATEGIES:
        out = candidate.SimpleImputer(strategy).fit_transform(X)
        assert_arrays_close(out, oracle_transform(X, oracle_statistics(X, strategy)), name=f"{strategy} fit_transform")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fitting_again_replaces_the_statistics(candidate):
    """A second fit replaces the statistics learned by the first."""
    imputer = fitted(candidate, np.array([[1.0], [3.0]]), "mean")
    imputer.fit(np.array([[10.0], [nan], [30.0]]))
    assert_arrays_close(imputer.transform(np.array([[nan]])), [[20.0]], name="transform after refit")


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_integer_data_gives_float_statistics(candidate):
    """Statistics learned from integer data are not rounded to integers."""
    X = np.array([[1, 7], [2, 8], [2, 10], [4, 8]], dtype=np.int64)
    expected = {"mean": [2.25, 8.25], "median": [2.0, 8.0], "most_frequent": [2.0, 8.0]}
    for strategy, want in expected.items():
        imputer = fitted(candidate, X, strategy)
        assert_arrays_close(statistics_of(imputer, 2), want, name=f"{strategy} statistics_")
        assert_arrays_close(imputer.transform(np.array([[nan, nan]])), [want], name=f"{strategy} transform")
    imputer = fitted(candidate, np.array([[1], [2]], dtype=np.int32), "median")
    assert_arrays_close(statistics_of(imputer, 1), [1.5], name="median statistics_")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_nearly_equal_floats_are_different_values(candidate):
    """Most-frequent compares values exactly: floats that differ in their last bit are different values."""
    a = 0.1 + 0.2
    imputer = fitted(candidate, np.array([[a], [a], [0.3], [0.3], [0.3], [nan]]), "most_frequent")
    assert_arrays_close(statistics_of(imputer, 1), [0.3], rtol=0, atol=0, name="statistics_")
    imputer = fitted(candidate, np.array([[a], [a], [a], [0.3], [0.3]]), "most_frequent")
    assert_arrays_close(statistics_of(imputer, 1), [a], rtol=0, atol=0, name="statistics_")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_many_rows(candidate, grading_seed):
    """A hundred thousand rows with many missing values: statistics agree with an exact computation."""
    rng = np.random.default_rng(grading_seed + 1)
    X = np.column_stack([rng.normal(1e6, 3.0, 100_000), rng.integers(0, 50, 100_000), rng.exponential(2.0, 100_000)])
    X[rng.random(X.shape) < 0.3] = nan
    for strategy in STRATEGIES:
        stats = statistics_of(fitted(candidate, X, strategy), 3)
        assert_arrays_close(stats, oracle_statistics(X, strategy), rtol=1e-10, atol=1e-10, name=f"{strategy} statistics_")
