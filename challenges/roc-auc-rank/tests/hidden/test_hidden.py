"""Hidden tests for roc-auc-rank."""

import math

import numpy as np
import pytest

from harness.assertions import assert_close, assert_faster_than


def pair_count(y_true, y_score):
    """An independent oracle: every (positive, negative) pair, a tie counting one half."""
    y = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    pos, neg = s[y == 1][:, None], s[y == 0][None, :]
    return float(((pos > neg) + 0.5 * (pos == neg)).mean())


def assert_auc(result, expected, what="AUC"):
    assert_close(result, expected, rtol=1e-9, atol=1e-12, name=what)


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_frozen_reference_values(candidate):
    """Agrees with frozen scikit-learn values on two cases, one of them full of ties."""
    y = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1]
    s = [0.6, 1.0, 0.8, 0.6, 1.0, 0.2, 0.2, 0.6, 0.0, 0.0, 0.5, 0.5, 0.9, 0.6, 0.5,
         0.5, 0.2, 0.0, 0.2, 0.7, 0.2, 0.4, 0.0, 0.8, 0.2, 0.3, 0.9, 0.5, 0.8, 0.6]
    assert_auc(candidate.roc_auc(y, s), 0.6288888888888888, "tie-heavy case")  # scikit-learn 1.9.1
    y = [0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0]
    s = [0.667, 1.439, -0.676, 0.203, -0.463, 0.127, -1.187, -0.579, -0.196, 0.899, 1.145, -1.324, -0.795,
         0.647, -1.992, -0.463, -0.097, 1.257, 0.689, -0.327, -0.369, -0.25, 1.524, -0.428, -0.304]
    assert_auc(candidate.roc_auc(y, s), 0.6025641025641025, "case with negative scores")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_midranks_of_a_three_way_tie(candidate):
    """Three tied scores spanning two classes get the average of the ranks they span."""
    # ranks: 0.1 -> 1, the three 0.4s -> 3 (they span 2, 3, 4), 0.9 -> 5; the positives hold two
    # 0.4s and the 0.9, so R+ = 3 + 3 + 5 = 11 and AUC = (11 - 6) / (3 * 2)
    assert_auc(candidate.roc_auc([0, 1, 0, 1, 1], [0.1, 0.4, 0.4, 0.4, 0.9]), 5 / 6)


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_pair_count_on_random_tied_scores(candidate, grading_seed):
    """Agrees with a count over all (positive, negative) pairs on 150 random cases full of ties."""
    rng = np.random.default_rng(grading_seed)
    for case in range(150):
        n = int(rng.integers(2, 70))
        y = rng.integers(0, 2, n)
        y[rng.choice(n, 2, replace=False)] = [0, 1]
        levels = int(rng.integers(1, 8))
        s = rng.integers(0, levels, n) * float(rng.choice([0.1, 1.0, 2.5]))
        assert_auc(candidate.roc_auc(y, s), pair_count(y, s), f"case {case}")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_matches_pair_count_on_continuous_scores(candidate, grading_seed):
    """Agrees with a count over all pairs on 50 random cases of distinct real scores and unequal classes."""
    rng = np.random.default_rng(grading_seed + 1)
    for case in range(50):
        n = int(rng.integers(3, 120))
        y = (rng.random(n) < rng.uniform(0.1, 0.9)).astype(int)
        y[rng.choice(n, 2, replace=False)] = [0, 1]
        s = rng.normal(y * rng.uniform(0, 2), 1.0)
        assert_auc(candidate.roc_auc(y.tolist(), s.tolist()), pair_count(y, s), f"case {case}")


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_all_scores_tied(candidate):
    """All scores equal gives 0.5."""
    assert_auc(candidate.roc_auc([1, 0, 0, 1, 0], [0.3] * 5), 0.5)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_perfect_and_reversed_rankings(candidate):
    """A perfect ranking gives 1.0 and a fully reversed one 0.0."""
    y = [0, 0, 1, 0, 1, 1]
    s = [0.1, 0.2, 0.7, 0.3, 0.8, 0.9]
    assert_auc(candidate.roc_auc(y, s), 1.0, "perfect ranking")
    assert_auc(candidate.roc_auc(y, [-v for v in s]), 0.0, "reversed ranking")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_one_sample_of_each_class(candidate):
    """Two samples: 1.0, 0.0 or, when tied, 0.5."""
    assert_auc(candidate.roc_auc([0, 1], [0.2, 0.7]), 1.0)
    assert_auc(candidate.roc_auc([0, 1], [0.7, 0.2]), 0.0)
    assert_auc(candidate.roc_auc([1, 0], [4, 4]), 0.5)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_ties_only_between_classes(candidate):
    """Every positive ties with some negative: each tied pair counts one half."""
    y = [1, 0, 1, 0, 1, 0, 0]
    s = [2.0, 2.0, 5.0, 5.0, 1.0, 1.0, 3.0]
    assert_auc(candidate.roc_auc(y, s), pair_count(y, s))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_a_single_positive(candidate):
    """One positive among many negatives: its share of negatives scored below it (ties halved)."""
    y = [0] * 9 + [1]
    s = [0, 1, 2, 3, 4, 5, 5, 7, 8, 5]
    assert_auc(candidate.roc_auc(y, s), 6 / 9)


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_single_class_raises_value_error(candidate):
    """All-negative, all-positive and empty labels are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.roc_auc([0, 0, 0, 0], [0.1, 0.2, 0.3, 0.4])
    with pytest.raises(ValueError):
        candidate.roc_auc(np.ones(5, dtype=int), np.arange(5.0))
    with pytest.raises(ValueError):
        candidate.roc_auc([], [])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_length_mismatch_raises_value_error(candidate):
    """Labels and scores of different lengths are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.roc_auc([0, 1, 1], [0.3, 0.4])
    with pytest.raises(ValueError):
        candidate.roc_auc(np.array([0, 1]), np.array([0.5]))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_labels_other_than_zero_and_one_raise(candidate):
    """Labels other than 0 and 1 are rejected with ValueError."""
    with pytest.raises(ValueError):
        candidate.roc_auc([0, 1, 2, 1], [0.1, 0.2, 0.3, 0.4])
    with pytest.raises(ValueError):
        candidate.roc_auc([-1, 1, -1, 1], [0.1, 0.2, 0.3, 0.4])


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_returns_a_float(candidate):
    """The result is a float (Python or numpy)."""
    result = candidate.roc_auc([0, 1, 1, 0], [1, 3, 2, 2])
    is_float = isinstance(result, (float, np.floating))
    assert is_float, f"expected a float, got {type(result).__name__}"
    assert_auc(result, 0.875)


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bool_labels_int_scores_and_arrays(candidate):
    """Bool labels, float 0/1 labels, integer scores, lists and numpy arrays all work."""
    y = [True, False, True, True, False, False]
    s = [3, 1, 2, 5, 2, 4]
    expected = pair_count(np.array(y, dtype=int), s)
    assert_auc(candidate.roc_auc(y, s), expected, "bool labels, int scores")
    assert_auc(candidate.roc_auc(np.array(y, dtype=float), np.array(s)), expected, "float labels, arrays")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """The function does not modify its arguments."""
    y, s = np.array([1, 0, 1, 0, 1]), np.array([0.3, 0.1, 0.3, 0.8, 0.5])
    _, args, _ = candidate.roc_auc.returning_args(y.copy(), s.copy())
    same = np.array_equal(np.asarray(args[0]), y) and np.array_equal(np.asarray(args[1]), s)
    assert same, "an argument was modified"


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_negation_and_monotone_transforms(candidate, grading_seed):
    """On 40 random cases, negated scores give 1 - AUC and increasing transforms leave it unchanged."""
    rng = np.random.default_rng(grading_seed + 2)
    for case in range(40):
        n = int(rng.integers(4, 60))
        y = rng.integers(0, 2, n)
        y[:2] = [0, 1]
        s = rng.integers(-5, 6, n) / 4.0
        auc = float(candidate.roc_auc(y, s))
        assert_auc(auc, pair_count(y, s), f"case {case}")
        assert_auc(candidate.roc_auc(y, -s), 1.0 - auc, f"case {case}, negated scores")
        assert_auc(candidate.roc_auc(y, np.exp(s)), auc, f"case {case}, exp(scores)")
        assert_auc(candidate.roc_auc(y, 1000.0 * s - 7.0), auc, f"case {case}, affine scores")
        order = rng.permutation(n)
        assert_auc(candidate.roc_auc(y[order], s[order]), auc, f"case {case}, shuffled samples")


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_nearly_equal_scores_are_not_ties(candidate):
    """Scores one floating-point step apart are distinct, not tied."""
    base = 0.7
    up = float(np.nextafter(base, 2.0))
    down = float(np.nextafter(base, 0.0))
    assert_auc(candidate.roc_auc([0, 1], [base, up]), 1.0, "a positive one step above")
    assert_auc(candidate.roc_auc([1, 0, 0, 1], [down, base, base, up]), 0.5, "one step below and above")
    big = 1e15
    assert_auc(candidate.roc_auc([0, 1, 0, 1], [big, big + 1, big + 2, big + 2]), 0.625, "large scores")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_extreme_magnitudes(candidate):
    """Scores from 1e-300 to 1e300 are ranked like any others."""
    y = [1, 0, 1, 0, 1, 0]
    s = [1e300, -1e300, 1e-300, 0.0, -1e-300, 1e-300]
    assert_auc(candidate.roc_auc(y, s), pair_count(y, s))


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_a_few_thousand_samples(candidate):
    """A few thousand samples with heavy ties: agrees with the pair count."""
    rng = np.random.default_rng(99)
    y = rng.integers(0, 2, 3000)
    s = np.round(rng.normal(y * 0.5, 1.0), 1)
    assert_auc(candidate.roc_auc(y, s), pair_count(y, s))


# -- efficiency --------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("efficiency")
def test_hundreds_of_thousands_of_samples_in_reasonable_time(candidate, reference):
    """Half a million samples with tied scores take at most a few times as long as an O(N log N) numpy solution."""
    rng = np.random.default_rng(2718)
    n = 500_000
    y = (rng.random(n) < 0.4).astype(np.int64)
    s = np.round(rng.normal(y * 0.8, 1.0), 3)
    assert_auc(candidate.roc_auc(y, s), float(reference.roc_auc(y, s)))
    assert_faster_than(lambda: candidate.roc_auc(y, s), lambda: reference.roc_auc(y, s), factor=8)
