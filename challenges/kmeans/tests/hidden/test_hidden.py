"""Hidden tests for kmeans."""

import numpy as np
import pytest
from harness.assertions import assert_faster_than

# A 2-D data set with one bad local minimum: four tight groups at the corners of a 10 x 3
# rectangle, k=2. The left/right split is optimal; the top/bottom split (inertia about 1004.6)
# is a fixed point of Lloyd's algorithm that one random initialisation in six or so falls into.
RECTANGLE = np.array([
    [9.9, -0.4], [0.1, 3.5], [-0.2, 3.4], [10.1, 3.0], [-0.1, 3.1], [0.2, -0.2], [9.8, 3.0],
    [10.6, 3.0], [10.2, -0.1], [10.2, 3.2], [10.6, -0.0], [-0.2, 3.0], [0.5, 0.2], [9.7, 0.2],
    [9.9, 3.3], [9.8, 3.3], [10.4, 0.2], [10.3, 2.9], [-0.4, 0.0], [0.0, 3.1], [0.3, 0.2],
    [9.8, 2.9], [10.0, 0.4], [9.7, -0.0], [-0.3, 0.4], [0.3, -0.3], [9.7, 0.1], [-0.1, 3.1],
    [0.3, 2.6], [9.4, 0.2], [9.8, 2.8], [9.8, 2.8], [-0.2, 2.9], [0.3, 0.5], [0.4, 2.9],
    [-0.4, -0.2], [10.2, -0.1], [-0.4, -0.1], [0.0, 0.2], [-0.1, 2.7],
])  # fmt: skip
# The optimum for RECTANGLE with k=2, computed offline: the best of 10,000 restarts of Lloyd's
# algorithm, confirmed by an exhaustive search over every split of the points by a straight line.
RECTANGLE_OPTIMUM = 93.525


# -- helpers -----------------------------------------------------------------------------------


def unpack(result, n, k, d):
    """Check the result's structure; return (labels as int64, centroids as float64)."""
    assert isinstance(result, (tuple, list)) and len(result) == 2, (
        f"expected a (labels, centroids) pair, got {type(result).__name__}"
    )
    labels, centroids = np.asarray(result[0]), np.asarray(result[1])
    assert labels.shape == (n,), f"labels have shape {labels.shape}, expected {(n,)}"
    assert labels.dtype.kind in "iu", f"labels have dtype {labels.dtype}, expected an integer dtype"
    assert centroids.shape == (k, d), f"centroids have shape {centroids.shape}, expected {(k, d)}"
    assert centroids.dtype.kind == "f", f"centroids have dtype {centroids.dtype}, expected a float dtype"
    assert np.all(np.isfinite(centroids)), f"centroids contain NaN or inf:\n{centroids}"
    assert labels.min() >= 0 and labels.max() < k, (
        f"labels must lie in 0..{k - 1}, got values from {labels.min()} to {labels.max()}"
    )
    return labels.astype(np.int64), centroids.astype(np.float64)


def sq_distances(X, centroids):
    diff = X[:, None, :] - centroids[None, :, :]
    return (diff**2).sum(axis=2)


def inertia(X, labels, centroids):
    return float(((X - centroids[labels]) ** 2).sum())


def assert_nearest(X, labels, centroids):
    """Each label names a nearest returned centroid; an exact tie goes to the lowest index."""
    X = np.asarray(X, dtype=np.float64)
    dist = sq_distances(X, centroids)
    nearest = dist.min(axis=1)
    chosen = dist[np.arange(len(X)), labels]
    scale = ((X - X.mean(axis=0)) ** 2).sum(axis=1).mean()
    slack = 1e-9 * (nearest + scale) + 1e-300
    far = np.flatnonzero(chosen > nearest + slack)
    if far.size:
        i = int(far[0])
        j = int(np.argmin(dist[i]))
        raise AssertionError(
            f"{far.size} point(s) are not labelled with their nearest returned centroid; e.g. point "
            f"{i} has label {labels[i]} (squared distance {chosen[i]:.6g}) but centroid {j} is at "
            f"squared distance {nearest[i]:.6g}"
        )
    for i in range(len(X)):
        lower = dist[i, : labels[i]]
        if np.any(lower == chosen[i]):
            j = int(np.flatnonzero(lower == chosen[i])[0])
            raise AssertionError(
                f"point {i} is exactly as close to centroid {j} as to centroid {labels[i]}, "
                f"but has label {labels[i]}: ties must go to the lowest index"
            )


def assert_same_partition(labels, truth):
    """The partitions agree up to renaming; returns the map candidate label -> true label."""
    k = int(truth.max()) + 1
    table = np.zeros((max(int(labels.max()) + 1, k), k), dtype=np.int64)
    np.add.at(table, (labels, truth), 1)
    occupied = table > 0
    assert occupied.sum(axis=0).max() == 1 and occupied.sum(axis=1).max() <= 1, (
        f"the clusters do not match the true groups (rows: returned labels, columns: true groups):\n{table}"
    )
    return {int(row): int(col) for row, col in zip(*np.nonzero(table), strict=True)}


def make_blobs(rng, k, d, spread=0.5, gap=6.0, sizes=(6, 21)):
    """k groups of points within spread * sqrt(d) of their centre, the centres at least gap
    apart, so the groups are the optimal clustering; returns (X, truth)."""
    while True:
        centers = rng.uniform(-12.0, 12.0, (k, d))
        dist = np.sqrt(sq_distances(centers, centers)) + np.eye(k) * 1e9
        if dist.min() >= gap:
            break
    truth = np.repeat(np.arange(k), rng.integers(sizes[0], sizes[1], k))
    rng.shuffle(truth)
    X = centers[truth] + rng.uniform(-spread, spread, (truth.size, d))
    return X, truth


def group_means(X, truth):
    return np.array([X[truth == g].mean(axis=0) for g in range(int(truth.max()) + 1)])


def lloyd_chain(M=150, L=330, R=100.0):
    """1-D data on which one run of Lloyd's algorithm with k=2 can take over 300 iterations: M points
    at 0, M at R, and between them a chain of L points placed so that, once the run reaches it, each
    iteration moves exactly one chain point from the left cluster to the right one."""
    x = np.linspace(0.6, 0.3, L) * R
    c = np.arange(L + 1)
    for _ in range(10_000):  # a fixed point: each chain point halfway between two successive boundaries
        top = np.concatenate([[0.0], np.cumsum(x)])  # top[c]: the sum of the c largest chain points
        left = (top[-1] - top) / (M + L - c)  # the two means when the c largest are on the right
        right = (M * R + top) / (M + c)
        boundary = (left + right) / 2
        new = np.concatenate([[2 * boundary[0] - boundary[1]], (boundary[1:L] + boundary[: L - 1]) / 2])
        if np.abs(new - x).max() < 1e-11:
            break
        x = (x + new) / 2
    return np.concatenate([np.zeros(M), x, np.full(M, R)])[:, None]


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_recovers_well_separated_groups(candidate, grading_seed):
    """Finds well-separated groups exactly (up to renaming) with their means as centroids, on 24 random data sets."""
    rng = np.random.default_rng(grading_seed)
    for case in range(24):
        k = int(rng.integers(2, 5))
        d = int(rng.integers(1, 5))
        X, truth = make_blobs(rng, k, d)
        result = candidate.kmeans(X, k, n_init=30, seed=case)
        labels, centroids = unpack(result, len(X), k, d)
        mapping = assert_same_partition(labels, truth)
        expected = group_means(X, truth)
        for label, group in mapping.items():
            np.testing.assert_allclose(centroids[label], expected[group], atol=1e-3, rtol=0)


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_labels_are_the_nearest_returned_centroid(candidate, grading_seed):
    """Every label is the nearest returned centroid, on 30 random data sets and settings."""
    rng = np.random.default_rng(grading_seed + 1)
    for case in range(30):
        n = int(rng.integers(5, 60))
        d = int(rng.integers(1, 5))
        k = int(rng.integers(1, min(n, 6) + 1))
        X = rng.uniform(-5.0, 5.0, (n, d))
        max_iter = int(rng.choice([1, 2, 5, 300]))
        n_init = int(rng.integers(1, 4))
        result = candidate.kmeans(X, k, n_init=n_init, max_iter=max_iter, seed=case)
        labels, centroids = unpack(result, n, k, d)
        assert_nearest(X, labels, centroids)


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_converged_centroids_are_member_means(candidate, grading_seed):
    """Run to convergence, each non-empty cluster's centroid is the mean of its members."""
    rng = np.random.default_rng(grading_seed + 2)
    for case in range(15):
        n = int(rng.integers(10, 80))
        d = int(rng.integers(1, 4))
        k = int(rng.integers(2, 6))
        X = rng.standard_normal((n, d)) * 3.0
        result = candidate.kmeans(X, k, n_init=2, max_iter=1000, tol=1e-10, seed=case)
        labels, centroids = unpack(result, n, k, d)
        assert_nearest(X, labels, centroids)
        for j in np.unique(labels):
            np.testing.assert_allclose(
                centroids[j], X[labels == j].mean(axis=0), atol=1e-8, rtol=0,
                err_msg=f"centroid {j} is not the mean of the points labelled {j}",
            )  # fmt: skip


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_restarts_escape_a_bad_local_minimum(candidate, grading_seed):
    """With the default n_init, reaches the optimal inertia on data with a bad local minimum (80 seeds)."""
    X = RECTANGLE
    worst = None
    for s in range(80):
        seed = grading_seed * 1000 + s
        labels, centroids = unpack(candidate.kmeans(X, 2, seed=seed), len(X), 2, 2)
        value = inertia(X, labels, centroids)
        if value > 1.01 * RECTANGLE_OPTIMUM and (worst is None or value > worst[1]):
            worst = (seed, value)
    assert worst is None, (
        f"inertia {worst[1]:.4g} (seed={worst[0]}) is above the optimum {RECTANGLE_OPTIMUM:.4g}: "
        f"stuck in a local minimum"
    )


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_a_run_stops_once_no_centroid_moves_more_than_tol(candidate, grading_seed):
    """A run stops at its first iteration in which no centroid moves more than tol, and max_iter caps it (n_init=1)."""
    rng = np.random.default_rng(grading_seed + 6)
    checked = 0
    for case in range(6):
        X = rng.uniform(-10.0, 10.0, (80, 3))

        def run(**kwargs):
            result = candidate.kmeans(X, 5, n_init=1, seed=case + 1, **kwargs)
            return unpack(result, 80, 5, 3)[1]

        # The candidate's own trajectory: path[m] = the centroids after m iterations (same seed,
        # one run, so the same initialisation), until a fixed point.
        path = [None, run(max_iter=1, tol=0.0)]
        while len(path) < 60:
            path.append(run(max_iter=len(path), tol=0.0))
            if np.array_equal(path[-1], path[-2]):
                break
        moved = [np.inf, np.inf] + [
            float(np.sqrt(((path[m] - path[m - 1]) ** 2).sum(axis=1)).max()) for m in range(2, len(path))
        ]  # moved[m]: how far the centroid that moved most moved in iteration m (unknown for m=1)
        for stop in range(2, len(path) - 2):  # path[stop] is not yet the fixed point
            before = min(moved[2:stop], default=np.inf)
            if not before > moved[stop] * (1 + 1e-6):
                continue
            # A tol just above the shift of iteration `stop`, and one just below the smaller
            # shifts before it: both must stop the run after iteration `stop` (or after the
            # first, whose shift is unknown here).
            for tol in (moved[stop] * (1 + 1e-8), min(before * (1 - 1e-8), moved[stop] * 1e3)):
                got = run(max_iter=1000, tol=tol)
                checked += 1
                if not any(np.allclose(got, path[m], rtol=0, atol=1e-9) for m in (1, stop)):
                    later = [m for m in range(2, len(path)) if np.allclose(got, path[m], rtol=0, atol=1e-9)]
                    raise AssertionError(
                        f"with tol={tol:.6g} the run should stop after iteration {stop} (it is the first "
                        f"in which no centroid moves more than tol: the largest moves of iterations 2, 3, "
                        f"... are {[round(v, 6) for v in moved[2:]]}), but the centroids returned are "
                        + (f"those after iteration {later[0]}" if later else "not those after any iteration")
                        + " (found with max_iter=1, 2, ..., tol=0 and the same seed)"
                    )
    assert checked, "every run converged within 3 iterations, whatever max_iter was: is max_iter honoured?"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_a_cluster_left_with_one_point_moves_onto_it(candidate):
    """A cluster that loses all but one of its points moves onto that point (n_init=1, many seeds)."""
    for values in (
        [1.6, 5.8, 6.4, 7.0, 8.3],
        [9.2, 8.5, 1.4, 6.4],
        [3.8, 4.6, 8.9, 4.2, 2.6, 0.2],
        [7.6, 0.7, 1.7, 2.8],
    ):
        X = np.array(values)[:, None]
        for seed in range(12):
            result = candidate.kmeans(X, 2, n_init=1, max_iter=1000, tol=0.0, seed=seed)
            labels, centroids = unpack(result, len(X), 2, 1)
            assert_nearest(X, labels, centroids)
            for j in np.unique(labels):
                np.testing.assert_allclose(
                    centroids[j], X[labels == j].mean(axis=0), atol=1e-9, rtol=0,
                    err_msg=f"X={values}, seed={seed}: centroid {j} is not the mean of the points labelled {j}",
                )  # fmt: skip


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_one_cluster_is_the_global_mean(candidate):
    """With k=1 every label is 0 and the centroid is the mean of all points."""
    X = np.random.default_rng(11).standard_normal((37, 3)) * 4.0 + 1.5
    labels, centroids = unpack(candidate.kmeans(X, 1, seed=0), 37, 1, 3)
    assert np.all(labels == 0)
    np.testing.assert_allclose(centroids[0], X.mean(axis=0), rtol=1e-9, atol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_as_many_clusters_as_points(candidate):
    """With k=n distinct points each point is its own cluster and the inertia is 0."""
    X = np.random.default_rng(12).uniform(-3.0, 3.0, (9, 2))
    labels, centroids = unpack(candidate.kmeans(X, 9, seed=0), 9, 9, 2)
    assert sorted(labels.tolist()) == list(range(9)), f"labels {labels.tolist()} are not all different"
    np.testing.assert_allclose(centroids[labels], X, atol=1e-9, rtol=0)
    assert inertia(X, labels, centroids) <= 1e-15


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_point(candidate):
    """A single point with k=1: label 0, centroid the point itself."""
    X = np.array([[2.5, -1.0, 7.0]])
    labels, centroids = unpack(candidate.kmeans(X, 1, seed=0), 1, 1, 3)
    assert labels.tolist() == [0]
    np.testing.assert_allclose(centroids, X, rtol=1e-12)


@pytest.mark.points(3)
@pytest.mark.category("edge_cases")
def test_more_clusters_than_distinct_points(candidate):
    """Repeated points with k above the number of distinct points: no NaN, consistent labels."""
    base = np.array([[0.0, 0.0], [4.0, 0.0], [0.0, 3.0]])
    X = np.repeat(base, 4, axis=0)
    for k in (4, 5, 7):
        for seed in (0, 1, 2):
            labels, centroids = unpack(candidate.kmeans(X, k, seed=seed), 12, k, 2)
            assert_nearest(X, labels, centroids)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_all_points_identical(candidate):
    """All points equal: every centroid is that point and every label is 0 (ties go to the lowest index)."""
    X = np.full((10, 2), 3.0)
    for k in (1, 3, 10):
        labels, centroids = unpack(candidate.kmeans(X, k, seed=0), 10, k, 2)
        np.testing.assert_allclose(centroids, np.full((k, 2), 3.0), rtol=1e-12)
        assert np.all(labels == 0), f"k={k}: labels {labels.tolist()}, expected all 0"


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_one_iteration_labels_match_centroids(candidate, grading_seed):
    """With max_iter=1 the labels still name the nearest returned centroid."""
    rng = np.random.default_rng(grading_seed + 3)
    for case in range(10):
        X = rng.uniform(0.0, 10.0, (50, 2))
        k = int(rng.integers(2, 6))
        result = candidate.kmeans(X, k, n_init=int(rng.integers(1, 4)), max_iter=1, seed=case)
        labels, centroids = unpack(result, 50, k, 2)
        assert_nearest(X, labels, centroids)


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_as_many_clusters_as_points_at_a_tiny_scale(candidate):
    """With k=n distinct points about 1e-3 apart, each point is its own cluster."""
    X = np.random.default_rng(21).uniform(-3e-3, 3e-3, (16, 2))
    for seed in (0, 1):
        labels, centroids = unpack(candidate.kmeans(X, 16, seed=seed), 16, 16, 2)
        assert sorted(labels.tolist()) == list(range(16)), (
            f"seed={seed}: labels {labels.tolist()} are not all different"
        )
        np.testing.assert_allclose(centroids[labels], X, atol=1e-12, rtol=0)


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_zero_tol_stops_once_converged(candidate):
    """With tol=0 a run stops as soon as no centroid moves: max_iter=10**7 is never used up."""
    X = np.random.default_rng(22).uniform(-5.0, 5.0, (40, 2))
    result = candidate.kmeans(X, 4, n_init=2, max_iter=10**7, tol=0.0, seed=0)
    labels, centroids = unpack(result, 40, 4, 2)
    assert_nearest(X, labels, centroids)


# -- API ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_returns_integer_labels_and_float_centroids(candidate):
    """Returns (labels, centroids): integer labels of shape (n,) in 0..k-1 and float centroids of shape (k, d)."""
    X = np.random.default_rng(13).standard_normal((25, 4))
    unpack(candidate.kmeans(X, 3, seed=1), 25, 3, 4)
    unpack(candidate.kmeans(X, 5, n_init=1, max_iter=3, tol=0.0, seed=2), 25, 5, 4)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_one_dimensional_X_raises_value_error(candidate):
    """A 1-D X is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.kmeans(np.array([1.0, 2.0, 3.0, 10.0]), 2, seed=0)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_three_dimensional_X_raises_value_error(candidate):
    """A 3-D X is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.kmeans(np.zeros((4, 2, 2)), 2, seed=0)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_zero_clusters_raises_value_error(candidate):
    """k=0 is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.kmeans(np.zeros((4, 2)), 0, seed=0)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_more_clusters_than_points_raises_value_error(candidate):
    """k greater than the number of points is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.kmeans(np.arange(10.0).reshape(5, 2), 6, seed=0)


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_integer_input(candidate):
    """Integer X is accepted and the centroids are exact (non-integer) means."""
    X = np.array([[0, 0], [0, 1], [1, 0], [20, 20], [20, 21], [21, 21]], dtype=np.int64)
    labels, centroids = unpack(candidate.kmeans(X, 2, seed=0), 6, 2, 2)
    truth = np.array([0, 0, 0, 1, 1, 1])
    mapping = assert_same_partition(labels, truth)
    expected = np.array([[1 / 3, 1 / 3], [61 / 3, 62 / 3]])
    for label, group in mapping.items():
        np.testing.assert_allclose(centroids[label], expected[group], rtol=1e-9)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_input_is_not_modified(candidate):
    """The function does not modify X."""
    X = np.random.default_rng(14).standard_normal((30, 3)) + 5.0
    _, args, _ = candidate.kmeans.returning_args(X.copy(), 3, seed=0)
    np.testing.assert_array_equal(args[0], X)


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_default_arguments(candidate):
    """The defaults are n_init=10, max_iter=300 and tol=1e-4: leaving them out gives the same result as passing them."""

    def assert_same(X, k, seed, name, value):
        by_default = candidate.kmeans(X, k, **({} if name == "n_init" else {"n_init": 1}), seed=seed)
        explicit = candidate.kmeans(X, k, **{"n_init": 1, name: value}, seed=seed)
        for i, what in enumerate(("labels", "centroids")):
            assert np.array_equal(np.asarray(by_default[i]), np.asarray(explicit[i])), (
                f"{name}={value!r} gives other {what} than leaving {name} out (seed={seed}): "
                f"is the default {name}={value!r}?"
            )

    X = np.random.default_rng(19).uniform(-10.0, 10.0, (50, 3))  # many local minima: n_init matters
    for seed in range(1, 17):
        assert_same(X, 8, seed, "n_init", 10)
    X = np.random.default_rng(23).uniform(0.0, 1e-3, (100, 2))  # tol matters at this scale
    for seed in range(1, 4):
        assert_same(X, 6, seed, "tol", 1e-4)
    X = lloyd_chain()  # max_iter matters here: a run can take over 300 iterations
    assert_same(X, 2, 1, "max_iter", 300)


# -- determinism -------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("determinism")
def test_same_seed_same_result(candidate):
    """The same seed (0 included) gives an identical result."""
    X = np.random.default_rng(15).uniform(0.0, 1.0, (60, 3))
    for seed in (0, 12345):
        first = candidate.kmeans(X, 5, n_init=2, max_iter=5, seed=seed)
        second = candidate.kmeans(X, 5, n_init=2, max_iter=5, seed=seed)
        np.testing.assert_array_equal(first[0], second[0], err_msg=f"labels differ for seed={seed}")
        np.testing.assert_array_equal(first[1], second[1], err_msg=f"centroids differ for seed={seed}")


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_global_rng_state_untouched(candidate):
    """The global numpy and Python random states are unchanged, with or without a seed."""
    X = np.random.default_rng(16).uniform(0.0, 1.0, (40, 2))
    before = candidate.rng_fingerprint()
    candidate.kmeans(X, 3, seed=7)
    assert candidate.rng_fingerprint() == before, "kmeans(..., seed=7) changed the global random state"
    candidate.kmeans(X, 3)
    assert candidate.rng_fingerprint() == before, "kmeans(..., seed=None) changed the global random state"


@pytest.mark.points(2)
@pytest.mark.category("determinism")
def test_result_does_not_depend_on_global_rng(candidate):
    """With a seed, the result does not depend on the global random state."""
    X = np.random.default_rng(17).uniform(0.0, 1.0, (60, 3))
    candidate.seed_global_rng(1)
    first = candidate.kmeans(X, 5, n_init=2, max_iter=5, seed=5)
    candidate.seed_global_rng(2)
    second = candidate.kmeans(X, 5, n_init=2, max_iter=5, seed=5)
    np.testing.assert_array_equal(first[0], second[0], err_msg="labels depend on the global random state")
    np.testing.assert_array_equal(first[1], second[1], err_msg="centroids depend on the global random state")


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("numerical")
def test_data_far_from_the_origin(candidate, grading_seed):
    """Groups a few units apart around coordinates of 1e9 are still found exactly."""
    rng = np.random.default_rng(grading_seed + 4)
    for case in range(4):
        centers = np.array([[0.0, 0.0], [8.0, 0.0], [4.0, 7.0]])
        truth = np.repeat(np.arange(3), 20)
        local = centers[truth] + rng.uniform(-1.5, 1.5, (60, 2))
        X = local + 1e9
        labels, centroids = unpack(candidate.kmeans(X, 3, seed=case), 60, 3, 2)
        mapping = assert_same_partition(labels, truth)
        expected = group_means(local, truth)
        for label, group in mapping.items():
            np.testing.assert_allclose(centroids[label] - 1e9, expected[group], atol=1e-3, rtol=0)
        assert_nearest(X, labels, centroids)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_float32_input(candidate, grading_seed):
    """float32 X is accepted and clustered like float64 data."""
    rng = np.random.default_rng(grading_seed + 5)
    for case in range(4):
        X, truth = make_blobs(rng, 3, 3)
        X32 = X.astype(np.float32)
        labels, centroids = unpack(candidate.kmeans(X32, 3, n_init=30, seed=case), len(X), 3, 3)
        mapping = assert_same_partition(labels, truth)
        expected = group_means(X32.astype(np.float64), truth)
        for label, group in mapping.items():
            np.testing.assert_allclose(centroids[label], expected[group], atol=1e-4, rtol=0)


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_many_points_far_from_the_origin(candidate, grading_seed):
    """The centroids of 100-point groups around 1e9 are accurate to 5e-5 (a few hundred ulps)."""
    rng = np.random.default_rng(grading_seed + 8)
    for case in range(3):
        centers = np.array([[0.0, 0.0], [8.0, 0.0], [4.0, 7.0]])
        truth = np.repeat(np.arange(3), 100)
        local = centers[truth] + rng.uniform(-1.5, 1.5, (300, 2))
        X = local + 1e9
        labels, centroids = unpack(candidate.kmeans(X, 3, n_init=20, seed=case), 300, 3, 2)
        mapping = assert_same_partition(labels, truth)
        expected = group_means(local, truth)
        for label, group in mapping.items():
            np.testing.assert_allclose(centroids[label] - 1e9, expected[group], atol=5e-5, rtol=0)


# -- efficiency --------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("efficiency")
def test_vectorised_speed(candidate, reference):
    """1,500 points, k=5, d=3, default arguments: at most 8x slower than a vectorised numpy solution."""
    rng = np.random.default_rng(20)
    centers = rng.uniform(-10.0, 10.0, (5, 3))
    X = centers[rng.integers(0, 5, 1500)] + rng.standard_normal((1500, 3)) * 2.0
    assert_faster_than(
        lambda: candidate.kmeans(X, 5, seed=0), lambda: reference.kmeans(X, 5, seed=0), factor=8
    )
