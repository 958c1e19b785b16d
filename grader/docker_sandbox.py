"""The Docker sandbox: one fresh, locked-down container per grading, through the Docker SDK.

Inside the container the harness runs as root holding only SETUID, SETGID and KILL (enough to
start workers under the unprivileged uid 10001 and to kill them); workers run as that uid. The
container has no network, no shared memory or message queues, a read-only root filesystem,
size-capped tmpfs scratch space (the only place a worker can write), memory
equal to memory+swap, pid and CPU limits, no-new-privileges, file-size/open-files/core ulimits
and capped logs. What it sees of the host, all through bind mounts of the run folder:

    /harness/run       ro   harness code, the challenge's tests, job.json
    /harness/results   rw   junit.xml, run.json, pytest.log
    /submission        ro   the staged submission
    /harness/tmp       tmpfs, the harness's scratch
    /tmp               tmpfs, the workers' scratch (noexec)

``/harness`` is root's and mode 0700 in the image, so a worker can reach neither the tests nor
the results. The host waits with a deadline, then kills; the container is removed in a
``finally`` block, so an interrupt or an error never leaves one behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from typing import TYPE_CHECKING, Any

from grader.errors import SandboxFailed
from grader.image import docker_client, find_image
from grader.models import RunResult, SandboxKind
from grader.run import (
    HARNESS_MEMORY_MB,
    RunJob,
    SandboxPaths,
    cancellable,
    facts_from,
    read_results,
    write_job,
)

if TYPE_CHECKING:
    import docker

WORKER_UID = 10001
REFERENCE_UID = 10002
LABEL = "dev.grader.run"
MAX_LOG_BYTES = 64 * 1024
CONTAINER_PATHS = SandboxPaths(
    harness="/harness/run",
    results="/harness/results",
    harness_tmp="/harness/tmp",
    submission="/submission",
    scratch="/tmp",
    worker_uid=WORKER_UID,
    pycache="/opt/pycache",
    reference_uid=REFERENCE_UID,
)


class DockerSandbox:
    """Runs each grading in a new container of the sandbox image."""

    kind = SandboxKind.DOCKER
    isolated = True

    def __init__(self, client: docker.DockerClient, image: Any, image_name: str) -> None:
        self.client = client
        self.image = image
        self.image_name = image_name

    @classmethod
    def connect(cls, image_name: str) -> DockerSandbox:
        """A sandbox on the local daemon, or SandboxUnavailable saying what to do."""
        client = docker_client()
        return cls(client, find_image(client, image_name), image_name)

    def close(self) -> None:
        """Close the client's connections to the daemon (a batch opens one per grading)."""
        self.client.close()

    @property
    def image_id(self) -> str:
        return str(self.image.id)

    def run(self, job: RunJob) -> RunResult:
        write_job(job, CONTAINER_PATHS)
        job.results.chmod(0o777)  # container root has no DAC override; /harness (0700) guards it
        start = time.monotonic()
        container = self._create(job)
        try:
            with cancellable(lambda: self._kill(container)):
                timed_out = self._start_and_wait(container, job.deadline_seconds)
            logs = self._logs(container)
        finally:
            self._remove(container)
        junit, facts, problems = read_results(job.results)
        if not facts and not timed_out:
            raise SandboxFailed(f"the sandbox container produced no results: {logs[-300:] or 'no output'}")
        duration = time.monotonic() - start
        run_facts = facts_from(self, self.image_id, facts, problems, timed_out, duration)
        return RunResult(junit, dataclasses.replace(run_facts, image_name=self.image_name))

    def _create(self, job: RunJob) -> Any:
        import docker
        from docker.types import LogConfig, Ulimit

        limits = job.limits
        mib = 1024 * 1024
        memory = f"{limits.memory_mb + HARNESS_MEMORY_MB + limits.scratch_mb}m"
        try:
            return self.client.containers.create(
                self.image.id,
                command=[
                    "python3",
                    "-I",
                    "-B",
                    "-X",
                    f"pycache_prefix={CONTAINER_PATHS.pycache}",
                    "/harness/run/harness/runner.py",
                    "grade",
                    "/harness/run/job.json",
                ],
                user="0:0",
                working_dir="/",
                network_mode="none",
                ipc_mode="none",
                read_only=True,
                tmpfs={
                    "/tmp": f"rw,nosuid,nodev,noexec,size={limits.scratch_mb}m,mode=1777",
                    "/harness/tmp": "rw,nosuid,nodev,noexec,size=64m,mode=0700",
                    "/dev/mqueue": "ro,nosuid,nodev,noexec,size=4k",
                },
                volumes={
                    str(job.harness): {"bind": "/harness/run", "mode": "ro"},
                    str(job.results): {"bind": "/harness/results", "mode": "rw"},
                    str(job.submission): {"bind": "/submission", "mode": "ro"},
                },
                mem_limit=memory,
                memswap_limit=memory,
                pids_limit=limits.max_processes + 32,
                nano_cpus=int(limits.cpus * 1e9),
                cap_drop=["ALL"],
                cap_add=["SETUID", "SETGID", "KILL"],
                security_opt=["no-new-privileges"],
                ulimits=[
                    Ulimit(name="nofile", soft=1024, hard=1024),
                    Ulimit(name="fsize", soft=64 * mib, hard=64 * mib),
                    Ulimit(name="core", soft=0, hard=0),
                ],
                log_config=LogConfig(type="json-file", config={"max-size": "1m", "max-file": "1"}),
                init=True,
                stop_signal="SIGKILL",
                labels={LABEL: job.run_dir.name},
                environment={"PYTHONDONTWRITEBYTECODE": "1"},
            )
        except docker.errors.DockerException as exc:
            raise SandboxFailed(f"could not create the sandbox container: {exc}") from None

    def _start_and_wait(self, container: Any, deadline: float) -> bool:
        """Start, wait up to ``deadline`` seconds, kill on expiry; True when it had to be killed."""
        import docker
        import requests

        try:
            container.start()
            container.wait(timeout=deadline)
            return False
        except (requests.exceptions.ReadTimeout, requests.exceptions.ConnectionError):
            self._kill(container)
            return True
        except docker.errors.DockerException as exc:
            raise SandboxFailed(f"the sandbox container failed: {exc}") from None

    def _kill(self, container: Any) -> None:
        import docker

        with contextlib.suppress(docker.errors.DockerException):
            container.kill()

    def _logs(self, container: Any) -> str:
        import docker

        try:
            data: bytes = container.logs(stdout=True, stderr=True, tail=50)
        except docker.errors.DockerException:
            return ""
        return data[-MAX_LOG_BYTES:].decode("utf-8", "replace")

    def _remove(self, container: Any) -> None:
        import docker

        try:
            container.remove(force=True)
        except docker.errors.NotFound:
            pass
        except docker.errors.DockerException as exc:
            raise SandboxFailed(f"could not remove sandbox container {container.short_id}: {exc}") from None
