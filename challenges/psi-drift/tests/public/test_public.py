"""Public tests for psi-drift: run them with `grader test psi-drift FILE`."""

import math

import numpy as np
import pytest


def assert_value(result, expected):
    value = float(result)
    assert math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-12), f"PSI {value!r} != {expected!r}"


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_psi_from_proportions_example(candidate):
    """The first worked example: PSI of four bins of proportions."""
    assert_value(candidate.psi_from_proportions([0.25] * 4, [0.1, 0.2, 0.3, 0.4]), 0.22821740957339182)


@pytest.mark.points(2)
@pytest.mark.category("correctness")
def test_psi_example_with_an_empty_bin(candidate):
    """The second worked example: quantile bins from expected, a value on an edge, an empty bin."""
    assert_value(candidate.psi([1, 2, 3, 4, 5], [2, 2, 3, 5, 6, 7], bins=4), 1.615922225189147)


@pytest.mark.points(1)
@pytest.mark.category("edge_cases")
def test_identical_samples_give_zero(candidate):
    """The same sample as expected and actual gives 0."""
    sample = np.random.default_rng(1).normal(size=500)
    assert_value(candidate.psi(sample, sample.copy()), 0.0)
