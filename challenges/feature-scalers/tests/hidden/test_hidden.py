"""Hidden tests for feature-scalers.

Goldens were computed with scikit-learn 1.9.1's StandardScaler, MinMaxScaler and RobustScaler
and are frozen below as literals; the random-data tests use the independent oracles below.
"""

import math

import numpy as np
import pytest

from harness.assertions import as_array, assert_arrays_close

X3 = np.array([[1.0, -1.0, 10.0], [2.0, 0.0, 10.0], [4.0, 3.0, 10.0], [9.0, 2.0, 10.0]])
KINDS = ("StandardScaler", "MinMaxScaler", "RobustScaler")


# -- independent oracles -----------------------------------------------------------------------


def percentile(values, q):
    """Linear-interpolation percentile of a sequence, from its sorted values."""
    v = sorted(values)
    p = (len(v) - 1) * q / 100.0
    i = math.floor(p)
    return v[i] if i >= len(v) - 1 else v[i] + (p - i) * (v[i + 1] - v[i])


def oracle(kind, X, arg=None):
    """(statistics dict, transform function, inverse function) of a scaler fitted on X."""
    X = np.asarray(X, dtype=np.float64)
    columns = [X[:, j].tolist() for j in range(X.shape[1])]
    constant = np.array([min(c) == max(c) for c in columns])
    if kind == "StandardScaler":
        mean = np.array([math.fsum(c) / len(c) for c in columns])
        std = np.array([math.sqrt(math.fsum((x - m) ** 2 for x in c) / len(c)) for c, m in zip(columns, mean)])
        std[constant] = 1.0
        return {"mean_": mean, "scale_": std}, lambda Z: (Z - mean) / std, lambda Z: Z * std + mean
    if kind == "MinMaxScaler":
        a, b = arg or (0.0, 1.0)
        low, high = X.min(axis=0), X.max(axis=0)
        span = np.where(constant, 1.0, high - low)
        return (
            {"data_min_": low, "data_max_": high},
            lambda Z: (Z - low) / span * (b - a) + a,
            lambda Z: (Z - a) / (b - a) * span + low,
        )
    q_low, q_high = arg or (25.0, 75.0)
    center = np.array([percentile(c, 50.0) for c in columns])
    scale = np.array([percentile(c, q_high) - percentile(c, q_low) for c in columns])
    scale[scale == 0] = 1.0
    return {"center_": center, "scale_": scale}, lambda Z: (Z - center) / scale, lambda Z: Z * scale + center


def build(candidate, kind, arg=None):
    if arg is None:
        return getattr(candidate, kind)()
    keyword = "feature_range" if kind == "MinMaxScaler" else "quantile_range"
    return getattr(candidate, kind)(**{keyword: arg})


def fitted(candidate, kind, X, arg=None):
    scaler = build(candidate, kind, arg)
    scaler.fit(X)
    return scaler


def check_attributes(scaler, expected, kind, rtol=1e-9, atol=1e-12):
    for name, want in expected.items():
        got = as_array(getattr(scaler, name), f"{kind}.{name}", ndim=1, kind="fiu")
        assert_arrays_close(got, want, rtol=rtol, atol=atol, name=f"{kind}.{name}")


def random_matrix(rng, n=None):
    """Columns of varied location and spread; some constant, some with repeated integer values."""
    n = int(rng.integers(1, 30)) if n is None else n
    d = int(rng.integers(1, 6))
    X = rng.normal(rng.uniform(-50, 50, d), rng.uniform(0.01, 20, d), size=(n, d))
    for j in range(d):
        kind = rng.random()
        if kind < 0.2:
            X[:, j] = rng.uniform(-5, 5)
        elif kind < 0.45:
            X[:, j] = rng.integers(-2, 3, n)
    return X


def random_arg(rng, kind):
    if kind == "MinMaxScaler":
        a = float(rng.uniform(-3, 3))
        return (a, a + float(rng.uniform(0.5, 5)))
    if kind == "RobustScaler":
        low = float(rng.uniform(0, 49))
        return (low, float(rng.uniform(51, 100)))
    return None


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_standard_scaler_uses_the_population_standard_deviation(candidate):
    """StandardScaler divides by the ddof=0 standard deviation."""
    scaler = fitted(candidate, "StandardScaler", np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
    out = scaler.transform(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
    z = 1.224744871391589
    assert_arrays_close(out, [[-z, -z], [0.0, 0.0], [z, z]], name="transform")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_standard_scaler_transform(candidate):
    """StandardScaler's transform of its fit data matches scikit-learn's."""
    scaler = fitted(candidate, "StandardScaler", X3)
    expected = [
        [-0.9733285267845753, -1.2649110640673518, 0.0],
        [-0.6488856845230502, -0.6324555320336759, 0.0],
        [0.0, 1.2649110640673518, 0.0],
        [1.6222142113076254, 0.6324555320336759, 0.0],
    ]
    assert_arrays_close(scaler.transform(X3), expected, atol=1e-12, name="transform")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_min_max_scaler_transform(candidate):
    """MinMaxScaler with a custom feature_range matches scikit-learn's."""
    scaler = fitted(candidate, "MinMaxScaler", X3, (-1, 2))
    check_attributes(scaler, {"data_min_": [1.0, -1.0, 10.0], "data_max_": [9.0, 3.0, 10.0]}, "MinMaxScaler")
    expected = [[-1.0, -1.0, -1.0], [-0.625, -0.25, -1.0], [0.125, 2.0, -1.0], [2.0, 1.25, -1.0]]
    assert_arrays_close(scaler.transform(X3), expected, atol=1e-12, name="transform")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_min_max_default_range_is_zero_to_one(candidate):
    """MinMaxScaler without arguments maps each column's minimum to 0 and maximum to 1."""
    scaler = fitted(candidate, "MinMaxScaler", X3)
    expected = [[0.0, 0.0, 0.0], [0.125, 0.25, 0.0], [0.375, 1.0, 0.0], [1.0, 0.75, 0.0]]
    assert_arrays_close(scaler.transform(X3), expected, atol=1e-12, name="transform")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_robust_scaler_transform(candidate):
    """RobustScaler's centre, scale and transform match scikit-learn's."""
    scaler = fitted(candidate, "RobustScaler", X3)
    expected = [
        [-0.5714285714285714, -0.8, 0.0],
        [-0.2857142857142857, -0.4, 0.0],
        [0.2857142857142857, 0.8, 0.0],
        [1.7142857142857142, 0.4, 0.0],
    ]
    assert_arrays_close(scaler.transform(X3), expected, atol=1e-12, name="transform")
    scaler = fitted(candidate, "RobustScaler", np.array([[1.0, 5.0], [1.0, 6.0], [1.0, 100.0], [1.0, 7.0]]))
    check_attributes(scaler, {"center_": [1.0, 6.5], "scale_": [1.0, 24.5]}, "RobustScaler")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_robust_scaler_quantile_range(candidate):
    """RobustScaler honours quantile_range, including the widest allowed range."""
    scaler = fitted(candidate, "RobustScaler", X3, (10.0, 90.0))
    check_attributes(scaler, {"center_": [3.0, 1.0, 10.0], "scale_": [6.2, 3.4, 1.0]}, "RobustScaler")
    scaler = fitted(candidate, "RobustScaler", X3, (0, 100))
    check_attributes(scaler, {"scale_": [8.0, 4.0, 1.0]}, "RobustScaler")


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_transform_uses_the_statistics_from_fit(candidate):
    """Transforming new data uses the statistics of the fit data, not of the new data."""
    train = np.array([[0.0, 10.0], [2.0, 20.0], [4.0, 60.0], [10.0, 30.0], [4.0, 40.0]])
    tests = [np.array([[100.0, -5.0], [101.0, -4.0], [105.0, -9.0]]), np.array([[1.0, 1.0]])]
    for kind in KINDS:
        scaler = fitted(candidate, kind, train)
        _, forward, _ = oracle(kind, train)
        for test in tests:
            assert_arrays_close(scaler.transform(test), forward(test), name=f"{kind}.transform")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_an_oracle_on_random_data(candidate, grading_seed):
    """On 25 generated matrices per scaler (random ranges), statistics and transforms match an oracle."""
    rng = np.random.default_rng(grading_seed)
    for kind in KINDS:
        for _ in range(25):
            train, arg = random_matrix(rng), random_arg(rng, kind)
            scaler = fitted(candidate, kind, train, arg)
            stats, forward, backward = oracle(kind, train, arg)
            check_attributes(scaler, stats, kind, rtol=1e-9, atol=1e-9)
            test = rng.normal(0, 30, size=(4, train.shape[1]))
            assert_arrays_close(scaler.transform(test), forward(test), rtol=1e-9, atol=1e-9, name=f"{kind}.transform")
            assert_arrays_close(
                scaler.inverse_transform(test), backward(test), rtol=1e-9, atol=1e-9, name=f"{kind}.inverse_transform"
            )


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_inverse_transform_undoes_transform(candidate, grading_seed):
    """inverse_transform(transform(X)) gives X back, and transform(inverse_transform(Z)) gives Z."""
    rng = np.random.default_rng(grading_seed + 1)
    for kind in KINDS:
        for _ in range(10):
            X = random_matrix(rng)
            scaler = fitted(candidate, kind, X, random_arg(rng, kind))
            back = scaler.inverse_transform(scaler.transform(X))
            assert_arrays_close(back, X, rtol=1e-9, atol=1e-9, name=f"{kind} round trip")
            Z = rng.normal(size=X.shape)
            again = scaler.transform(scaler.inverse_transform(Z))
            assert_arrays_close(again, Z, rtol=1e-9, atol=1e-9, name=f"{kind} reverse round trip")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_constant_columns(candidate):
    """Constant columns get the prescribed scale, transform to the prescribed value and transform back."""
    X = np.array([[5.0, 1.0], [5.0, 2.0], [5.0, 4.0]])
    expected_first = {"StandardScaler": 0.0, "MinMaxScaler": -2.0, "RobustScaler": 0.0}
    for kind, arg in (("StandardScaler", None), ("MinMaxScaler", (-2, 3)), ("RobustScaler", None)):
        scaler = fitted(candidate, kind, X, arg)
        out = as_array(scaler.transform(X), f"{kind}.transform", ndim=2)
        assert_arrays_close(out[:, 0], np.full(3, expected_first[kind]), atol=1e-12, name=f"{kind} constant column")
        if kind != "MinMaxScaler":
            assert_arrays_close(np.asarray(scaler.scale_)[0], 1.0, name=f"{kind}.scale_[0]")
        back = scaler.inverse_transform(out)
        assert_arrays_close(back, X, atol=1e-12, name=f"{kind} round trip")
        new = scaler.transform(np.array([[7.0, 1.0]]))
        want = {"StandardScaler": 2.0, "MinMaxScaler": 8.0, "RobustScaler": 2.0}[kind]
        assert_arrays_close(np.asarray(new)[0, 0], want, name=f"{kind} constant column, new value")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_zero_interquartile_range_column_that_is_not_constant(candidate):
    """RobustScaler uses scale 1.0 when the percentiles coincide, even if the column is not constant."""
    X = np.array([[1.0], [1.0], [1.0], [1.0], [5.0]])
    scaler = fitted(candidate, "RobustScaler", X)
    check_attributes(scaler, {"center_": [1.0], "scale_": [1.0]}, "RobustScaler")
    assert_arrays_close(scaler.transform(X), [[0.0], [0.0], [0.0], [0.0], [4.0]], name="transform")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_sample(candidate):
    """Fitting on one row: every column is constant."""
    X = np.array([[3.0, -7.0]])
    for kind, want in (("StandardScaler", 0.0), ("MinMaxScaler", 0.0), ("RobustScaler", 0.0)):
        scaler = fitted(candidate, kind, X)
        assert_arrays_close(scaler.transform(X), [[want, want]], atol=1e-12, name=f"{kind}.transform")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_robust_scaler_ignores_a_huge_outlier(candidate, grading_seed):
    """With five or more rows, turning a column's largest value into a huge outlier leaves RobustScaler unchanged."""
    rng = np.random.default_rng(grading_seed + 2)
    for _ in range(10):
        X = rng.uniform(1, 10, size=(int(rng.integers(5, 20)), 3))
        first = fitted(candidate, "RobustScaler", X)
        center, scale = np.asarray(first.center_), np.asarray(first.scale_)
        Y = X.copy()
        Y[np.argmax(Y, axis=0), np.arange(3)] *= 1000
        second = fitted(candidate, "RobustScaler", Y)
        check_attributes(second, {"center_": center, "scale_": scale}, "RobustScaler")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_min_max_does_not_clip(candidate):
    """Values outside the fit data's range map outside feature_range (no clipping)."""
    scaler = fitted(candidate, "MinMaxScaler", np.array([[0.0], [10.0]]))
    assert_arrays_close(scaler.transform(np.array([[-5.0], [20.0]])), [[-0.5], [2.0]], name="transform")


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_returns_the_scaler(candidate):
    """fit returns the scaler itself, so fit(X).transform(Y) works."""
    X = np.array([[0.0], [4.0]])
    for kind, want in (("StandardScaler", 1.0), ("MinMaxScaler", 1.0), ("RobustScaler", 1.0)):
        out = build(candidate, kind).fit(X).transform(np.array([[4.0]]))
        assert_arrays_close(out, [[want]], name=f"{kind}: fit(X).transform(Y)")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_attributes_are_float64_arrays(candidate):
    """The learned statistics are 1-D float64 numpy arrays, also for integer data."""
    X = np.array([[1, 2], [3, 8], [4, 4]], dtype=np.int64)
    for kind, names in (
        ("StandardScaler", ("mean_", "scale_")),
        ("MinMaxScaler", ("data_min_", "data_max_")),
        ("RobustScaler", ("center_", "scale_")),
    ):
        scaler = fitted(candidate, kind, X)
        for name in names:
            value = getattr(scaler, name)
            assert isinstance(value, np.ndarray), f"{kind}.{name} is a {type(value).__name__}"
            assert value.shape == (2,), f"{kind}.{name} has shape {value.shape}"
            assert value.dtype == np.float64, f"{kind}.{name} has dtype {value.dtype}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_outputs_are_float64_arrays(candidate):
    """transform and inverse_transform return float64 arrays of the input's shape, also for integers."""
    X = np.array([[1, 2], [3, 8], [4, 4]], dtype=np.int64)
    for kind in KINDS:
        scaler = fitted(candidate, kind, X)
        for method in ("transform", "inverse_transform"):
            out = getattr(scaler, method)(X)
            assert isinstance(out, np.ndarray), f"{kind}.{method} returned a {type(out).__name__}"
            assert out.shape == X.shape, f"{kind}.{method} returned shape {out.shape}"
            assert out.dtype == np.float64, f"{kind}.{method} returned dtype {out.dtype}"


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """fit, transform and inverse_transform leave the array they are given unchanged."""
    X = np.array([[3.0, 1.0], [1.0, 5.0], [2.0, 2.0], [8.0, 0.5]])
    for kind in KINDS:
        scaler = build(candidate, kind)
        for method in ("fit", "transform", "inverse_transform", "fit_transform"):
            _, args, _ = getattr(scaler, method).returning_args(X.copy())
            np.testing.assert_array_equal(args[0], X, err_msg=f"{kind}.{method} modified X")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_transform(candidate):
    """fit_transform gives the same result as fit followed by transform."""
    for kind in KINDS:
        _, forward, _ = oracle(kind, X3)
        assert_arrays_close(build(candidate, kind).fit_transform(X3), forward(X3), name=f"{kind}.fit_transform")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_column_count_mismatch_raises_value_error(candidate):
    """transform and inverse_transform reject data with a different number of columns."""
    for kind in KINDS:
        scaler = fitted(candidate, kind, X3)
        with pytest.raises(ValueError):
            scaler.transform(np.array([[1.0, 2.0]]))
        with pytest.raises(ValueError):
            scaler.inverse_transform(np.array([[1.0, 2.0, 3.0, 4.0]]))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_invalid_ranges_raise_value_error(candidate):
    """A feature_range with min >= max, or a quantile_range outside 0 <= low < high <= 100, is rejected."""
    for feature_range in ((1, 0), (2, 2)):
        with pytest.raises(ValueError):
            candidate.MinMaxScaler(feature_range=feature_range).fit(X3)
    for quantile_range in ((75.0, 25.0), (50.0, 50.0), (-1.0, 50.0), (50.0, 101.0)):
        with pytest.raises(ValueError):
            candidate.RobustScaler(quantile_range=quantile_range).fit(X3)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_shapes_raise_value_error(candidate):
    """A 1-D X, or fitting on an X without rows, is rejected with ValueError."""
    for kind in KINDS:
        with pytest.raises(ValueError):
            build(candidate, kind).fit(np.array([1.0, 2.0, 3.0]))
        with pytest.raises(ValueError):
            build(candidate, kind).fit(np.empty((0, 2)))
        scaler = fitted(candidate, kind, np.array([[1.0], [2.0]]))
        with pytest.raises(ValueError):
            scaler.transform(np.array([1.0, 2.0]))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_lists_of_lists(candidate):
    """X given as a list of lists works like an array."""
    for kind in KINDS:
        scaler = build(candidate, kind)
        scaler.fit([[1, -1, 10], [2, 0, 10], [4, 3, 10], [9, 2, 10]])
        _, forward, _ = oracle(kind, X3)
        assert_arrays_close(scaler.transform([[0.5, 1.5, 9.0]]), forward(np.array([[0.5, 1.5, 9.0]])), name=kind)


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_large_values_with_a_small_spread(candidate, grading_seed):
    """Large values with a small spread: the standard deviation keeps its precision."""
    rng = np.random.default_rng(grading_seed + 3)
    X = 1e9 + rng.normal(0.0, 1.0, size=(1000, 3))
    scaler = fitted(candidate, "StandardScaler", X)
    stats, forward, _ = oracle("StandardScaler", X)
    check_attributes(scaler, stats, "StandardScaler", rtol=1e-6, atol=0)
    out = as_array(scaler.transform(X), "transform", ndim=2)
    assert_arrays_close(out, forward(X), rtol=1e-5, atol=1e-5, name="transform")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_constant_columns_of_inexact_values(candidate):
    """Constant columns of values that floats cannot represent exactly still standardise to zero."""
    X = np.tile([0.1, 0.7, 3.3, 0.2], (7, 1))
    scaler = fitted(candidate, "StandardScaler", X)
    assert_arrays_close(scaler.scale_, np.ones(4), name="scale_")
    assert_arrays_close(scaler.transform(X), np.zeros((7, 4)), atol=1e-9, name="transform")
    X = np.tile([0.1, 0.2, 0.7, 3.3], (3, 1))
    assert_arrays_close(fitted(candidate, "StandardScaler", X).transform(X), np.zeros((3, 4)), atol=1e-9, name="transform")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_features_with_tiny_values(candidate, grading_seed):
    """A feature with very small values is standardised like any other, not treated as constant."""
    rng = np.random.default_rng(grading_seed + 4)
    X = rng.normal(0.0, 1.0, size=(50, 2)) * np.array([1e-10, 1e-12])
    scaler = fitted(candidate, "StandardScaler", X)
    stats, forward, _ = oracle("StandardScaler", X)
    check_attributes(scaler, stats, "StandardScaler", rtol=1e-9, atol=0)
    assert_arrays_close(scaler.transform(X), forward(X), rtol=1e-9, atol=1e-9, name="transform")
