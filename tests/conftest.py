"""Shared fixtures for the grader's own tests.

Tests marked ``docker`` need a running daemon and the sandbox image. Outside CI they are
skipped when Docker is missing; under CI (``CI`` set) a missing Docker fails them instead, so a
green CI run always means the Docker tests ran.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator

import pytest

from tests.helpers import LABEL


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden scorecards")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the manifest cache of each test session out of the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def docker_image() -> str:
    """The sandbox image name, once Docker and the image are known to be there."""
    from grader.errors import SandboxUnavailable
    from grader.image import default_image, docker_client, find_image

    name = default_image()
    try:
        find_image(docker_client(), name)
    except SandboxUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Docker tests must run in CI, but: {exc}")
        pytest.skip(f"Docker is not available: {exc}")
    return name


@pytest.fixture
def no_leftover_containers(docker_image: str) -> Iterator[None]:
    """Fail the test if a grader container it started is still there afterwards."""
    before = set(grader_containers())
    yield
    deadline = time.monotonic() + 10  # containers of other, concurrent gradings come and go
    while (left := set(grader_containers()) - before) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not left, f"containers left behind: {sorted(left)}"


def grader_containers() -> list[str]:
    """Ids of all containers the grader created that still exist."""
    return subprocess.run(
        ["docker", "ps", "-aq", "--filter", f"label={LABEL}"], capture_output=True, text=True, check=False
    ).stdout.split()
