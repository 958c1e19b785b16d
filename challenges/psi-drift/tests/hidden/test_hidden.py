"""Hidden tests for psi-drift.

Sample sizes are chosen so that every correct way of evaluating the pinned quantiles (np.quantile
on a 0-1 grid, np.percentile on a 0-100 grid) bins the samples identically: either n - 1 and bins
are coprime, so no quantile position is a whole number and interpolated edges lie well inside the
gap between two distinct values, or the grid fractions are exact in binary (quarters)."""

import bisect
import math

import numpy as np
import pytest

from harness.assertions import assert_close


def oracle_proportions_psi(e, a, eps=1e-4):
    """PSI from proportions, one bin at a time."""
    total = 0.0
    for pe, pa in zip(e, a):
        pe = eps if pe == 0 else float(pe)
        pa = eps if pa == 0 else float(pa)
        total += (pa - pe) * math.log(pa / pe)
    return total


def oracle_bins(expected, bins):
    """The interior edges, as the prompt states them."""
    q = np.unique(np.quantile(np.asarray(expected, dtype=float), np.linspace(0, 1, bins + 1)))
    return q[1:-1].tolist()


def oracle_psi(expected, actual, bins=10, eps=1e-4):
    """An independent oracle: every value placed in its bin with bisect_right, one at a time."""
    edges = oracle_bins(expected, bins)

    def proportions(sample):
        counts = [0] * (len(edges) + 1)
        for x in sample:
            counts[bisect.bisect_right(edges, float(x))] += 1
        return [c / len(sample) for c in counts]

    return oracle_proportions_psi(proportions(expected), proportions(actual), eps)


def assert_psi(result, expected, what="PSI", rtol=1e-9, atol=1e-12):
    assert_close(result, expected, rtol=rtol, atol=atol, name=what)


def sample_size(rng, bins, low=20, high=400):
    """A sample size n with gcd(n - 1, bins) = 1, so that no quantile falls on a whole-number
    position: interpolated edges then lie well inside the gap between two distinct values, and
    every correct way of evaluating np.quantile bins the samples identically."""
    while True:
        n = int(rng.integers(low, high))
        if math.gcd(n - 1, bins) == 1:
            return n


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_proportions_formula(candidate):
    """PSI from proportions follows the formula with the natural logarithm, on uneven bins."""
    e = [0.1, 0.4, 0.3, 0.2]
    a = [0.3, 0.3, 0.3, 0.1]
    assert_psi(candidate.psi_from_proportions(e, a), oracle_proportions_psi(e, a))
    assert_psi(candidate.psi_from_proportions([0.5, 0.5], [0.9, 0.1]), 0.4 * math.log(1.8) - 0.4 * math.log(0.2))


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_three_bins_by_hand(candidate):
    """Three quantile bins of 1..9, with actual values outside and inside them."""
    # q = [1, 11/3, 19/3, 9]: bins (-inf, 3.67), [3.67, 6.33), [6.33, inf); expected 3/3/3, actual 1/3/1
    expected = 2 * (0.2 - 1 / 3) * math.log(0.2 * 3) + (0.6 - 1 / 3) * math.log(0.6 * 3)
    result = candidate.psi([1, 2, 3, 4, 5, 6, 7, 8, 9], [0.5, 5, 5, 5, 12], bins=3)
    assert_psi(result, expected)
    assert_psi(result, 0.2929632769781625)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_normal_samples_with_and_without_drift(candidate):
    """A mean shift of one standard deviation gives a PSI near 0.93; a fresh draw of the same distribution almost 0."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=100_000)
    y = rng.normal(1.0, 1.0, 100_000)
    z = rng.normal(size=100_000)
    shifted = float(candidate.psi(x, y))
    same = float(candidate.psi(x, z))
    assert_psi(shifted, 0.9291914674716429, "PSI with drift")
    assert_psi(same, 0.000110082580625124, "PSI without drift")
    assert shifted > 0.25 and same < 0.01


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_oracle_on_random_samples(candidate, grading_seed):
    """Agrees with a value-by-value binning oracle on 100 random cases, continuous and discrete."""
    rng = np.random.default_rng(grading_seed)
    for case in range(100):
        bins = int(rng.integers(1, 13))
        n = sample_size(rng, bins)
        m = int(rng.integers(1, 300))
        if case % 2:
            expected = rng.integers(0, int(rng.integers(2, 12)), n).astype(float)
            actual = rng.integers(-2, 14, m).astype(float)
        else:
            expected = rng.normal(0, 1, n)
            actual = rng.normal(rng.uniform(-2, 2), rng.uniform(0.3, 3), m)
        result = candidate.psi(expected, actual, bins=bins)
        assert_psi(result, oracle_psi(expected, actual, bins), f"case {case} (bins={bins})", rtol=1e-8, atol=1e-10)


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_identical_samples(candidate):
    """Identical samples give 0, with any number of bins."""
    sample = np.random.default_rng(3).integers(0, 6, 301).astype(float)
    for bins in (1, 4, 10):
        assert_psi(candidate.psi(sample, sample.copy(), bins=bins), 0.0, f"bins={bins}")


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_values_beyond_the_expected_range_are_counted(candidate):
    """Actual values below the expected minimum or above its maximum fall in the outermost bins."""
    expected = np.arange(12.0)  # q = 0, 2.2, 4.4, 6.6, 8.8, 11 with bins=5
    below = [-100.0, -1.0, -1.0, 3.0, 5.0]
    above = [1.0, 5.0, 11.0, 50.0, 1e9]
    assert_psi(candidate.psi(expected, below, bins=5), oracle_psi(expected, below, 5), "values below the minimum")
    assert_psi(candidate.psi(expected, above, bins=5), oracle_psi(expected, above, 5), "values above the maximum")


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_values_on_an_edge_go_to_the_right(candidate):
    """A value equal to an interior edge belongs to the bin on its right."""
    expected = [1.0, 2.0, 3.0, 4.0, 5.0]  # bins=4: edges 2, 3, 4 exactly
    for actual in ([2.0, 2.0, 2.0], [3.0, 4.0, 4.0, 1.0], [1.0, 2.0, 3.0, 4.0]):
        assert_psi(candidate.psi(expected, actual, bins=4), oracle_psi(expected, actual, 4), f"actual={actual}")


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_empty_bins_use_eps(candidate):
    """Bins empty in one sample get eps instead of 0, giving a finite PSI."""
    e = [0.5, 0.5, 0.0]
    a = [0.0, 0.25, 0.75]
    result = candidate.psi_from_proportions(e, a)
    assert math.isfinite(float(result)), "PSI is not finite"
    assert_psi(result, oracle_proportions_psi(e, a))
    assert_psi(candidate.psi_from_proportions([0.0, 1.0], [0.0, 1.0]), 0.0, "zero in both")


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_constant_expected_gives_a_single_bin(candidate):
    """A constant expected sample gives one bin, so the PSI is 0 whatever actual holds."""
    assert_psi(candidate.psi([2.5] * 40, [-7.0, 2.5, 100.0]), 0.0)
    assert_psi(candidate.psi([4], [4, 5, 6], bins=3), 0.0)


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_repeated_values_merge_bins(candidate):
    """Heavily repeated expected values merge equal quantiles into fewer bins."""
    expected = [0.0] * 60 + [1.0] * 30 + [2.0] * 9 + [3.0]  # most deciles are 0
    actual = [0.0] * 10 + [1.0] * 40 + [2.0] * 30 + [3.0] * 20
    assert len(oracle_bins(expected, 10)) < 9
    assert_psi(candidate.psi(expected, actual), oracle_psi(expected, actual))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_more_bins_than_values(candidate):
    """More bins than expected values: bins empty in both samples add nothing."""
    expected, actual = [0.0, 10.0, 20.0, 35.0], [1.0, 2.0, 15.0, 30.0, 50.0]
    assert_psi(candidate.psi(expected, actual, bins=10), oracle_psi(expected, actual, 10))


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_invalid_inputs_raise_value_error(candidate):
    """Empty samples, bins below 1 and mismatched or empty proportions are rejected with ValueError."""
    calls = {
        "empty expected": lambda: candidate.psi([], [1.0, 2.0]),
        "empty actual": lambda: candidate.psi([1.0, 2.0], []),
        "bins=0": lambda: candidate.psi([1.0, 2.0, 3.0], [1.0], bins=0),
        "bins=-2": lambda: candidate.psi([1.0, 2.0, 3.0], [1.0], bins=-2),
        "proportions of lengths 2 and 3": lambda: candidate.psi_from_proportions([0.5, 0.5], [0.2, 0.3, 0.5]),
        "proportions of lengths 1 and 2": lambda: candidate.psi_from_proportions([1.0], [0.5, 0.5]),
        "empty proportions": lambda: candidate.psi_from_proportions([], []),
    }
    for what, call in calls.items():
        with pytest.raises(ValueError):
            call()
            raise AssertionError(f"{what}: no ValueError raised")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_returns_floats(candidate):
    """Both functions return a float."""
    for result in (candidate.psi_from_proportions([0.5, 0.5], [0.4, 0.6]), candidate.psi([1, 2, 3], [2, 3, 4])):
        is_float = isinstance(result, (float, np.floating))
        assert is_float, f"expected a float, got {type(result).__name__}"


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_bins_argument(candidate):
    """bins=1 gives 0, and the default is 10 bins."""
    rng = np.random.default_rng(8)
    expected, actual = rng.normal(size=202), rng.normal(0.5, 1.0, 150)
    assert_psi(candidate.psi(expected, actual, bins=1), 0.0, "bins=1")
    assert_psi(candidate.psi(expected, actual), oracle_psi(expected, actual, 10), "default bins")
    assert_psi(candidate.psi(actual=actual, expected=expected, bins=4), oracle_psi(expected, actual, 4), "keywords")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_eps_argument(candidate):
    """eps sets the value that replaces zero proportions, in both functions."""
    e, a = [0.5, 0.5, 0.0], [0.0, 0.5, 0.5]
    assert_psi(candidate.psi_from_proportions(e, a, eps=1e-6), oracle_proportions_psi(e, a, 1e-6))
    assert_psi(candidate.psi_from_proportions(e, a, 0.01), oracle_proportions_psi(e, a, 0.01))
    expected, actual = [1, 2, 3, 4, 5], [2, 2, 3, 5, 6, 7]
    assert_psi(candidate.psi(expected, actual, bins=4, eps=1e-3), oracle_psi(expected, actual, 4, 1e-3))


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_integer_arrays_and_lists(candidate):
    """Integer numpy arrays and lists give the same result."""
    expected = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4]
    actual = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8]
    want = oracle_psi(expected, actual, 3)
    assert_psi(candidate.psi(np.array(expected), np.array(actual, dtype=np.int32), bins=3), want, "arrays")
    assert_psi(candidate.psi(expected, actual, bins=3), want, "lists")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """Neither function modifies its arguments."""
    expected, actual = np.array([5.0, 1.0, 3.0, 2.0, 4.0]), np.array([2.0, 9.0, 1.0])
    _, args, _ = candidate.psi.returning_args(expected.copy(), actual.copy(), 2)
    same = np.array_equal(np.asarray(args[0]), expected) and np.array_equal(np.asarray(args[1]), actual)
    assert same, "psi modified a sample"
    e, a = np.array([0.0, 0.5, 0.5]), np.array([0.5, 0.5, 0.0])
    _, args, _ = candidate.psi_from_proportions.returning_args(e.copy(), a.copy())
    same = np.array_equal(np.asarray(args[0]), e) and np.array_equal(np.asarray(args[1]), a)
    assert same, "psi_from_proportions modified the proportions"


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_non_negative_and_symmetric(candidate, grading_seed):
    """On 60 random cases, PSI is never negative and swapping the two proportion vectors keeps it."""
    rng = np.random.default_rng(grading_seed + 1)
    for case in range(60):
        k = int(rng.integers(1, 12))
        e = rng.dirichlet(np.ones(k)) * (rng.random(k) < 0.8)
        a = rng.dirichlet(np.ones(k)) * (rng.random(k) < 0.8)
        forward = float(candidate.psi_from_proportions(e, a))
        backward = float(candidate.psi_from_proportions(a, e))
        assert forward >= 0.0, f"case {case}: negative PSI {forward}"
        assert_psi(forward, backward, f"case {case}: swapped", rtol=1e-12, atol=1e-15)
        assert_psi(forward, oracle_proportions_psi(e, a), f"case {case}")


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_tiny_proportions_are_not_replaced(candidate):
    """Proportions below eps that are not exactly 0 are used as they are."""
    e = [1e-7, 0.5 - 1e-7, 0.5]
    a = [0.2, 0.3, 0.5]
    assert_psi(candidate.psi_from_proportions(e, a), oracle_proportions_psi(e, a))


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_a_million_values(candidate):
    """A million values per sample: agrees with a histogram-based count."""
    rng = np.random.default_rng(21)
    expected = rng.exponential(1.0, 1_000_000)
    actual = rng.exponential(1.3, 1_000_000)
    q = np.unique(np.quantile(expected, np.linspace(0, 1, 21)))
    edges = np.concatenate([[-np.inf], q[1:-1], [np.inf]])
    e = np.histogram(expected, bins=edges)[0] / expected.size
    a = np.histogram(actual, bins=edges)[0] / actual.size
    assert_psi(candidate.psi(expected, actual, bins=20), oracle_proportions_psi(e, a), rtol=1e-9)
