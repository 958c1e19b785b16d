"""Run stage: the run folder a sandbox gets, and reading its results as untrusted data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from grader.load import load_challenge
from grader.models import Suite
from grader.run import (
    MAX_JUNIT_BYTES,
    RunJob,
    SandboxPaths,
    prepare_run_dir,
    read_results,
    read_untrusted,
    worker_rlimits,
    write_job,
)
from tests.helpers import TINY


@pytest.fixture
def job(tmp_path: Path) -> RunJob:
    challenge = load_challenge(TINY)
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    prepare_run_dir(run_dir, challenge)
    return RunJob(run_dir, challenge, Suite.ALL, seed=3)


def test_the_run_folder_keeps_tests_and_reference_in_the_harness_part(job: RunJob) -> None:
    files = {p.relative_to(job.run_dir).as_posix() for p in job.run_dir.rglob("*") if p.is_file()}
    assert "harness/harness/runner.py" in files and "harness/harness/pytest.ini" in files
    assert "harness/challenge/tests/hidden/test_hidden.py" in files
    assert [f for f in files if "reference" in f] == ["harness/challenge/reference.py"]
    assert not any("prompt" in f or "__pycache__" in f for f in files)


def test_the_job_says_where_things_are_as_the_sandbox_sees_them(job: RunJob) -> None:
    paths = SandboxPaths("/h/run", "/h/results", "/h/tmp", "/sub", "/tmp", 10001, "/opt/pycache", 10002)
    document = json.loads(write_job(job, paths).read_text())
    assert document["challenge_dir"] == "/h/run/challenge"
    assert document["test_paths"] == ["tests/public", "tests/hidden"]
    assert document["seed"] == 3
    assert document["worker"]["uid"] == 10001 and document["worker"]["submission_dir"] == "/sub"
    assert document["worker"]["rlimits"] == worker_rlimits(job.limits)
    assert document["limits"]["per_test_seconds"] == 2
    assert document["reference_worker"] == {
        "entry_module": "reference",
        "module_path": "/h/run/challenge/reference.py",
        "uid": 10002,
        "gid": 10002,
        "prefetch": False,
    }


def test_public_runs_name_only_the_public_tests(job: RunJob) -> None:
    public = RunJob(job.run_dir, job.challenge, Suite.PUBLIC, 0)
    paths = SandboxPaths("/h", "/r", "/t", "/s", "/tmp", None)
    assert json.loads(write_job(public, paths).read_text())["test_paths"] == ["tests/public"]


def test_worker_limits_follow_the_challenge(job: RunJob) -> None:
    limits = worker_rlimits(job.limits)
    assert limits["as"] == (256 + 256) * 1024 * 1024
    assert limits["core"] == 0 and limits["nofile"] == 256


def test_results_are_read_when_regular_files(tmp_path: Path) -> None:
    (tmp_path / "junit.xml").write_text("<testsuites/>")
    (tmp_path / "run.json").write_text('{"pytest_exit_code": 0}')
    junit, facts, problems = read_results(tmp_path)
    assert junit == b"<testsuites/>" and facts == {"pytest_exit_code": 0} and problems == ()


def test_a_symlinked_result_is_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("host secret")
    results = tmp_path / "results"
    results.mkdir()
    (results / "junit.xml").symlink_to(secret)
    junit, _, problems = read_results(results)
    assert junit is None
    assert any("could not be opened safely" in p for p in problems)


def test_a_fifo_result_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "junit.xml")
    problems: list[str] = []
    assert read_untrusted(tmp_path / "junit.xml", 100, problems) is None
    assert problems == ["junit.xml is not a regular file"]


def test_oversized_and_missing_results_are_problems(tmp_path: Path) -> None:
    (tmp_path / "junit.xml").write_bytes(b"x" * (MAX_JUNIT_BYTES + 1))
    (tmp_path / "run.json").write_text("[not an object")
    junit, facts, problems = read_results(tmp_path)
    assert junit is None and facts == {}
    assert any("larger than" in p for p in problems) and any("not valid JSON" in p for p in problems)
    _, _, missing = read_results(tmp_path / "nowhere")
    assert missing == ("junit.xml is missing", "run.json is missing")
