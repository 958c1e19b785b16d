"""``grader mutate``: which mutants are made, and how a report counts them."""

from __future__ import annotations

import shutil
from pathlib import Path

from grader.load import load_challenge
from grader.models import SandboxChoice
from grader.mutate import mutants, mutation_report
from tests.helpers import TINY, run_grader

SOURCE = '''
"""A docstring is never mutated: 1 < 2."""
import numpy as np


def f(x, eps=1e-9):
    if x[0] < 2 and not x[1]:
        return np.argmin(np.sort(x), axis=0) + eps
    x.sort()
    return sorted(x)[1] * 2
'''


def test_mutants_cover_the_kinds_candidates_get_wrong() -> None:
    found = {m.description.split(": ", 1)[1] for m in mutants(SOURCE)}
    assert {
        "`<` -> `<=`",
        "`<` -> `>`",
        "`and` -> `or`",
        "drop `not`",
        "`0` -> `1`",
        "`0` -> `-1`",
        "`argmin` -> `argmax`",
        "reverse the `sort`",
        "`axis=0` -> `axis=1`",
        "drop the epsilon `1e-09`",
        "`+` -> `-`",
        "`*` -> `/`",
        "reverse the `sorted`",
    } <= found
    assert not any("1 < 2" in m.description for m in mutants(SOURCE))


def test_every_mutant_differs_from_the_source_and_compiles() -> None:
    for mutant in mutants(SOURCE):
        assert mutant.source != SOURCE
        compile(mutant.source, "mutant", "exec")


def test_in_place_sorts_are_left_alone() -> None:
    assert not any(
        m.description.endswith("reverse the `sort`") and "x.sort()[::-1]" in m.source for m in mutants(SOURCE)
    )


def test_a_report_counts_caught_mutants_and_honours_equivalents(tmp_path: Path) -> None:
    challenge_dir = tmp_path / "tiny"
    shutil.copytree(TINY, challenge_dir)
    report = mutation_report(load_challenge(challenge_dir), SandboxChoice.LOCAL, jobs=2)
    assert len(report.results) >= 8
    assert 0 < report.score <= 1
    assert report.stale_equivalents == ()
    survivors = [r.mutant.description for r in report.survivors]
    stale = "line 999: `<` -> `<=`"
    (challenge_dir / "equivalent_mutants.toml").write_text(
        "".join(
            f'[[equivalent]]\nmutant = "{d}"\nreason = "judged equivalent in a test"\n\n'
            for d in [*survivors, stale]
        )
    )
    again = mutation_report(load_challenge(challenge_dir), SandboxChoice.LOCAL, jobs=2)
    assert again.score == 1.0 and all(r.equivalent_reason for r in again.survivors)
    assert len(again.counted) == len(again.results) - len(survivors)
    assert again.stale_equivalents == (stale,)


def test_f_strings_are_not_mutated() -> None:
    source = (
        "def f(n):\n"
        "    if n < 2:\n"
        '        raise ValueError(f"need at least {2} items, got {n}")\n'
        "    return n\n"
    )
    assert {m.description for m in mutants(source)} == {
        "line 2: `<` -> `<=`",
        "line 2: `<` -> `>`",
        "line 2: `2` -> `3`",
        "line 2: `2` -> `1`",
    }


def test_the_command_prints_scores_and_stale_equivalents(tmp_path: Path) -> None:
    challenge_dir = tmp_path / "tiny"
    shutil.copytree(TINY, challenge_dir)
    (challenge_dir / "equivalent_mutants.toml").write_text(
        '[[equivalent]]\nmutant = "line 999: `1` -> `2`"\nreason = "a line the reference no longer has"\n'
    )
    result = run_grader("mutate", challenge_dir, "--sandbox", "local")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("tiny: "), result.stdout
    assert "mutants caught" in result.stdout
    assert "    stale     line 999: `1` -> `2`  [in equivalent_mutants.toml" in result.stdout
