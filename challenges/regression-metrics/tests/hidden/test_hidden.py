"""Hidden tests for regression-metrics."""

import math

import numpy as np
import pytest

KEYS = ("mse", "rmse", "mae", "r2")


def oracle(y_true, y_pred):
    """An independent oracle in plain Python: exact sums (math.fsum) and the constant-target rule."""
    t = [float(v) for v in y_true]
    p = [float(v) for v in y_pred]
    n = len(t)
    squares = [(a - b) ** 2 for a, b in zip(t, p)]
    mse = math.fsum(squares) / n
    mae = math.fsum(abs(a - b) for a, b in zip(t, p)) / n
    if all(v == t[0] for v in t):
        r2 = 1.0 if all(s == 0 for s in squares) else 0.0
    else:
        mean = math.fsum(t) / n
        r2 = 1.0 - math.fsum(squares) / math.fsum((v - mean) ** 2 for v in t)
    return {"mse": mse, "rmse": math.sqrt(mse), "mae": mae, "r2": r2}


def assert_metrics(result, expected, what="metrics", rtol=1e-9, atol=1e-12, keys=KEYS):
    assert isinstance(result, dict), f"{what}: expected a dict, got {type(result).__name__}"
    missing = [k for k in keys if k not in result]
    assert not missing, f"{what}: missing keys {missing}"
    for key in keys:
        got = result[key]
        is_number = isinstance(got, (int, float, np.integer, np.floating)) and not isinstance(got, bool)
        assert is_number, f"{what}: {key} is a {type(got).__name__}, not a number"
        value, want = float(got), expected[key]
        assert not math.isnan(value), f"{what}: {key} is nan, expected {want!r}"
        close = math.isclose(value, want, rel_tol=rtol, abs_tol=atol)
        assert close, f"{what}: {key} = {value!r}, expected {want!r}"


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_frozen_reference_values(candidate):
    """Agrees with frozen scikit-learn values on twelve samples."""
    y_true = [10.1, 14.08, 13.67, 8.47, 9.11, 8.42, 11.71, 9.83, 12.24, 4.46, 14.7, 9.71]
    y_pred = [11.46, 13.81, 12.91, 9.4, 10.76, 8.01, 11.4, 11.2, 10.5, 1.43, 15.49, 8.37]
    # scikit-learn 1.9.1: mean_squared_error, mean_absolute_error, r2_score
    expected = {"mse": 1.9047333333333338, "rmse": math.sqrt(1.9047333333333338),
                "mae": 1.1633333333333338, "r2": 0.7544132473528036}
    assert_metrics(candidate.regression_metrics(y_true, y_pred), expected)


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_predicting_the_mean_gives_r2_zero(candidate):
    """Always predicting the mean of y_true gives R² = 0."""
    result = candidate.regression_metrics([1.0, 2.0, 3.0, 6.0], [3.0, 3.0, 3.0, 3.0])
    assert_metrics(result, {"mse": 3.5, "rmse": math.sqrt(3.5), "mae": 1.5, "r2": 0.0})


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_errors_in_both_directions(candidate):
    """Over- and under-predictions both count: squared for MSE, absolute for MAE."""
    result = candidate.regression_metrics([0.0, 0.0, 10.0, 10.0], [1.0, -3.0, 10.0, 6.0])
    # errors -1, 3, 0, 4; SS_tot = 4 * 25 = 100
    assert_metrics(result, {"mse": 26 / 4, "rmse": math.sqrt(26 / 4), "mae": 2.0, "r2": 1 - 26 / 100})


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_oracle_on_random_inputs(candidate, grading_seed):
    """Agrees with an exact-summation oracle on 150 random cases, some with constant targets."""
    rng = np.random.default_rng(grading_seed)
    for case in range(150):
        n = int(rng.integers(1, 50))
        if case % 5 == 0:
            y_true = np.full(n, float(rng.integers(-4, 5)) / 2)
        else:
            y_true = rng.normal(rng.uniform(-10, 10), rng.uniform(0.1, 5), n)
        y_pred = y_true + rng.normal(0, rng.uniform(0.0, 3.0), n) * (rng.random(n) < 0.8)
        result = candidate.regression_metrics(y_true.tolist(), y_pred.tolist())
        assert_metrics(result, oracle(y_true, y_pred), f"case {case}", rtol=1e-8, atol=1e-10)


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_perfect_predictions(candidate):
    """Perfect predictions: zero errors and R² = 1."""
    result = candidate.regression_metrics([0.5, -2.0, 7.25], [0.5, -2.0, 7.25])
    assert_metrics(result, {"mse": 0.0, "rmse": 0.0, "mae": 0.0, "r2": 1.0})


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_constant_targets(candidate):
    """Constant y_true: R² is 1.0 for perfect predictions and 0.0 otherwise, never nan or -inf."""
    assert_metrics(candidate.regression_metrics([2.5] * 7, [2.5] * 7), {"mse": 0.0, "rmse": 0.0, "mae": 0.0, "r2": 1.0})
    result = candidate.regression_metrics([-1.5] * 4, [-1.5, -1.5, -1.0, -3.5])
    assert_metrics(result, {"mse": 4.25 / 4, "rmse": math.sqrt(4.25 / 4), "mae": 2.5 / 4, "r2": 0.0})


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_constant_targets_with_tiny_errors(candidate):
    """Constant y_true with a prediction off by a tiny amount still gives R² = 0.0."""
    result = candidate.regression_metrics([3.0, 3.0, 3.0], [3.0, 3.0, 3.0 + 1e-9])
    assert_metrics(result, oracle([3.0] * 3, [3.0, 3.0, 3.0 + 1e-9]), atol=0.0)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_single_sample(candidate):
    """One sample: the errors of that sample, and R² by the constant-target rule."""
    assert_metrics(candidate.regression_metrics([4.0], [4.0]), {"mse": 0.0, "rmse": 0.0, "mae": 0.0, "r2": 1.0})
    assert_metrics(candidate.regression_metrics([4.0], [1.0]), {"mse": 9.0, "rmse": 3.0, "mae": 3.0, "r2": 0.0})


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_very_bad_predictions(candidate):
    """R² is not clipped: far-off predictions give a large negative value."""
    result = candidate.regression_metrics([0.0, 1.0], [100.0, -100.0])
    assert_metrics(result, {"mse": 20201 / 2, "rmse": math.sqrt(20201 / 2), "mae": 100.5, "r2": 1 - 20201 / 0.5})


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_returns_a_dict_of_four_floats(candidate):
    """The result is a dict with exactly the keys mse, rmse, mae and r2, each a float."""
    result = candidate.regression_metrics([1.0, 2.0, 4.0], [1.5, 2.0, 3.0])
    assert isinstance(result, dict), f"expected a dict, got {type(result).__name__}"
    assert sorted(result) == sorted(KEYS), f"keys {sorted(result)}, expected {sorted(KEYS)}"
    for key in KEYS:
        is_float = isinstance(result[key], (float, np.floating))
        assert is_float, f"{key} is a {type(result[key]).__name__}, not a float"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_integer_inputs(candidate):
    """Integer lists and integer arrays give float results, as for the same values as floats."""
    expected = oracle([1, 2, 3, 4], [2, 2, 5, 4])
    assert_metrics(candidate.regression_metrics([1, 2, 3, 4], [2, 2, 5, 4]), expected, "lists of ints")
    arrays = candidate.regression_metrics(np.array([1, 2, 3, 4], dtype=np.int32), np.array([2, 2, 5, 4], dtype=np.int32))
    assert_metrics(arrays, expected, "int32 arrays")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_length_mismatch_raises_value_error(candidate):
    """Inputs of different lengths are rejected with ValueError, also when one has length 1."""
    with pytest.raises(ValueError):
        candidate.regression_metrics(np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError):
        candidate.regression_metrics([2.0], [1.0, 2.0, 3.0])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_empty_inputs_raise_value_error(candidate):
    """Empty inputs are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.regression_metrics([], [])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """The function does not modify its arguments."""
    y_true, y_pred = np.array([1.0, 4.0, 2.0]), np.array([2.0, 3.0, 2.5])
    _, args, _ = candidate.regression_metrics.returning_args(y_true.copy(), y_pred.copy())
    same = np.array_equal(np.asarray(args[0]), y_true) and np.array_equal(np.asarray(args[1]), y_pred)
    assert same, "an argument was modified"


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_large_values_close_together(candidate, grading_seed):
    """Values near 1e8 that differ by a few units: R² is as accurate as for the same data near 0."""
    rng = np.random.default_rng(grading_seed + 1)
    offset = 1e8
    small_true = np.round(rng.normal(0, 2, 1000), 3)
    small_pred = np.round(small_true + rng.normal(0, 1, 1000), 3)
    expected = oracle(small_true, small_pred)
    result = candidate.regression_metrics(small_true + offset, small_pred + offset)
    assert_metrics(result, expected, "offset data", rtol=1e-6, atol=1e-9)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_large_integers_do_not_overflow(candidate):
    """Integer inputs in the billions give the same results as floats (no integer overflow)."""
    y_true = np.array([0, 4_000_000_000, 1_000_000_000], dtype=np.int64)
    y_pred = np.array([4_000_000_000, 0, 1_000_000_000], dtype=np.int64)
    expected = oracle(y_true.tolist(), y_pred.tolist())
    assert_metrics(candidate.regression_metrics(y_true, y_pred), expected, rtol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_scaling_and_shifting_properties(candidate, grading_seed):
    """On 40 random cases: rmse² = mse ≥ mae², scaling by c scales mse by c² and keeps R², shifting changes nothing."""
    rng = np.random.default_rng(grading_seed + 2)
    for case in range(40):
        n = int(rng.integers(2, 40))
        y_true = rng.normal(0, 3, n)
        y_pred = y_true + rng.normal(0, 2, n)
        base = candidate.regression_metrics(y_true, y_pred)
        mse, rmse, mae = float(base["mse"]), float(base["rmse"]), float(base["mae"])
        assert math.isclose(rmse**2, mse, rel_tol=1e-9), f"case {case}: rmse² != mse"
        assert mse >= mae**2 * (1 - 1e-12), f"case {case}: mse < mae²"
        c, shift = float(rng.uniform(0.5, 20)), float(rng.uniform(-50, 50))
        scaled = candidate.regression_metrics(c * y_true, c * y_pred)
        expected_scaled = {"mse": c * c * mse, "rmse": c * rmse, "mae": c * mae, "r2": float(base["r2"])}
        assert_metrics(scaled, expected_scaled, f"case {case}, scaled", rtol=1e-8, atol=1e-10)
        shifted = candidate.regression_metrics(y_true + shift, y_pred + shift)
        expected_shifted = {k: float(base[k]) for k in KEYS}
        assert_metrics(shifted, expected_shifted, f"case {case}, shifted", rtol=1e-7, atol=1e-9)


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_a_million_samples(candidate):
    """A million samples: the means are accurate to many digits."""
    n = 1_000_000
    y_true = np.tile(np.array([0.0, 1.0, 2.0, 3.0]), n // 4)
    y_pred = y_true + np.tile(np.array([0.5, -0.5, 0.25, -0.25]), n // 4)
    # squared errors average (0.25 + 0.25 + 0.0625 + 0.0625) / 4; var(y_true) = 1.25
    mse = 0.625 / 4
    expected = {"mse": mse, "rmse": math.sqrt(mse), "mae": 0.375, "r2": 1 - mse / 1.25}
    assert_metrics(candidate.regression_metrics(y_true, y_pred), expected, rtol=1e-10)
