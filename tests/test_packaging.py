"""The installed package, not the checkout, finds its challenges, harness and Dockerfile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("grader-*.whl")
    return built


def test_the_wheel_bundles_challenges_harness_and_dockerfile(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "grader/_bundled/Dockerfile",
        "grader/_bundled/sandbox/harness/runner.py",
        "grader/_bundled/sandbox/harness/pytest.ini",
        "grader/_bundled/challenges/kmeans/challenge.toml",
        "grader/_bundled/challenges/kmeans/tests/hidden/test_hidden.py",
        "grader/templates/scorecard.html.j2",
    ):
        assert required in names, required
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_an_installed_grader_grades_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    env = dict(os.environ, PYTHONPATH=str(site))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def grader(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "grader", *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    located = subprocess.run(
        [sys.executable, "-c", "import grader.resources as r; print(r.data_root())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert located.stdout.strip() == str(site / "grader" / "_bundled")
    listed = json.loads(grader("list", "--format", "json").stdout)
    assert {"kmeans", "kfold-split", "precision-recall-f1"} <= {c["id"] for c in listed}
    reference = site / "grader" / "_bundled" / "challenges" / "precision-recall-f1" / "reference.py"
    proc = grader("grade", "precision-recall-f1", str(reference), "--sandbox", "local", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    card = json.loads(proc.stdout)
    assert card["score"] == card["max_score"] > 0
