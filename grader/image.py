"""The sandbox image: built from the top-level Dockerfile, tagged by the Dockerfile's hash.

The image holds only python3, numpy and pytest (Debian 13's) and the ``candidate`` user; the
harness code and each grading's files are mounted at run time. Its tag changes whenever the
Dockerfile does, so a grader never runs against an image built from another Dockerfile.
``GRADER_IMAGE`` names a different image to use instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grader.errors import SandboxFailed, SandboxUnavailable
from grader.resources import dockerfile

if TYPE_CHECKING:
    import docker

IMAGE_REPOSITORY = "grader-sandbox"
IMAGE_VARIABLE = "GRADER_IMAGE"
DOCKER_HINT = "start Docker, or grade with --sandbox local (no isolation)"
# What the Dockerfile installs, for candidates' kits (a Docker test checks it against the image).
SANDBOX_RUNTIME = {"python": "3.13", "numpy": "2.2", "pytest": "8.3"}


def default_image() -> str:
    """The image name to grade with: ``GRADER_IMAGE`` or the tag of the bundled Dockerfile."""
    override = os.environ.get(IMAGE_VARIABLE)
    if override:
        return override
    digest = hashlib.sha256(dockerfile().read_bytes()).hexdigest()[:12]
    return f"{IMAGE_REPOSITORY}:{digest}"


def docker_client(timeout: float = 10.0) -> docker.DockerClient:
    """A client for a Docker daemon that answers, or SandboxUnavailable saying what to do."""
    import docker
    import requests

    try:
        client = docker.from_env(timeout=int(timeout))
        client.ping()
    except (docker.errors.DockerException, requests.RequestException) as exc:
        where = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
        raise SandboxUnavailable(
            f"Docker is not running (no daemon answers at {where}): {_first_line(exc)}", DOCKER_HINT
        ) from None
    return client


def find_image(client: docker.DockerClient, name: str) -> Any:
    """The local image called ``name``, or SandboxUnavailable with the command that builds it."""
    import docker

    try:
        return client.images.get(name)
    except docker.errors.ImageNotFound:
        raise SandboxUnavailable(
            f"the sandbox image {name} is not built", "run `grader image build`"
        ) from None


def build_image(
    client: docker.DockerClient, name: str, base_image: str | None, log: Callable[[str], None]
) -> str:
    """Build the Dockerfile into ``name``; returns the image id. Streams build output to ``log``."""
    import docker

    buildargs = {"BASE_IMAGE": base_image} if base_image else {}
    with tempfile.TemporaryDirectory(prefix="grader-image-") as context:
        shutil.copy2(dockerfile(), Path(context) / "Dockerfile")
        try:
            stream = client.api.build(
                path=context, tag=name, buildargs=buildargs, rm=True, forcerm=True, decode=True
            )
            image_id = _follow_build(stream, log)
        except docker.errors.DockerException as exc:
            raise SandboxFailed(f"building {name} failed: {_first_line(exc)}") from None
    if image_id is None:
        raise SandboxFailed(f"building {name} failed: the build reported no image")
    return image_id


def _follow_build(stream: Iterator[dict[str, Any]], log: Callable[[str], None]) -> str | None:
    image_id = None
    for chunk in stream:
        if "error" in chunk:
            raise SandboxFailed(f"building the sandbox image failed: {str(chunk['error']).strip()}")
        text = str(chunk.get("stream", "")).rstrip()
        if text:
            log(text)
        aux = chunk.get("aux")
        if isinstance(aux, dict) and "ID" in aux:
            image_id = str(aux["ID"])
        if text.startswith("Successfully built "):
            image_id = image_id or text.split()[-1]
    return image_id


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__
