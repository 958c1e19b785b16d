"""``grader batch``: many submissions, graded in parallel, resumable, here or on a Dask cluster.

Layouts of the submissions folder:

    submissions/<candidate>/<challenge-id>/...      a folder (or .py, .zip, .tar.gz) per challenge
    submissions/<candidate>/...  with --challenge   one submission per candidate (folder or file)

Every submission becomes one *record* in the results folder, written atomically as soon as it
is known: ``<results>/<candidate>/<challenge>.json``. A record is the reviewer scorecard's JSON
plus a ``candidate`` and a ``batch`` section; submissions that could not be graded at all
(unknown challenge folder, unreadable submission, sandbox failures that outlived the retries)
get a record of the same shape with that status and the reason. Reports (``grader report``)
are derived from the records alone.

A record is final once it holds a scorecard; rerunning the batch skips a submission whose
record was made from the same source bytes, the same challenge content and the same sandbox
image (``--force`` regrades). An interrupted batch keeps every finished record and leaves no
sandbox running; the next run picks up the rest.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import json
import os
import re
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from grader import __version__
from grader.errors import ChallengeInvalid, ChallengeNotFound, GraderError, SandboxFailed, SandboxUnavailable
from grader.load import load_challenge
from grader.models import Challenge, OutputFormat, SandboxChoice, SandboxKind, Scorecard, View
from grader.pipeline import GradeRequest, grade
from grader.render import SCHEMA, render, to_json
from grader.render import for_view as redact
from grader.run import cancel_all_runs

SUBMISSION_SUFFIXES = (".py", ".zip", ".tar.gz", ".tgz")
MAX_SHIPPED_BYTES = 16 * 1024 * 1024
RETRY_DELAYS = (2.0, 5.0, 15.0)
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._@+-]")


class RowStatus(StrEnum):
    """What became of one submission in a batch."""

    GRADED = "graded"
    UNGRADABLE = "ungradable"
    UNKNOWN_CHALLENGE = "unknown_challenge"
    UNREADABLE = "unreadable"
    FAILED = "failed"


@dataclass(frozen=True)
class BatchItem:
    """One submission found in the submissions folder."""

    candidate: str
    challenge: str
    submission: Path
    problem: tuple[RowStatus, str] | None = None

    @property
    def key(self) -> str:
        return f"{self.candidate}/{self.challenge}"


@dataclass(frozen=True)
class BatchSettings:
    sandbox: SandboxChoice = SandboxChoice.AUTO
    image: str | None = None
    seed: int = 0
    jobs: int = 2
    force: bool = False
    html: bool = False


@dataclass(frozen=True)
class Finished:
    """A record written for an item (``skipped``: it was already up to date)."""

    item: BatchItem
    record: dict[str, Any]
    seconds: float
    skipped: bool = False


@dataclass(frozen=True)
class Verdict:
    """What a batch keeps of a finished submission once its record is written: enough for the
    exit code, so that a batch's memory does not grow with the cohort."""

    key: str
    status: RowStatus
    percent: float

    @classmethod
    def of(cls, finished: Finished) -> Verdict:
        record = finished.record
        return cls(finished.item.key, RowStatus(record["status"]), float(record["percent"]))


# -- finding the submissions -------------------------------------------------------------------


def discover(root: Path, challenge: str | None, known: Callable[[], list[str]]) -> tuple[BatchItem, ...]:
    """Every submission under ``root``, sorted by candidate and challenge."""
    if not root.is_dir():
        raise GraderError(f"{root} is not a folder of submissions")
    items: list[BatchItem] = []
    for entry in _entries(root):
        if challenge is not None:
            items.append(BatchItem(_stem(entry), challenge, entry, _readable_problem(entry)))
        elif not entry.is_dir() or entry.is_symlink():
            problem = (
                RowStatus.UNREADABLE,
                "expected a folder per candidate, holding a folder per challenge",
            )
            items.append(BatchItem(_stem(entry), "?", entry, problem))
        else:
            items += [_challenge_item(entry.name, sub, known) for sub in _entries(entry)]
    return tuple(sorted(items, key=lambda i: (i.candidate, i.challenge)))


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def _stem(path: Path) -> str:
    name = path.name
    for suffix in SUBMISSION_SUFFIXES:
        if name.endswith(suffix) and not path.is_dir():
            return name[: -len(suffix)]
    return name


def _readable_problem(path: Path) -> tuple[RowStatus, str] | None:
    if path.is_symlink():
        return RowStatus.UNREADABLE, "the submission is a symbolic link"
    if path.is_dir() or path.name.endswith(SUBMISSION_SUFFIXES):
        return None
    return RowStatus.UNREADABLE, f"{path.name} is not a folder, .py, .zip or .tar.gz"


def _challenge_item(candidate: str, path: Path, known: Callable[[], list[str]]) -> BatchItem:
    challenge = _stem(path)
    ids = known()
    if challenge not in ids:
        close = difflib.get_close_matches(challenge, ids, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return BatchItem(
            candidate, challenge, path, (RowStatus.UNKNOWN_CHALLENGE, f"no challenge {challenge!r}{hint}")
        )
    return BatchItem(candidate, challenge, path, _readable_problem(path))


def select_shard(items: tuple[BatchItem, ...], index: int, count: int) -> tuple[BatchItem, ...]:
    """Shard ``index`` (1-based) of ``count``: disjoint, covering, stable as items come and go."""
    return tuple(i for i in items if int(hashlib.sha256(i.key.encode()).hexdigest(), 16) % count == index - 1)


def source_sha256(path: Path) -> str:
    """A hash of a submission's bytes as found (files, folder trees and links, never followed)."""
    digest = hashlib.sha256()
    if not path.is_dir() or path.is_symlink():
        digest.update(_file_bytes(path))
        return digest.hexdigest()
    for item in sorted(path.rglob("*")):
        relative = item.relative_to(path).as_posix().encode()
        if item.is_symlink():
            digest.update(b"L" + relative + b"\0" + os.readlink(item).encode() + b"\0")
        elif item.is_file():
            digest.update(b"F" + relative + b"\0" + hashlib.sha256(_file_bytes(item)).digest())
        elif item.is_dir():
            digest.update(b"D" + relative + b"\0")
    return digest.hexdigest()


def _file_bytes(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return b"<unreadable>"
    with os.fdopen(fd, "rb") as handle:
        return handle.read(MAX_SHIPPED_BYTES + 1)


# -- the results folder ------------------------------------------------------------------------


class Results:
    """The results folder: one record per submission, plus the reports derived from them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def record_path(self, item: BatchItem, suffix: str = ".json") -> Path:
        return self.root / safe_name(item.candidate) / f"{safe_name(item.challenge)}{suffix}"

    def load(self, item: BatchItem) -> dict[str, Any] | None:
        try:
            loaded = json.loads(self.record_path(item).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return loaded if isinstance(loaded, dict) else None

    def write(self, item: BatchItem, record: dict[str, Any], html: str | None = None) -> None:
        write_atomically(self.record_path(item), json.dumps(record, indent=1, ensure_ascii=False) + "\n")
        if html is not None:
            write_atomically(self.record_path(item, ".html"), html)

    def records(self) -> Iterator[dict[str, Any]]:
        """Every record in the folder, by candidate then challenge."""
        for path in sorted(self.root.glob("*/*.json")):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(record, dict) and record.get("schema") == SCHEMA and "batch" in record:
                yield record


def safe_name(name: str) -> str:
    """A name usable as one path component (candidate and challenge names come from folders)."""
    cleaned = _SAFE_NAME.sub("_", name).strip(".") or "_"
    return cleaned[:120]


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its parts, in order) to ``path``: readers see the old file or the whole
    new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    with partial.open("w", encoding="utf-8") as handle:
        handle.writelines([text] if isinstance(text, str) else text)
    partial.replace(path)


# -- records -----------------------------------------------------------------------------------


def record_from_scorecard(
    card: Scorecard, item: BatchItem, source: str, attempts: int, image: str
) -> dict[str, Any]:
    """The record of a graded (or ungradable) submission; ``image`` is the batch's image key."""
    record = to_json(redact(card, View.REVIEWER))
    record["candidate"] = item.candidate
    record["batch"] = _batch_section(item, source, attempts, image)
    return record


def problem_record(item: BatchItem, status: RowStatus, reason: str, source: str = "") -> dict[str, Any]:
    """A record for a submission that has no scorecard."""
    return {
        "schema": SCHEMA,
        "view": View.REVIEWER.value,
        "challenge": {"id": item.challenge, "title": ""},
        "status": status.value,
        "ungradable_reason": reason,
        "score": 0,
        "max_score": 0,
        "percent": 0.0,
        "suite": "all",
        "categories": [],
        "tests": [],
        "notes": [],
        "dropped_files": [],
        "flags": [],
        "provenance": {"grader_version": __version__},
        "candidate": item.candidate,
        "batch": _batch_section(item, source, 0, None),
    }


def _batch_section(item: BatchItem, source: str, attempts: int, image: str | None) -> dict[str, Any]:
    return {
        "candidate": item.candidate,
        "challenge": item.challenge,
        "source": str(item.submission),
        "source_sha256": source,
        "image": image,
        "attempts": attempts,
        "recorded_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def is_current(record: dict[str, Any] | None, source: str, challenge_hash: str, image: str) -> bool:
    """Whether a record already grades these exact source bytes, challenge and image."""
    if record is None or record.get("status") not in (RowStatus.GRADED, RowStatus.UNGRADABLE):
        return False
    batch, provenance = record.get("batch", {}), record.get("provenance", {})
    return bool(
        batch.get("source_sha256") == source
        and provenance.get("challenge_sha256") == challenge_hash
        and batch.get("image") == image
    )


# -- grading one submission ----------------------------------------------------------------------


def grade_item(
    challenge: Path,
    item: BatchItem,
    source: str,
    settings: BatchSettings,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[dict[str, Any], str | None]:
    """Grade one submission into a record (and reviewer HTML), retrying sandbox failures."""
    request = GradeRequest(
        challenge, item.submission, sandbox=settings.sandbox, image=settings.image, seed=settings.seed
    )
    for attempt, delay in enumerate((*RETRY_DELAYS, None), start=1):
        try:
            card = grade(request)
        except (SandboxFailed, SandboxUnavailable) as exc:
            if delay is None:
                return problem_record(
                    item, RowStatus.FAILED, f"{exc} (after {attempt} attempts)", source
                ), None
            sleep(delay)
            continue
        except GraderError as exc:
            return problem_record(item, RowStatus.UNREADABLE, str(exc), source), None
        html = render(card, OutputFormat.HTML, View.REVIEWER) if settings.html else None
        kind = SandboxKind.LOCAL if settings.sandbox is SandboxChoice.LOCAL else SandboxKind.DOCKER
        return record_from_scorecard(card, item, source, attempt, image_key(settings, kind)), html
    raise AssertionError("unreachable")


def grade_shipped(payload: dict[str, Any], challenge_tar: bytes) -> tuple[dict[str, Any], str | None]:
    """The unit of work on a Dask worker: unpack the challenge and submission, grade, return."""
    with tempfile.TemporaryDirectory(prefix="grader-task-") as tmp:
        challenge = unpack(challenge_tar, Path(tmp) / "challenge")
        submission = Path(tmp) / "submission" / payload["submission_name"]
        if payload["submission_is_folder"]:
            unpack(payload["submission"], submission)
        else:
            submission.parent.mkdir()
            submission.write_bytes(payload["submission"])
        item = BatchItem(payload["candidate"], payload["challenge_id"], submission)
        record, html = grade_item(
            challenge, item, payload["source_sha256"], BatchSettings(**payload["settings"])
        )
    record["batch"]["source"] = payload["source"]
    return record, html


def pack(folder: Path) -> bytes:
    """A folder as tar bytes; links and special files go in as such, never followed."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for path in sorted(folder.rglob("*")):
            archive.add(path, arcname=path.relative_to(folder).as_posix(), recursive=False)
    return buffer.getvalue()


def unpack(data: bytes, dest: Path) -> Path:
    """Unpack tar bytes made by ``pack`` into ``dest`` (safe members only, see tarfile's data filter)."""
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for member in archive.getmembers():
            try:
                archive.extract(member, dest, filter="data")
            except tarfile.FilterError:
                continue  # links pointing outside, devices...: staging would drop them anyway
    return dest


# -- running a batch -----------------------------------------------------------------------------


class Batch:
    """A batch over a results folder: decides what needs grading and writes what comes back."""

    def __init__(self, results: Results, settings: BatchSettings, image_key: str) -> None:
        self.results = results
        self.settings = settings
        self.image_key = image_key
        self._challenges: dict[str, Challenge | str] = {}

    def challenge(self, challenge_id: str) -> Challenge | str:
        """The loaded challenge, or why it cannot be loaded."""
        if challenge_id not in self._challenges:
            try:
                self._challenges[challenge_id] = load_challenge(challenge_id)
            except (ChallengeNotFound, ChallengeInvalid) as exc:
                self._challenges[challenge_id] = str(exc)
        return self._challenges[challenge_id]

    def triage(self, item: BatchItem) -> tuple[Finished | None, str]:
        """A finished result when nothing needs grading (a problem row or an up-to-date record),
        else None; and the submission's source hash."""
        started = time.monotonic()
        if item.problem is not None:
            return self._finish(item, problem_record(item, *item.problem), started), ""
        challenge = self.challenge(item.challenge)
        if isinstance(challenge, str):
            return self._finish(
                item, problem_record(item, RowStatus.UNKNOWN_CHALLENGE, challenge), started
            ), ""
        source = source_sha256(item.submission)
        existing = self.results.load(item)
        if not self.settings.force and is_current(existing, source, challenge.content_hash, self.image_key):
            assert existing is not None
            return Finished(item, existing, 0.0, skipped=True), source
        return None, source

    def to_grade(
        self, items: Iterator[BatchItem], on_finish: Callable[[Finished], None]
    ) -> Iterator[tuple[BatchItem, str]]:
        """The items that need a sandbox, with their source hash; the others are finished on the way."""
        for item in items:
            done, source = self.triage(item)
            if done is None:
                yield item, source
            else:
                on_finish(done)

    def _finish(
        self, item: BatchItem, record: dict[str, Any], started: float, html: str | None = None
    ) -> Finished:
        self.results.write(item, record, html)
        return Finished(item, record, time.monotonic() - started)

    def grade_here(self, item: BatchItem, source: str) -> tuple[Finished, str | None]:
        """Grade on this machine: the finished record and, with --html, the reviewer HTML."""
        started = time.monotonic()
        challenge = self.challenge(item.challenge)
        assert not isinstance(challenge, str)
        record, html = grade_item(challenge.root, item, source, self.settings)
        return Finished(item, record, time.monotonic() - started), html

    def payload(self, item: BatchItem, source: str) -> dict[str, Any]:
        """What a remote worker needs besides the challenge, by value (no shared filesystem)."""
        is_folder = item.submission.is_dir()
        return {
            "candidate": item.candidate,
            "challenge_id": item.challenge,
            "submission": pack(item.submission) if is_folder else _file_bytes(item.submission),
            "submission_is_folder": is_folder,
            "submission_name": item.submission.name,
            "source": str(item.submission),
            "source_sha256": source,
            "settings": {
                "sandbox": self.settings.sandbox,
                "image": self.settings.image,
                "seed": self.settings.seed,
                "jobs": 1,
                "force": False,
                "html": self.settings.html,
            },
        }


@dataclass(frozen=True)
class Outcome:
    """How a batch run ended."""

    verdicts: tuple[Verdict, ...]
    interrupted: bool = False

    @property
    def failed(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if v.status is RowStatus.FAILED)

    def below(self, percent: float) -> tuple[Verdict, ...]:
        """The submissions under ``percent`` (rows for unknown challenges are not candidates' scores)."""
        return tuple(
            v for v in self.verdicts if v.status is not RowStatus.UNKNOWN_CHALLENGE and v.percent < percent
        )


def _keeping_verdicts(
    on_finish: Callable[[Finished], None],
) -> tuple[list[Verdict], Callable[[Finished], None]]:
    """A list that collects each finished submission's verdict, and the callback that fills it."""
    verdicts: list[Verdict] = []

    def finish(result: Finished) -> None:
        verdicts.append(Verdict.of(result))
        on_finish(result)

    return verdicts, finish


def image_key(settings: BatchSettings, kind: SandboxKind) -> str:
    """What identifies the sandbox image for resuming: the image's name (its tag encodes the
    Dockerfile), or "local" for the local sandbox."""
    if kind is SandboxKind.LOCAL:
        return "local"
    from grader.image import default_image

    return settings.image or default_image()


def run_local(
    batch: Batch,
    items: tuple[BatchItem, ...],
    on_start: Callable[[BatchItem], None],
    on_finish: Callable[[Finished], None],
) -> Outcome:
    """Grade ``items`` with ``jobs`` sandboxes at once; at most 2x jobs submissions in memory."""
    verdicts, finish = _keeping_verdicts(on_finish)
    pending = batch.to_grade(iter(items), finish)
    running: dict[Future[Any], BatchItem] = {}
    with ThreadPoolExecutor(max_workers=batch.settings.jobs, thread_name_prefix="grader-batch") as pool:
        try:
            while True:
                while len(running) < batch.settings.jobs * 2 and (next_item := next(pending, None)):
                    item, source = next_item
                    on_start(item)
                    running[pool.submit(batch.grade_here, item, source)] = item
                if not running:
                    break
                complete, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in complete:
                    item = running.pop(future)
                    result, html = future.result()
                    batch.results.write(item, result.record, html)
                    finish(result)
        except KeyboardInterrupt:
            for future in running:
                future.cancel()
            cancel_all_runs()
            return Outcome(tuple(verdicts), interrupted=True)
    return Outcome(tuple(verdicts))


def run_on_dask(
    batch: Batch,
    items: tuple[BatchItem, ...],
    scheduler: str,
    on_start: Callable[[BatchItem], None],
    on_finish: Callable[[Finished], None],
    window: int = 64,
) -> Outcome:
    """Grade ``items`` as tasks on a Dask distributed cluster, at most ``window`` in flight;
    each challenge is sent to the cluster once; records are written here as results arrive."""
    from dask.distributed import Client, as_completed

    verdicts, finish = _keeping_verdicts(on_finish)
    pending = batch.to_grade(iter(items), finish)
    with Client(scheduler, timeout="30s") as client:  # type: ignore[no-untyped-call]
        shipped: dict[str, Any] = {}
        running: dict[Any, tuple[BatchItem, float]] = {}
        arrivals = as_completed()  # type: ignore[no-untyped-call]

        def submit_more() -> None:
            while len(running) < window and (next_item := next(pending, None)):
                item, source = next_item
                if item.challenge not in shipped:
                    challenge = batch.challenge(item.challenge)
                    assert not isinstance(challenge, str)
                    shipped[item.challenge] = client.scatter(pack(challenge.root), broadcast=True)
                on_start(item)
                future = client.submit(
                    grade_shipped,
                    batch.payload(item, source),
                    shipped[item.challenge],
                    pure=False,
                    key=f"grade-{item.key}-{source[:12]}",
                )
                running[future] = (item, time.monotonic())
                arrivals.add(future)  # type: ignore[no-untyped-call]

        try:
            submit_more()
            for future in arrivals:
                item, started = running.pop(future)
                record, html = future.result()
                batch.results.write(item, record, html)
                finish(Finished(item, record, time.monotonic() - started))
                submit_more()
        except KeyboardInterrupt:
            client.cancel(list(running))
            return Outcome(tuple(verdicts), interrupted=True)
    return Outcome(tuple(verdicts))


def clean_partials(results: Results) -> None:
    """Remove partial files an interrupted earlier run may have left."""
    for partial in results.root.glob("*/.*.partial"):
        partial.unlink(missing_ok=True)
