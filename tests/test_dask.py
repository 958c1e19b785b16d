"""``grader batch --scheduler``: a real Dask scheduler and two worker processes on loopback.

Each worker grades with its own Docker; submissions and challenges travel to the workers by
value (no shared filesystem is assumed), and records come back into the client's results
folder with the same resume semantics as a local batch.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXTURES, TINY, TINY_SUBMISSIONS, run_grader

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("no_leftover_containers")]
ENV = dict(os.environ, GRADER_CHALLENGES_PATH=str(FIXTURES / "challenges"))
DASK = Path(sys.executable).with_name("dask")


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory, docker_image: str) -> Iterator[str]:
    """The address of a Dask scheduler with two single-threaded worker processes."""
    if not DASK.exists():
        pytest.fail("the dask command is missing: pip install -e '.[dev]' installs distributed")
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    # a clean working folder for the workers: nothing of the checkout on their path
    env = {k: v for k, v in os.environ.items() if k != "GRADER_CHALLENGES_PATH"}
    processes = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(scheduler_file),
            ],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    deadline = time.monotonic() + 60
    while not scheduler_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    address = json.loads(scheduler_file.read_text())["address"]
    for name in ("worker-a", "worker-b"):
        processes.append(
            subprocess.Popen(
                [
                    str(DASK),
                    "worker",
                    address,
                    "--nthreads",
                    "1",
                    "--nworkers",
                    "1",
                    "--name",
                    name,
                    "--no-dashboard",
                    "--local-directory",
                    str(folder / name),
                ],
                cwd=folder,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    _wait_for_workers(address, 2)
    try:
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_for_workers(address: str, count: int) -> None:
    from dask.distributed import Client

    with Client(address, timeout="60s") as client:
        client.wait_for_workers(count, timeout=60)


def cohort(root: Path) -> Path:
    for candidate, source in (
        ("alice", TINY / "reference.py"),
        ("bob", TINY_SUBMISSIONS / "mixed.py"),
        ("carol", TINY_SUBMISSIONS / "syntax_error.py"),
        ("dave", TINY / "reference.py"),
    ):
        (root / candidate).mkdir(parents=True)
        shutil.copy(source, root / candidate / "solution.py")
    (root / "dave" / "helpers.py").write_text("HELP = 1\n")
    return root


def results(out: Path) -> dict[str, dict[str, Any]]:
    return {p.parent.name: json.loads(p.read_text()) for p in out.glob("*/*.json")}


def test_a_cluster_grades_like_this_machine_and_resumes(scheduler: str, tmp_path: Path) -> None:
    subs = cohort(tmp_path / "subs")
    remote = run_grader(
        "batch",
        subs,
        "--out",
        tmp_path / "remote",
        "--challenge",
        "tiny",
        "--scheduler",
        scheduler,
        env=ENV,
        timeout=600,
    )
    assert remote.returncode == 0, remote.stderr
    local = run_grader(
        "batch",
        subs,
        "--out",
        tmp_path / "local",
        "--challenge",
        "tiny",
        "--sandbox",
        "docker",
        env=ENV,
        timeout=600,
    )
    assert local.returncode == 0, local.stderr
    on_cluster, here = results(tmp_path / "remote"), results(tmp_path / "local")
    assert set(on_cluster) == set(here) == {"alice", "bob", "carol", "dave"}
    for candidate in here:
        a, b = on_cluster[candidate], here[candidate]
        assert (a["status"], a["score"], a["max_score"]) == (b["status"], b["score"], b["max_score"])
        assert [t["status"] for t in a["tests"]] == [t["status"] for t in b["tests"]]
        assert a["batch"]["source_sha256"] == b["batch"]["source_sha256"]
    assert (
        on_cluster["alice"]["provenance"]["sandbox"] == "docker"
        and on_cluster["alice"]["provenance"]["isolated"]
    )
    assert on_cluster["alice"]["batch"]["source"] == str(subs / "alice")
    again = run_grader(
        "batch",
        subs,
        "--out",
        tmp_path / "remote",
        "--challenge",
        "tiny",
        "--scheduler",
        scheduler,
        env=ENV,
        timeout=600,
    )
    assert again.returncode == 0 and again.stderr.count("up to date (") == 4
    assert (tmp_path / "remote" / "report.html").is_file()
