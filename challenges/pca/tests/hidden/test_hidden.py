"""Hidden tests for pca."""

import numpy as np
import pytest

from harness.assertions import (
    as_array,
    assert_arrays_close,
    assert_close,
    assert_equal_up_to_sign,
    assert_same_subspace,
)

# A small data set with goldens from scikit-learn 1.9.1, PCA(n_components, svd_solver="full").
GOLD_X = np.array([
    [2.5, 2.4, 0.5], [0.5, 0.7, 1.1], [2.2, 2.9, 0.2], [1.9, 2.2, 0.9], [3.1, 3.0, 0.1],
    [2.3, 2.7, 0.6], [2.0, 1.6, 1.4], [1.0, 1.1, 0.8], [1.5, 1.6, 1.5], [1.1, 0.9, 1.0],
])  # fmt: skip
GOLD_COMPONENTS = np.array([
    [0.6427017707774301, 0.7057416784334075, -0.29809917336610137],
    [0.45888126663675816, -0.04303887054839745, 0.887454584050228],
    [-0.6134838359479413, 0.7071607589112359, 0.35151279363158927],
])  # fmt: skip
GOLD_VARIANCE = np.array([1.399096930229138, 0.11380852501869894, 0.03898343364105211])
GOLD_RATIO = np.array([0.9015445243833494, 0.07333548544199114, 0.02511999017465948])
GOLD_MEAN = np.array([1.81, 1.91, 0.81])
# sklearn's transform of two new points with k=3 (its signs: compare column by column up to sign)
GOLD_NEW = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
GOLD_NEW_PROJECTED = np.array([
    [-1.109908872942474, 1.5679582147448694, 1.3303793934730246],
    [-2.2697964804884148, -1.467209062945778, -0.5249966692962738],
])  # fmt: skip


def oracle(X):
    """An independent oracle: eigendecomposition of np.cov (ddof=1), largest eigenvalues first."""
    X = np.asarray(X, dtype=np.float64)
    values, vectors = np.linalg.eigh(np.atleast_2d(np.cov(X, rowvar=False)))
    order = np.argsort(values)[::-1]
    return X.mean(axis=0), np.clip(values[order], 0.0, None), vectors[:, order].T


def fit(candidate, X, k):
    """Fits the candidate and reads its attributes as float arrays with checked shapes."""
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    model = candidate.PCA(n_components=k).fit(X)
    k = min(n, d) if k is None else k
    mean = as_array(model.mean_, "mean_", ndim=1, kind="fiu").astype(float)
    components = as_array(model.components_, "components_", ndim=2, kind="fiu").astype(float)
    variance = as_array(model.explained_variance_, "explained_variance_", ndim=1, kind="fiu").astype(float)
    ratio = as_array(model.explained_variance_ratio_, "explained_variance_ratio_", ndim=1, kind="fiu").astype(float)
    assert mean.shape == (d,), f"mean_: shape {mean.shape}, expected {(d,)}"
    assert components.shape == (k, d), f"components_: shape {components.shape}, expected {(k, d)}"
    assert variance.shape == (k,), f"explained_variance_: shape {variance.shape}, expected {(k,)}"
    assert ratio.shape == (k,), f"explained_variance_ratio_: shape {ratio.shape}, expected {(k,)}"
    return model, mean, components, variance, ratio


def assert_orthonormal(components):
    k = len(components)
    assert_arrays_close(components @ components.T, np.eye(k), rtol=0, atol=1e-8, name="components_ @ components_.T")


def assert_components(components, expected_vectors, expected_values, context=""):
    """Rows match the oracle's up to sign; rows of (numerically) equal variance are compared as a
    subspace; rows with zero variance only have to be orthonormal to the others."""
    assert_orthonormal(components)
    k = len(components)
    scale = max(float(expected_values[0]), 1e-300)
    start = 0
    while start < k:
        stop = start + 1
        while stop < len(expected_values) and expected_values[start] - expected_values[stop] <= 1e-8 * scale:
            stop += 1
        if expected_values[start] <= 1e-10 * scale:
            break  # zero-variance directions: any orthonormal completion is fine
        if stop > k:
            break  # a tie straddles k: which vectors of that space are kept is up to the candidate
        if stop - start == 1:
            assert_equal_up_to_sign(
                components[start : start + 1], expected_vectors[start : start + 1], axis=0,
                rtol=1e-6, atol=1e-6, name=f"{context}component {start}",
            )  # fmt: skip
        else:
            assert_same_subspace(
                components[start:stop], expected_vectors[start:stop], atol=1e-6,
                name=f"{context}components {start}..{stop - 1} (equal variances)",
            )  # fmt: skip
        start = stop


def check_against_oracle(candidate, X, k, context=""):
    n, d = X.shape
    model, mean, components, variance, ratio = fit(candidate, X, k)
    k = min(n, d) if k is None else k
    exp_mean, exp_values, exp_vectors = oracle(X)
    scale = float(np.abs(X).max()) + 1.0
    assert_arrays_close(mean, exp_mean, rtol=1e-9, atol=1e-12 * scale, name=f"{context}mean_")
    total = float(exp_values.sum())
    assert_arrays_close(variance, exp_values[:k], rtol=1e-6, atol=1e-9 * total, name=f"{context}explained_variance_")
    expected_ratio = exp_values[:k] / total if total > 0 else np.zeros(k)
    assert_arrays_close(ratio, expected_ratio, rtol=1e-6, atol=1e-9, name=f"{context}explained_variance_ratio_")
    assert_components(components, exp_vectors, exp_values, context)
    return model, mean, components


def random_data(rng, n, d):
    """Data with clearly distinct variances along random orthogonal directions."""
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    scales = np.cumprod(rng.uniform(1.5, 3.0, size=d))[::-1] / 3.0
    return (rng.normal(size=(n, d)) * scales) @ q.T + rng.normal(0, 5, size=d)


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_matches_scikit_learn(candidate):
    """Mean, components (up to sign), explained variance and ratios match scikit-learn's PCA."""
    for k in (2, 3):
        _, mean, components, variance, ratio = fit(candidate, GOLD_X, k)
        assert_arrays_close(mean, GOLD_MEAN, rtol=1e-9, name="mean_")
        assert_equal_up_to_sign(components, GOLD_COMPONENTS[:k], axis=0, rtol=1e-6, atol=1e-8, name="components_")
        assert_arrays_close(variance, GOLD_VARIANCE[:k], rtol=1e-9, name="explained_variance_")
        assert_arrays_close(ratio, GOLD_RATIO[:k], rtol=1e-9, name="explained_variance_ratio_")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_transform_matches_scikit_learn_up_to_sign(candidate):
    """New points are projected like scikit-learn does, up to the sign of each component."""
    model, _, components, _, _ = fit(candidate, GOLD_X, 3)
    projected = as_array(model.transform(GOLD_NEW), "transform", ndim=2, kind="f")
    assert_equal_up_to_sign(projected, GOLD_NEW_PROJECTED, axis=1, rtol=1e-6, atol=1e-8, name="projected columns")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_the_covariance_eigendecomposition_on_random_data(candidate, grading_seed):
    """On 30 generated data sets, results match an eigendecomposition of the covariance matrix."""
    rng = np.random.default_rng(grading_seed)
    for case in range(30):
        d = int(rng.integers(1, 7))
        n = int(rng.integers(2, 50))
        k = None if rng.uniform() < 0.3 else int(rng.integers(1, min(n, d) + 1))
        X = random_data(rng, n, d)
        check_against_oracle(candidate, X, k, f"case {case} (n={n}, d={d}, k={k}): ")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_transform_uses_the_training_mean_and_components(candidate, grading_seed):
    """transform of new data is (X_new - training mean) @ components_.T with the returned components."""
    rng = np.random.default_rng(grading_seed + 1)
    X = random_data(rng, 40, 4)
    model, mean, components = check_against_oracle(candidate, X, 3)
    new = rng.normal(0, 10, size=(7, 4))
    expected = (new - X.mean(axis=0)) @ components.T
    assert_arrays_close(model.transform(new), expected, rtol=1e-9, atol=1e-9, name="transform")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_reconstruction_error_is_the_discarded_variance(candidate, grading_seed):
    """Reconstructing the training data from k components loses (n - 1) times the discarded variance."""
    rng = np.random.default_rng(grading_seed + 2)
    X = random_data(rng, 60, 5)
    _, values, _ = oracle(X)
    for k in (1, 2, 4):
        model = candidate.PCA(n_components=k).fit(X)
        restored = as_array(model.inverse_transform(model.transform(X)), "inverse_transform", ndim=2, kind="f")
        assert restored.shape == X.shape, f"inverse_transform: shape {restored.shape}, expected {X.shape}"
        sse = float(((X - restored) ** 2).sum())
        assert_close(sse, 59 * float(values[k:].sum()), rtol=1e-6, atol=1e-9, name=f"k={k}: squared reconstruction error")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_full_rank_round_trip_is_exact(candidate):
    """With k = d, inverse_transform(transform(X)) gives X back, also for new data."""
    rng = np.random.default_rng(5)
    X = random_data(rng, 20, 3)
    model = candidate.PCA(n_components=3).fit(X)
    new = rng.normal(size=(5, 3))
    assert_arrays_close(model.inverse_transform(model.transform(new)), new, rtol=1e-9, atol=1e-9, name="round trip")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_projections_are_uncorrelated_with_the_explained_variances(candidate):
    """The projected training data has uncorrelated columns whose variances are explained_variance_."""
    rng = np.random.default_rng(6)
    X = random_data(rng, 50, 4)
    model, _, _, variance, _ = fit(candidate, X, 4)
    projected = as_array(model.transform(X), "transform", ndim=2, kind="f")
    cov = np.cov(projected, rowvar=False)
    assert_arrays_close(np.diag(cov), variance, rtol=1e-8, atol=1e-12, name="variances of the projections")
    off = cov - np.diag(np.diag(cov))
    assert_arrays_close(off, np.zeros_like(off), rtol=0, atol=1e-8 * float(variance[0]), name="covariances of the projections")


@pytest.mark.points(1)
@pytest.mark.category("correctness")
def test_ratio_is_relative_to_the_total_variance(candidate):
    """explained_variance_ratio_ divides by the variance of all features, not only of the kept components."""
    _, _, _, _, ratio = fit(candidate, GOLD_X, 1)
    assert_arrays_close(ratio, GOLD_RATIO[:1], rtol=1e-9, name="explained_variance_ratio_")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_default_keeps_min_of_samples_and_features(candidate):
    """n_components=None keeps min(n_samples, n_features) components."""
    rng = np.random.default_rng(7)
    check_against_oracle(candidate, random_data(rng, 12, 4), None, "n=12, d=4: ")
    wide = rng.normal(size=(3, 6))
    _, _, components, _, _ = fit(candidate, wide, None)
    assert components.shape == (3, 6), f"components_: shape {components.shape}, expected (3, 6)"


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_equal_variances_accept_any_basis(candidate):
    """Directions of exactly equal variance may come in any orthonormal basis of their space."""
    square = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    _, _, components, variance, ratio = fit(candidate, square, 2)
    assert_orthonormal(components)
    assert_arrays_close(variance, [2 / 3, 2 / 3], rtol=1e-9, name="explained_variance_")
    assert_arrays_close(ratio, [0.5, 0.5], rtol=1e-9, name="explained_variance_ratio_")
    _, _, components, variance, _ = fit(candidate, square, 1)
    assert_close(float(np.linalg.norm(components[0])), 1.0, rtol=1e-9, name="length of the component")
    assert_arrays_close(variance, [2 / 3], rtol=1e-9, name="explained_variance_")
    # a long axis along x, then a square in the (y, z) plane with equal variances
    cloud = np.array([[6, 0, 0], [-6, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]], dtype=float)
    check_against_oracle(candidate, cloud, 3, "axis plus square: ")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_fewer_samples_than_features(candidate):
    """With n <= d, the last component has zero variance and any orthonormal completion is accepted."""
    rng = np.random.default_rng(8)
    X = rng.normal(size=(4, 7))
    check_against_oracle(candidate, X, 4, "n=4, d=7: ")
    _, _, _, variance, _ = fit(candidate, X, 4)
    assert_close(variance[3], 0.0, rtol=0, atol=1e-10 * float(variance[0]), name="variance of the 4th component")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_identical_rows_give_zero_ratios(candidate):
    """When every row is the same, the variances and their ratios are all 0.0 (no NaN)."""
    _, mean, components, variance, ratio = fit(candidate, np.tile([3.0, -1.0, 2.0], (5, 1)), 2)
    assert_arrays_close(mean, [3.0, -1.0, 2.0], name="mean_")
    assert_orthonormal(components)
    assert_arrays_close(variance, [0.0, 0.0], atol=1e-20, name="explained_variance_")
    assert_arrays_close(ratio, [0.0, 0.0], atol=0, name="explained_variance_ratio_")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_small_total_variance(candidate):
    """Data with a total variance well below 1 still gets the right ratios."""
    rng = np.random.default_rng(9)
    check_against_oracle(candidate, 1e-3 * random_data(rng, 30, 3), 2, "scaled by 1e-3: ")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_two_samples_and_a_single_component(candidate):
    """Two samples: one direction, with variance |x1 - x0|^2 / 2."""
    X = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 2.0]])
    _, _, components, variance, ratio = fit(candidate, X, 1)
    assert_equal_up_to_sign(components, [[2 / np.sqrt(5), 0.0, -1 / np.sqrt(5)]], axis=0, name="components_")
    assert_arrays_close(variance, [2.5], rtol=1e-9, name="explained_variance_")
    assert_arrays_close(ratio, [1.0], rtol=1e-9, name="explained_variance_ratio_")


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_fit_returns_self_and_float_attributes(candidate):
    """fit returns the object itself; the attributes are float64 numpy arrays."""
    pca = candidate.PCA(n_components=2)
    fitted = pca.fit(GOLD_X)
    assert_arrays_close(fitted.explained_variance_, GOLD_VARIANCE[:2], rtol=1e-9, name="explained_variance_")
    for name in ("mean_", "components_", "explained_variance_", "explained_variance_ratio_"):
        value = getattr(pca, name)
        assert isinstance(value, np.ndarray) and value.dtype == np.float64, f"{name}: expected a float64 array, got {value!r}"
    out = pca.transform(GOLD_X)
    assert isinstance(out, np.ndarray) and out.dtype == np.float64 and out.shape == (10, 2), f"transform: {out!r}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_n_components_raise_value_error(candidate):
    """n_components of 0, -1 or more than min(n, d) is rejected with ValueError; min(n, d) is accepted."""
    for k in (0, -1, 4, 11):
        with pytest.raises(ValueError):
            candidate.PCA(n_components=k).fit(GOLD_X)
    candidate.PCA(n_components=3).fit(GOLD_X)
    with pytest.raises(ValueError):
        candidate.PCA(n_components=3).fit(GOLD_X[:2])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_training_data_raises_value_error(candidate):
    """fit rejects a 1-D X and an X with a single row with ValueError."""
    with pytest.raises(ValueError):
        candidate.PCA().fit(np.array([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError):
        candidate.PCA().fit(np.array([[1.0, 2.0, 3.0]]))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bad_shapes_in_transform_raise_value_error(candidate):
    """transform and inverse_transform reject arrays that are not 2-D or have the wrong number of columns."""
    pca = candidate.PCA(n_components=2).fit(GOLD_X)
    with pytest.raises(ValueError):
        pca.transform(np.ones((2, 2)))
    with pytest.raises(ValueError):
        pca.transform(np.ones(3))
    with pytest.raises(ValueError):
        pca.inverse_transform(np.ones((2, 3)))
    with pytest.raises(ValueError):
        pca.inverse_transform(np.ones((2, 1)))
    with pytest.raises(ValueError):
        pca.inverse_transform(np.ones(2))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_nested_lists(candidate):
    """Nested lists work like arrays in fit, transform and inverse_transform."""
    pca = candidate.PCA(n_components=2).fit(GOLD_X.tolist())
    assert_arrays_close(pca.explained_variance_, GOLD_VARIANCE[:2], rtol=1e-9, name="explained_variance_")
    projected = as_array(pca.transform([[1.0, 2.0, 3.0]]), "transform", ndim=2)
    assert_arrays_close(pca.inverse_transform(projected.tolist()), pca.inverse_transform(projected), name="inverse_transform")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """fit, transform and inverse_transform leave their arguments unchanged."""
    pca = candidate.PCA(n_components=2)
    _, args, _ = pca.fit.returning_args(GOLD_X.copy())
    np.testing.assert_array_equal(args[0], GOLD_X)
    new = GOLD_X[:3] + 1.0
    _, args, _ = pca.transform.returning_args(new.copy())
    np.testing.assert_array_equal(args[0], new)
    Z = np.array([[1.0, 2.0], [3.0, 4.0]])
    _, args, _ = pca.inverse_transform.returning_args(Z.copy())
    np.testing.assert_array_equal(args[0], Z)


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_large_means_with_a_small_spread(candidate):
    """Features around 1e8 that vary by about 1: variances and components are still accurate."""
    rng = np.random.default_rng(10)
    X = 1e8 + random_data(rng, 40, 3)
    shifted = X - 1e8  # exact: the same data around 0
    _, _, components, variance, _ = fit(candidate, X, 3)
    _, values, vectors = oracle(shifted)
    assert_arrays_close(variance, values, rtol=1e-6, atol=1e-9, name="explained_variance_")
    assert_components(components, vectors, values)


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_integer_data(candidate):
    """Integer training data is handled in float64."""
    X = np.array([[2, 4, 1], [0, 7, 3], [5, 1, 2], [3, 3, 3], [8, 0, 1], [1, 6, 4]], dtype=np.int64)
    check_against_oracle(candidate, X, 2, "integer data: ")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_translating_the_data_changes_only_the_mean(candidate, grading_seed):
    """Adding a constant vector to every row leaves the components and variances unchanged."""
    rng = np.random.default_rng(grading_seed + 3)
    X = random_data(rng, 25, 4)
    _, mean, components, variance, _ = fit(candidate, X, 3)
    shift = rng.normal(0, 100, size=4)
    _, mean2, components2, variance2, _ = fit(candidate, X + shift, 3)
    assert_arrays_close(mean2, mean + shift, rtol=1e-9, atol=1e-9, name="mean_")
    assert_arrays_close(variance2, variance, rtol=1e-7, atol=1e-12, name="explained_variance_")
    assert_equal_up_to_sign(components2, components, axis=0, rtol=1e-6, atol=1e-6, name="components_")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_features_on_very_different_scales(candidate):
    """Features with scales 1e-3, 1 and 1e3 are not standardised: the large one dominates."""
    rng = np.random.default_rng(11)
    X = rng.normal(size=(30, 3)) * [1e-3, 1.0, 1e3]
    check_against_oracle(candidate, X, 3, "scales 1e-3, 1, 1e3: ")
