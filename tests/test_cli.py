"""The real ``grader`` command: listing, kits, exit codes and one-line errors (no Docker needed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.helpers import TINY, TINY_SUBMISSIONS, run_grader

NO_DOCKER = dict(os.environ, DOCKER_HOST="unix:///nonexistent/docker.sock")


def test_list_shows_id_title_difficulty_topics() -> None:
    proc = run_grader("list")
    assert proc.returncode == 0
    header, *rows = proc.stdout.splitlines()
    assert header.split() == ["ID", "TITLE", "DIFFICULTY", "TOPICS"]
    assert any(row.startswith("precision-recall-f1 ") and "easy" in row for row in rows)
    listed = json.loads(run_grader("list", "--format", "json").stdout)
    assert {"id", "title", "difficulty", "topics"} <= set(listed[0])


def test_show_prints_the_prompt() -> None:
    proc = run_grader("show", "precision-recall-f1")
    assert proc.returncode == 0 and "def precision_recall_f1(" in proc.stdout


def test_version_and_module_entry_point() -> None:
    proc = run_grader("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("grader, version ")


def test_start_writes_a_kit_and_refuses_to_overwrite(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    proc = run_grader("start", TINY, kit)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.relative_to(kit).as_posix() for p in kit.rglob("*") if p.is_file()) == [
        "README.md",
        "prompt.md",
        "solution.py",
        "tests/test_public.py",
    ]
    assert (kit / "solution.py").read_text() == (TINY / "stub.py").read_text()
    readme = (kit / "README.md").read_text()
    assert "grader test tiny solution.py" in readme
    assert "the standard library and numpy and nothing else" in readme
    again = run_grader("start", TINY, kit)
    assert again.returncode == 7 and "already exists" in again.stderr


def test_unknown_challenge_is_one_line_with_a_suggestion(tmp_path: Path) -> None:
    solution = tmp_path / "s.py"
    solution.write_text("x = 1\n")
    proc = run_grader("grade", "precision-recal-f1", solution)
    assert proc.returncode == 3
    assert (
        proc.stderr
        == "grader: error: unknown challenge 'precision-recal-f1' (did you mean 'precision-recall-f1'?)\n"
    )


def test_docker_required_but_not_running_says_what_to_do(tmp_path: Path) -> None:
    proc = run_grader("grade", TINY, TINY / "reference.py", "--sandbox", "docker", env=NO_DOCKER)
    assert proc.returncode == 5
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and "Docker is not running" in lines[0] and "--sandbox local" in lines[0]
    assert "Traceback" not in proc.stderr


def test_bad_options_are_usage_errors() -> None:
    proc = run_grader("grade", TINY, TINY / "reference.py", "--format", "pdf")
    assert proc.returncode == 2 and "Invalid value for '--format'" in proc.stderr
    missing = run_grader("grade", TINY, "/no/such/file.py")
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_auto_falls_back_to_local_with_a_warning_in_the_scorecard() -> None:
    proc = run_grader("grade", TINY, TINY / "reference.py", "--format", "json", env=NO_DOCKER)
    assert proc.returncode == 0, proc.stderr
    card = json.loads(proc.stdout)
    assert card["score"] == card["max_score"] == 9
    assert card["provenance"]["sandbox"] == "local" and card["provenance"]["isolated"] is False
    assert any("Docker is not running" in note for note in card["notes"])
    assert "warning: graded without isolation" in proc.stderr


def test_an_uncompilable_submission_is_an_ungradable_scorecard_with_exit_zero() -> None:
    proc = run_grader(
        "grade", TINY, TINY_SUBMISSIONS / "syntax_error.py", "--sandbox", "local", "--format", "json"
    )
    assert proc.returncode == 0, proc.stderr
    card = json.loads(proc.stdout)
    assert card["status"] == "ungradable" and card["score"] == 0 and card["max_score"] == 9
    assert "does not compile: SyntaxError" in card["ungradable_reason"]
    assert {t["status"] for t in card["tests"]} == {"not_run"}


def test_fail_under_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "card.html"
    args = (
        "grade",
        TINY,
        TINY_SUBMISSIONS / "syntax_error.py",
        "--sandbox",
        "local",
        "--format",
        "html",
        "-o",
        out,
    )
    below = run_grader(*args, "--fail-under", "50")
    assert below.returncode == 1 and below.stdout == ""
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert run_grader(*args, "--fail-under", "0").returncode == 0


def test_test_command_runs_only_public_tests_in_the_candidate_view() -> None:
    proc = run_grader("test", TINY, TINY / "reference.py", "--sandbox", "local", "--format", "json")
    card = json.loads(proc.stdout)
    assert card["suite"] == "public" and card["view"] == "candidate"
    assert [t["name"] for t in card["tests"]] == ["test_add"] and card["score"] == 1
