"""Choosing the sandbox for a grading: Docker when asked for or available, else local."""

from __future__ import annotations

from grader.errors import SandboxUnavailable
from grader.models import SandboxChoice
from grader.run import Sandbox


def open_sandbox(choice: SandboxChoice, image: str | None) -> tuple[Sandbox, tuple[str, ...]]:
    """The sandbox to grade in, and notes for the scorecard about how it was chosen.

    ``auto`` uses Docker when a daemon answers and the image is built, else the local sandbox
    with a note saying why; ``docker`` raises SandboxUnavailable instead of falling back."""
    from grader.local_sandbox import LocalSandbox

    if choice is SandboxChoice.LOCAL:
        return LocalSandbox(), ()
    from grader.docker_sandbox import DockerSandbox
    from grader.image import default_image

    try:
        return DockerSandbox.connect(image or default_image()), ()
    except SandboxUnavailable as exc:
        if choice is SandboxChoice.DOCKER:
            raise
        return LocalSandbox(), (f"the local sandbox was used because {exc}",)
