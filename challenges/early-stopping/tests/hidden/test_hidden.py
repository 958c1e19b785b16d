"""Hidden tests for early-stopping.

Values and min_delta are multiples of 1/8 or other exactly representable binary fractions
wherever a comparison sits on a boundary, so that every algebraically equivalent form of the
pinned comparison (v < best - d, v + d < best, best - v > d) gives the same answer."""

import math

import numpy as np
import pytest


def oracle(values, patience, min_delta=0.0, mode="min"):
    """An independent oracle: the rule as stated, with explicit per-mode comparisons."""
    best = math.inf if mode == "min" else -math.inf
    best_epoch, wait = -1, 0
    for epoch, v in enumerate(float(x) for x in values):
        if mode == "min":
            improved = v + min_delta < best if not math.isinf(best) else v < best
        else:
            improved = v - min_delta > best if not math.isinf(best) else v > best
        if improved:
            best, best_epoch, wait = v, epoch, 0
            continue
        wait += 1
        if wait >= patience:
            return epoch, best_epoch
    return len(values) - 1, best_epoch


def epochs(result, what="result"):
    """``result`` as a pair of Python ints (any integer type accepted here; the api test checks types)."""
    assert len(result) == 2, f"{what}: expected (stop_epoch, best_epoch), got {result!r}"
    for item in result:
        whole = isinstance(item, (int, np.integer)) or (isinstance(item, (float, np.floating)) and float(item).is_integer())
        assert whole and not isinstance(item, bool), f"{what}: {item!r} is not an epoch number"
    return int(result[0]), int(result[1])


def assert_epochs(result, expected, what="result"):
    got = epochs(result, what)
    assert got == tuple(expected), f"{what}: got (stop_epoch, best_epoch) = {got}, expected {tuple(expected)}"


# -- correctness -------------------------------------------------------------------------------


@pytest.mark.points(3)
@pytest.mark.category("correctness")
def test_reference_histories(candidate):
    """Five loss histories with min_delta=0.01 or 0.1 give the expected stop and best epochs."""
    cases = [
        (([0.9, 0.8, 0.7, 0.6, 0.5], 2, 0.01), (4, 4)),
        (([0.9, 0.8, 0.79, 0.78, 0.77], 2, 0.1), (4, 2)),  # 0.9 - 0.1 == 0.8 exactly: 0.8 is no improvement
        (([0.5, 0.4, 0.4, 0.4, 0.4], 2, 0.01), (3, 1)),
        (([0.9, 0.8, 0.75, 0.77, 0.76, 0.77, 0.78], 3, 0.01), (5, 2)),
        (([2.0, 1.0, 1.5, 0.5, 0.6, 0.7, 0.25, 0.3], 2, 0.0), (5, 3)),
    ]
    for (values, patience, min_delta), expected in cases:
        result = candidate.early_stopping(values, patience, min_delta)
        assert_epochs(result, expected, f"early_stopping({values}, {patience}, {min_delta})")


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_wait_resets_after_an_improvement(candidate):
    """The epochs without improvement must be consecutive: an improvement starts the count again."""
    values = [1.0, 1.5, 0.5, 1.5, 0.25, 1.5, 0.125, 2.0, 2.0]
    assert_epochs(candidate.early_stopping(values, 2), (8, 6))
    assert_epochs(candidate.early_stopping(values, 1), (1, 0))


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_max_mode(candidate):
    """In max mode higher values improve, and min_delta applies upwards."""
    accuracy = [0.5, 0.625, 0.75, 0.75, 0.875, 0.8125, 0.9375, 0.875]
    assert_epochs(candidate.early_stopping(accuracy, 1, mode="max"), (3, 2))
    assert_epochs(candidate.early_stopping(accuracy, 2, mode="max"), (7, 6))
    assert_epochs(candidate.early_stopping(accuracy, 2, min_delta=0.125, mode="max"), (4, 2))


@pytest.mark.points(4)
@pytest.mark.category("correctness")
def test_matches_oracle_on_random_histories(candidate, grading_seed):
    """Agrees with the rule replayed step by step on 200 random histories, both modes."""
    rng = np.random.default_rng(grading_seed)
    for case in range(200):
        n = int(rng.integers(1, 30))
        trend = -1 if case % 2 else 1
        values = (np.cumsum(rng.integers(-3, 3, n) * trend) / 8.0 + 4.0).tolist()
        patience = int(rng.integers(0, 5))
        min_delta = float(rng.choice([0.0, 0.125, 0.25, 0.5]))
        mode = "min" if trend == 1 else "max"
        result = candidate.early_stopping(values, patience, min_delta, mode)
        what = f"case {case}: early_stopping({values}, {patience}, {min_delta}, {mode!r})"
        assert_epochs(result, oracle(values, patience, min_delta, mode), what)


# -- edge cases --------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_patience_zero(candidate):
    """patience=0 stops at the first epoch that does not improve, and never at an improving one."""
    assert_epochs(candidate.early_stopping([3.0, 2.0, 1.0, 1.5, 0.5], 0), (3, 2))
    assert_epochs(candidate.early_stopping([3.0, 2.0, 1.0], 0), (2, 2))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_equal_value_is_not_an_improvement(candidate):
    """With min_delta=0, a value equal to the best so far does not improve."""
    assert_epochs(candidate.early_stopping([1.0, 0.5, 0.5, 0.5], 2), (3, 1))
    assert_epochs(candidate.early_stopping([1.0, 0.5, 0.5, 0.25], 2), (3, 3))


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_exact_min_delta_is_not_an_improvement(candidate):
    """A value better than the best by exactly min_delta does not improve; by more, it does."""
    assert_epochs(candidate.early_stopping([1.0, 0.75, 0.5], 1, min_delta=0.25), (1, 0))
    assert_epochs(candidate.early_stopping([1.0, 0.625, 0.5], 1, min_delta=0.25), (2, 1))
    assert_epochs(candidate.early_stopping([1.0, 1.25, 1.375], 1, min_delta=0.25, mode="max"), (1, 0))


@pytest.mark.points(2)
@pytest.mark.category("edge_cases")
def test_nan_is_never_an_improvement(candidate):
    """A nan epoch counts as not improving, also as the first epoch."""
    nan = float("nan")
    assert_epochs(candidate.early_stopping([1.0, nan, 0.5, nan, nan], 2), (4, 2))
    assert_epochs(candidate.early_stopping([nan, 1.0, 0.5, 0.75, 0.75], 2), (4, 2))
    assert_epochs(candidate.early_stopping([0.5, nan, 0.75, 0.25], 3, mode="max"), (3, 2))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_no_improvement_at_all(candidate):
    """When no epoch improves (all nan), best_epoch is -1."""
    nan = float("nan")
    assert_epochs(candidate.early_stopping([nan, nan, nan], 2), (1, -1))
    assert_epochs(candidate.early_stopping([nan, 1.0], 0), (0, -1))
    assert_epochs(candidate.early_stopping([nan], 5, mode="max"), (0, -1))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_single_epoch(candidate):
    """One epoch: it improves and is both the last and the best epoch."""
    assert_epochs(candidate.early_stopping([0.3], 0), (0, 0))
    assert_epochs(candidate.early_stopping([0.3], 4, min_delta=1.0, mode="max"), (0, 0))


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_never_stopping(candidate):
    """Steadily improving values never stop training: the last epoch is both stop and best epoch."""
    values = [10.0 - i for i in range(12)]
    assert_epochs(candidate.early_stopping(values, 1), (11, 11))
    assert_epochs(candidate.early_stopping(values, 3, min_delta=0.5), (11, 11))


# -- api ---------------------------------------------------------------------------------------


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_returns_a_tuple_of_two_ints(candidate):
    """The result is a tuple of two integers."""
    result = candidate.early_stopping([0.9, 0.8, 0.85, 0.86], 2)
    assert isinstance(result, tuple) and len(result) == 2, f"expected a tuple of two, got {result!r}"
    for item in result:
        is_int = isinstance(item, (int, np.integer)) and not isinstance(item, bool)
        assert is_int, f"{item!r} is a {type(item).__name__}, not an int"
    assert_epochs(result, (3, 1))


@pytest.mark.points(2)
@pytest.mark.category("api")
def test_invalid_arguments_raise_value_error(candidate):
    """Empty histories, negative patience or min_delta and unknown modes are rejected with ValueError."""
    calls = {
        "empty val_losses": lambda: candidate.early_stopping([], 2),
        "patience=-1": lambda: candidate.early_stopping([0.5, 0.4], -1),
        "patience=-3": lambda: candidate.early_stopping([0.5, 0.4], -3),
        "min_delta=-0.5": lambda: candidate.early_stopping([0.5, 0.4], 2, min_delta=-0.5),
        "min_delta=-0.001": lambda: candidate.early_stopping([0.5, 0.4], 2, min_delta=-0.001),
        "mode='maximize'": lambda: candidate.early_stopping([0.5, 0.4], 2, mode="maximize"),
        "mode='MIN'": lambda: candidate.early_stopping([0.5, 0.4], 2, mode="MIN"),
    }
    for what, call in calls.items():
        with pytest.raises(ValueError):
            call()
            raise AssertionError(f"{what}: no ValueError raised")


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_arrays_defaults_and_keywords(candidate):
    """Numpy arrays, integer values, the defaults (min_delta=0, mode='min') and keywords all work."""
    values = [5, 4, 4, 3, 3, 3]
    expected = oracle(values, 2)
    assert_epochs(candidate.early_stopping(values, 2), expected, "list of ints")
    assert_epochs(candidate.early_stopping(np.array(values, dtype=np.int64), 2), expected, "int array")
    assert_epochs(candidate.early_stopping(np.array(values, dtype=float), patience=2), expected, "float array")
    assert_epochs(
        candidate.early_stopping(mode="min", min_delta=0.0, patience=2, val_losses=values), expected, "keywords"
    )


@pytest.mark.points(1)
@pytest.mark.category("api")
def test_inputs_are_not_modified(candidate):
    """The function does not modify the history it is given."""
    values = np.array([0.5, 0.25, 0.75, 0.125])
    _, args, _ = candidate.early_stopping.returning_args(values.copy(), 1, 0.0, "max")
    same = np.array_equal(np.asarray(args[0]), values)
    assert same, "val_losses was modified"


# -- numerical ---------------------------------------------------------------------------------


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_max_mode_mirrors_min_mode(candidate, grading_seed):
    """On 100 random histories, max mode on the negated values gives the same epochs as min mode."""
    rng = np.random.default_rng(grading_seed + 1)
    for case in range(100):
        n = int(rng.integers(1, 25))
        values = (rng.integers(-16, 17, n) / 8.0).tolist()
        patience = int(rng.integers(0, 4))
        min_delta = float(rng.choice([0.0, 0.125, 0.375]))
        as_min = epochs(candidate.early_stopping(values, patience, min_delta, "min"))
        as_max = epochs(candidate.early_stopping([-v for v in values], patience, min_delta, "max"))
        assert as_min == as_max, f"case {case}: min mode {as_min}, max mode on negated values {as_max}"
        assert as_min == oracle(values, patience, min_delta), f"case {case}: {as_min}"


@pytest.mark.points(1)
@pytest.mark.category("numerical")
def test_best_epoch_is_the_first_minimum(candidate, grading_seed):
    """On 100 random histories with min_delta=0, best_epoch is the first minimum up to stop_epoch."""
    rng = np.random.default_rng(grading_seed + 2)
    for case in range(100):
        values = rng.integers(0, 6, int(rng.integers(1, 25))).astype(float)
        stop, best = epochs(candidate.early_stopping(values, int(rng.integers(0, 5))))
        assert 0 <= best <= stop < len(values), f"case {case}: stop {stop}, best {best}"
        assert best == int(np.argmin(values[: stop + 1])), f"case {case}: best {best} is not the first minimum"


@pytest.mark.points(2)
@pytest.mark.category("numerical")
def test_tiny_and_huge_values(candidate):
    """Improvements of 1e-12 count with min_delta=0; values near 1e12 compare exactly."""
    assert_epochs(candidate.early_stopping([1.0, 1.0 - 1e-12, 1.0 - 2e-12, 1.0 - 2e-12], 1), (3, 2))
    big = 1e12
    assert_epochs(candidate.early_stopping([big, big - 1.0, big - 1.5, big - 2.0], 1, min_delta=0.5), (2, 1))
    assert_epochs(candidate.early_stopping([big, big - 1.0, big - 1.75, big - 2.0], 1, min_delta=0.5), (3, 2))
