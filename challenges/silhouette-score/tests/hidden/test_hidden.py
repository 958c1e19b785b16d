"""Hidden tests for silhouette-score."""

import math

import numpy as np
import pytest

from harness.assertions import as_array, assert_arrays_close, assert_close

X_EXAMPLE = [[1, 1], [1.5, 2], [3, 4], [5, 7], [3.5, 5], [4.5, 5], [3.5, 4.5]]
LABELS_EXAMPLE = [0, 0, 1, 1, 1, 1, 1]


def loop_oracle(X, labels):
    """An independent oracle: the definition, one sample and one pair at a time."""
    points = [[float(v) for v in row] for row in X]
    labels = list(labels)
    n = len(points)
    result = []
    for i in range(n):
        by_cluster = {}
        for j in range(n):
            if j != i or labels[j] != labels[i]:
                by_cluster.setdefault(labels[j], []).append(math.dist(points[i], points[j]))
        own = by_cluster.pop(labels[i], [])
        if not own:
            result.append(0.0)
            continue
        a = sum(own) / len(own)
        b = min(sum(d) / len(d) for d in by_cluster.values())
        result.append(0.0 if max(a, b) == 0 else (b - a) / max(a, b))
    return np.array(result)


def samples(candidate, X, labels, n=None):
    result = as_array(candidate.silhouette_samples(X, labels), "silhouette_samples", ndim=1, kind="f")
    want = len(X) if n is None else n
    assert result.shape == (want,), f"silhouette_samples: shape {result.shape}, expected ({want},)"
    return result


def random_clustering(rng, n_max=30):
    n = int(rng.integers(3, n_max))
    k = int(rng.integers(2, min(6, n - 1) + 1))
    labels = np.concatenate([np.arange(k), rng.integers(0, k, n - k)])
    rng.shuffle(labels)
    d = int(rng.integers(1, 4))
    centres = rng.normal(0, 3, (k, d))
    X = centres[labels] + rng.normal(0, 1, (n, d))
    return X, labels


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_example_samples_match_frozen_values(candidate):
    """Every sample of the two-cluster example matches frozen scikit-learn values."""
    expected = [0.7777257800516162, 0.7155568680051358, 0.40763189458410354, 0.5838116481186877,
                0.6925197802410691, 0.6870400864822116, 0.6507524339210202]  # scikit-learn 1.9.1
    assert_arrays_close(samples(candidate, X_EXAMPLE, LABELS_EXAMPLE), expected, rtol=1e-9, atol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_three_string_clusters_match_frozen_values(candidate):
    """Three overlapping clusters named by strings match frozen scikit-learn values, negatives included."""
    X = [[-0.8, -1.32, -0.25], [0.42, 1.14, 0.11], [-0.55, -0.78, 0.75], [1.63, 0.27, -1.23],
         [2.04, 1.6, 0.2], [1.27, -0.08, -1.16], [2.37, -0.49, -0.71], [0.55, 2.94, 0.41],
         [0.41, 3.83, -0.64], [-0.26, 2.02, 0.83]]
    labels = ["b", "b", "a", "b", "c", "c", "a", "c", "a", "b"]
    expected = [0.040032309052377535, -0.10281997020781931, -0.4289541950803402, -0.3048148336196802,
                0.15513355890810454, -0.27999126569953003, -0.36824785848461405, -0.0028278332326578007,
                -0.42630740645388077, -0.14492413883727842]  # scikit-learn 1.9.1
    assert_arrays_close(samples(candidate, X, labels), expected, rtol=1e-9, atol=1e-12)
    assert_close(candidate.silhouette_score(X, labels), -0.18637216336553186, rtol=1e-9, atol=1e-12, name="score")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_a_divides_by_cluster_size_minus_one(candidate):
    """a(i) averages over the other members of the cluster only."""
    # cluster {0, 1, 2} on a line: a(0) = (1 + 2) / 2 = 1.5; b(0) = (10 + 11) / 2 = 10.5
    X = [[0.0], [1.0], [2.0], [10.0], [11.0]]
    result = samples(candidate, X, [0, 0, 0, 1, 1])
    assert_arrays_close(result, loop_oracle(X, [0, 0, 0, 1, 1]), rtol=1e-9, atol=1e-12)
    assert_close(result[0], 9 / 10.5, rtol=1e-9, atol=1e-12, name="s(0)")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_b_is_the_nearest_other_cluster(candidate):
    """b(i) is the smallest mean distance over the other clusters, not the nearest point's."""
    X = [[0.0], [0.5], [3.0], [100.0], [-2.0], [-20.0]]
    labels = [0, 0, 1, 1, 2, 2]
    # for sample 0: cluster 1 averages 51.5, cluster 2 averages 11, so b(0) = 11
    result = samples(candidate, X, labels)
    assert_arrays_close(result, loop_oracle(X, labels), rtol=1e-9, atol=1e-12)
    assert_close(result[0], (11 - 0.5) / 11, rtol=1e-9, atol=1e-12, name="s(0)")


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_loop_oracle_on_random_clusterings(candidate, grading_seed):
    """Agrees with a sample-by-sample oracle on 60 random clusterings, singletons included."""
    rng = np.random.default_rng(grading_seed)
    for case in range(60):
        X, labels = random_clustering(rng)
        expected = loop_oracle(X, labels)
        assert_arrays_close(samples(candidate, X, labels), expected, rtol=1e-8, atol=1e-10,
                            name=f"case {case}: silhouette_samples")
        assert_close(candidate.silhouette_score(X, labels), float(np.mean(expected)), rtol=1e-8,
                     atol=1e-10, name=f"case {case}: silhouette_score")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_singleton_cluster_scores_zero(candidate):
    """A singleton's s is 0, and the score averages it in."""
    X = [[0], [0.1], [5], [5.1], [10]]
    result = samples(candidate, X, [0, 0, 1, 1, 2])
    assert_close(result[4], 0.0, atol=0.0, name="singleton's s")
    assert_close(candidate.silhouette_score(X, [0, 0, 1, 1, 2]), 0.7838771632265276, rtol=1e-9, atol=1e-12,
                 name="score")  # scikit-learn 1.9.1


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_several_singletons(candidate):
    """n_samples - 1 clusters (one pair, the rest singletons) is valid: the singletons get 0."""
    X = [[0, 0], [1, 0], [5, 5], [9, 1], [2, 8]]
    labels = [7, 7, 3, 4, 5]
    result = samples(candidate, X, labels)
    assert_arrays_close(result, loop_oracle(X, labels), rtol=1e-9, atol=1e-12)
    assert_arrays_close(result[2:], [0.0, 0.0, 0.0], atol=0.0, name="singletons")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_duplicate_points_inside_a_cluster(candidate):
    """Identical points in one cluster have a = 0 and so s = 1."""
    X = [[2, 3], [2, 3], [2, 3], [7, 3], [7, 3]]
    assert_arrays_close(samples(candidate, X, [0, 0, 0, 1, 1]), [1.0] * 5, rtol=1e-9, atol=1e-12)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_all_points_identical(candidate):
    """All points identical: a = b = 0 for everyone, so every s is 0, not nan."""
    X = [[4, 4], [4, 4], [4, 4], [4, 4], [4, 4]]
    result = samples(candidate, X, [1, 1, 2, 2, 2])
    assert_arrays_close(result, [0.0] * 5, atol=0.0)
    assert_close(candidate.silhouette_score(X, [1, 1, 2, 2, 2]), 0.0, atol=0.0, name="score")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_smallest_valid_input(candidate):
    """Three samples in two clusters."""
    X = [[0.0], [1.0], [4.0]]
    result = samples(candidate, X, [0, 0, 1])
    assert_arrays_close(result, [0.75, 2 / 3, 0.0], rtol=1e-9, atol=1e-12)


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_wrong_number_of_clusters_raises_value_error(candidate):
    """One cluster, or as many clusters as samples, is rejected with ValueError by both functions."""
    X = [[0.0], [1.0], [2.0], [3.0]]
    for labels in ([5, 5, 5, 5], [0, 1, 2, 3], ["a", "b", "c", "d"]):
        with pytest.raises(ValueError):
            candidate.silhouette_samples(X, labels)
        with pytest.raises(ValueError):
            candidate.silhouette_score(X, labels)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_label_count_mismatch_raises_value_error(candidate):
    """A labels array whose length differs from the number of rows is rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.silhouette_samples(np.zeros((4, 2)), [0, 0, 1])
    with pytest.raises(ValueError):
        candidate.silhouette_score(np.arange(10.0).reshape(5, 2), [0, 1, 0, 1, 0, 1])


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_cluster_names_do_not_matter(candidate):
    """Non-contiguous ints and strings as cluster names give the same result as 0, 1, 2."""
    X = [[0.0, 1.0], [0.5, 1.2], [4.0, 4.0], [4.2, 3.5], [3.9, 4.4], [9.0, 0.0], [8.5, 0.5]]
    expected = loop_oracle(X, [0, 0, 1, 1, 1, 2, 2])
    for labels in ([10, 10, 30, 30, 30, -4, -4], ["z", "z", "b", "b", "b", "m", "m"], [2, 2, 0, 0, 0, 1, 1]):
        assert_arrays_close(samples(candidate, X, labels), expected, rtol=1e-9, atol=1e-12,
                            name=f"labels {labels}")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_return_types(candidate):
    """silhouette_samples returns a 1-D float numpy array and silhouette_score a float."""
    X, labels = np.array(X_EXAMPLE, dtype=float), np.array(LABELS_EXAMPLE)
    result = candidate.silhouette_samples(X, labels)
    assert isinstance(result, np.ndarray), f"expected a numpy array, got {type(result).__name__}"
    assert result.shape == (7,) and result.dtype.kind == "f", f"got shape {result.shape}, dtype {result.dtype}"
    score = candidate.silhouette_score(X, labels)
    assert isinstance(score, (float, np.floating)), f"expected a float, got {type(score).__name__}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_integer_arrays_and_lists(candidate):
    """Integer numpy arrays and nested lists give the same result."""
    X = [[0, 0], [0, 1], [5, 5], [6, 5], [5, 7]]
    labels = [1, 1, 2, 2, 2]
    expected = loop_oracle(X, labels)
    assert_arrays_close(samples(candidate, np.array(X, dtype=np.int64), np.array(labels)), expected, rtol=1e-9)
    assert_arrays_close(samples(candidate, X, labels), expected, rtol=1e-9)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """Neither function modifies its arguments."""
    X, labels = np.array(X_EXAMPLE, dtype=float), np.array(LABELS_EXAMPLE)
    for function in (candidate.silhouette_samples, candidate.silhouette_score):
        _, args, _ = function.returning_args(X.copy(), labels.copy())
        same = np.array_equal(np.asarray(args[0]), X) and np.array_equal(np.asarray(args[1]), labels)
        assert same, "an argument was modified"


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_invariant_to_translation_rotation_and_scaling(candidate, grading_seed):
    """On 20 random clusterings, translating, rotating or uniformly scaling X changes no coefficient."""
    rng = np.random.default_rng(grading_seed + 1)
    for case in range(20):
        X, labels = random_clustering(rng)
        base = samples(candidate, X, labels)
        angle = float(rng.uniform(0, 2 * np.pi))
        d = X.shape[1]
        rotation = np.eye(d)
        if d >= 2:
            rotation[:2, :2] = [[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]]
        for name, moved in (
            ("translated", X + rng.uniform(-1000, 1000, d)),
            ("rotated", X @ rotation.T),
            ("scaled", X * float(rng.uniform(0.01, 100))),
        ):
            assert_arrays_close(samples(candidate, moved, labels), base, rtol=1e-6, atol=1e-8,
                                name=f"case {case}, {name}")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_coefficients_lie_between_minus_one_and_one(candidate, grading_seed):
    """On 40 random clusterings, every coefficient is finite and within [-1, 1]."""
    rng = np.random.default_rng(grading_seed + 2)
    for case in range(40):
        X, labels = random_clustering(rng, n_max=20)
        labels = rng.permutation(labels)  # random labels give plenty of negative coefficients
        result = samples(candidate, X, labels)
        ok = bool(np.all(np.isfinite(result)) and np.all(np.abs(result) <= 1 + 1e-12))
        assert ok, f"case {case}: a coefficient is outside [-1, 1] or not finite"


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_well_separated_blobs_in_many_dimensions(candidate):
    """Two tight, far-apart blobs of 150 points in 20 dimensions score above 0.95, as the oracle says."""
    rng = np.random.default_rng(4)
    X = np.concatenate([rng.normal(0, 0.1, (150, 20)), rng.normal(5, 0.1, (150, 20))])
    labels = np.repeat([0, 1], 150)
    order = rng.permutation(300)
    X, labels = X[order], labels[order]
    score = float(candidate.silhouette_score(X, labels))
    assert score > 0.95, f"score {score}"
    assert_arrays_close(samples(candidate, X, labels), loop_oracle(X, labels), rtol=1e-8, atol=1e-10)
