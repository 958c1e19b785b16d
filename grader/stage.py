"""Stage: a submission (.py file, folder, .zip or .tar.gz) -> a clean folder of vetted files.

Nothing from a submission reaches a Python process before it passes here. Only regular files
come through, only ``.py`` modules with importable names are kept, and everything that could
change how the tests run instead of what the code computes is dropped with a stated reason:
pytest and tool configuration, ``conftest.py``, interpreter start-up hooks, bytecode, package
metadata, the candidate's own tests, and modules that shadow the standard library or the
harness's packages. A submission that cannot be graded honestly at all (a path that escapes
its archive, oversized content, bytes that are not plain UTF-8 source, code that does not
compile) is refused: the scorecard says ``ungradable`` and why.

Archives are read in memory, never extracted by a library, and capped by the bytes actually
decompressed. Source is only compiled, never executed.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import sys
import tarfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from grader.errors import SubmissionUnreadable
from grader.models import Challenge, Dropped, StagedFile, StagedSubmission, SubmissionKind

MAX_FILE_BYTES = 512 * 1024
MAX_TOTAL_BYTES = 4 * 1024 * 1024
MAX_ARCHIVE_BYTES = 8 * 1024 * 1024
MAX_EXPANDED_BYTES = 16 * 1024 * 1024
MAX_ENTRIES = 500
MAX_DEPTH = 8

_MODULE_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CODING_RE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
SHADOW_GUARDED = frozenset(
    {
        "pytest",
        "_pytest",
        "pluggy",
        "py",
        "iniconfig",
        "packaging",
        "numpy",
        "harness",
        "grader",
    }
)
TOOL_CONFIG = frozenset(
    {
        "pytest.ini",
        ".pytest.ini",
        "pytest.toml",
        ".pytest.toml",
        "pyproject.toml",
        "setup.cfg",
        "tox.ini",
        "setup.py",
        "noxfile.py",
        ".coveragerc",
        "Pipfile",
        "requirements.txt",
    }
)
STARTUP_HOOKS = frozenset({"sitecustomize.py", "usercustomize.py", "__main__.py"})


class Refused(Exception):
    """The submission cannot be graded; the message says why."""


@dataclass(frozen=True)
class _Entry:
    """A file in the submission, known by name before anything is read."""

    path: PurePosixPath
    regular: bool
    read: Callable[[], bytes]


@dataclass(frozen=True)
class _Source:
    """A kept Python file and its bytes."""

    path: PurePosixPath
    data: bytes


def stage_submission(source: Path, challenge: Challenge, dest: Path) -> StagedSubmission:
    """Vet ``source`` and copy what may run into the empty folder ``dest``."""
    kind = _kind(source)
    dropped: list[Dropped] = []
    flags: list[str] = []
    try:
        with ExitStack() as stack:
            entries = _entries(source, kind, challenge.entry, stack)
            files = _select(entries, challenge.entry, dropped)
        flags = _check_sources(files)
        staged = _write(files, dest)
    except Refused as exc:
        return StagedSubmission(source, kind, dest, (), tuple(dropped), tuple(flags), str(exc))
    return StagedSubmission(source, kind, dest, staged, tuple(dropped), tuple(flags), None, _hash(staged))


def _kind(source: Path) -> SubmissionKind:
    try:
        info = source.lstat()
    except OSError as exc:
        raise SubmissionUnreadable(f"cannot read the submission {source}: {exc.strerror}") from None
    name = source.name.lower()
    if stat.S_ISLNK(info.st_mode):
        raise SubmissionUnreadable(f"the submission {source} is a symbolic link", "pass the real file")
    if stat.S_ISDIR(info.st_mode):
        return SubmissionKind.FOLDER
    if name.endswith(".zip"):
        return SubmissionKind.ZIP
    if name.endswith((".tar.gz", ".tgz")):
        return SubmissionKind.TARBALL
    return SubmissionKind.FILE


def _entries(source: Path, kind: SubmissionKind, entry: str, stack: ExitStack) -> list[_Entry]:
    if kind is SubmissionKind.FOLDER:
        found: list[_Entry] = []
        _walk(source, PurePosixPath(), found, depth=0)
        return found
    if kind is SubmissionKind.FILE:
        if source.suffix != ".py":
            raise Refused(f"{source.name} is not a Python file, a folder, a .zip or a .tar.gz")
        return [_Entry(PurePosixPath(entry), True, lambda: _read_capped(source))]
    if source.stat().st_size > MAX_ARCHIVE_BYTES:
        raise Refused(f"the archive is larger than {MAX_ARCHIVE_BYTES // 2**20} MiB")
    if kind is SubmissionKind.ZIP:
        return _zip_entries(source, stack)
    return _tar_entries(source, stack)


def _read_capped(path: Path) -> bytes:
    """A regular file's bytes, opened without following links; refuses oversized files."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise SubmissionUnreadable(f"cannot read {path}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Refused(f"{path.name} is not a regular file")
        return _capped(handle.read(MAX_FILE_BYTES + 1), path.name)


def _capped(data: bytes, name: object) -> bytes:
    if len(data) > MAX_FILE_BYTES:
        raise Refused(f"{name} is larger than {MAX_FILE_BYTES // 1024} KiB")
    return data


def _walk(folder: Path, rel: PurePosixPath, found: list[_Entry], depth: int) -> None:
    for item in sorted(os.scandir(folder), key=lambda e: e.name):
        if len(found) >= MAX_ENTRIES:
            raise Refused(f"the submission has more than {MAX_ENTRIES} entries")
        path = rel / item.name
        if item.is_dir(follow_symlinks=False) and not item.is_symlink():
            if depth < MAX_DEPTH:
                _walk(Path(item.path), path, found, depth + 1)
            continue
        regular = item.is_file(follow_symlinks=False) and not item.is_symlink()
        found.append(_Entry(path, regular, partial(_read_capped, Path(item.path))))


def _member_path(name: str) -> PurePosixPath:
    """A safe relative path for an archive member, or Refused."""
    if "\\" in name or "\0" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise Refused(f"archive member {name!r} has an absolute or non-portable path")
    path = PurePosixPath(name)
    if ".." in path.parts:
        raise Refused(f"archive member {name!r} points outside the submission")
    return path


def _zip_entries(source: Path, stack: ExitStack) -> list[_Entry]:
    try:
        archive = stack.enter_context(zipfile.ZipFile(source))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise Refused(f"not a readable .zip archive: {exc}") from None
    if len(members) > MAX_ENTRIES:
        raise Refused(f"the archive has more than {MAX_ENTRIES} entries")
    found = []
    for info in members:
        path = _member_path(info.filename)
        if not info.is_dir():
            regular = stat.S_IFMT(info.external_attr >> 16) in (0, stat.S_IFREG)
            found.append(_Entry(path, regular, partial(_read_zip_member, archive, info)))
    return found


def _read_zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as member:
            return _capped(member.read(MAX_FILE_BYTES + 1), info.filename)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise Refused(f"cannot read {info.filename!r} from the archive: {exc}") from None


def _tar_entries(source: Path, stack: ExitStack) -> list[_Entry]:
    found: list[_Entry] = []
    declared = 0
    try:
        archive = stack.enter_context(tarfile.open(source, mode="r:gz"))  # noqa: SIM115 - the stack closes it
        for info in archive:
            if len(found) >= MAX_ENTRIES:
                raise Refused(f"the archive has more than {MAX_ENTRIES} entries")
            path = _member_path(info.name)
            declared += max(info.size, 0)
            if declared > MAX_EXPANDED_BYTES:
                raise Refused(f"the archive expands to more than {MAX_EXPANDED_BYTES // 2**20} MiB")
            if not info.isdir():
                found.append(_Entry(path, info.isreg(), partial(_read_tar_member, archive, info)))
    except (tarfile.TarError, zlib.error, EOFError, OSError) as exc:
        raise Refused(f"not a readable .tar.gz archive: {exc}") from None
    return found


def _read_tar_member(archive: tarfile.TarFile, info: tarfile.TarInfo) -> bytes:
    try:
        member = archive.extractfile(info)
        return _capped(member.read(MAX_FILE_BYTES + 1) if member else b"", info.name)
    except (tarfile.TarError, zlib.error, EOFError, OSError) as exc:
        raise Refused(f"cannot read {info.name!r} from the archive: {exc}") from None


def _select(entries: list[_Entry], entry: str, dropped: list[Dropped]) -> list[_Source]:
    """Drop what may not run (with reasons), read what may, refuse ambiguity."""
    kept: list[_Source] = []
    total = 0
    for item in _strip_single_top_folder(entries, entry):
        reason = drop_reason(item.path) if item.regular else "links and special files are not allowed"
        if reason:
            dropped.append(Dropped(printable_name(str(item.path)), reason))
            continue
        data = item.read()
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            raise Refused(f"the submission's Python files add up to more than {MAX_TOTAL_BYTES // 2**20} MiB")
        kept.append(_Source(item.path, data))
    folded = [str(f.path).casefold() for f in kept]
    if len(set(folded)) != len(folded):
        raise Refused("two files in the submission have the same name (ignoring case)")
    if not any(str(f.path) == entry for f in kept):
        raise Refused(f"the submission has no {entry}")
    return kept


def _strip_single_top_folder(entries: list[_Entry], entry: str) -> list[_Entry]:
    """Accept ``my-solution/solution.py`` archives and folders: drop one common leading folder."""
    if any(str(e.path) == entry for e in entries):
        return entries
    tops = {e.path.parts[0] for e in entries}
    if len(tops) == 1 and all(len(e.path.parts) > 1 for e in entries):
        return [_Entry(PurePosixPath(*e.path.parts[1:]), e.regular, e.read) for e in entries]
    return entries


def drop_reason(path: PurePosixPath) -> str | None:
    """Why a file must not be staged, or None when it may run."""
    name, parts = path.name, path.parts
    if any(part.startswith(".") for part in parts):
        return "hidden files are not used"
    if "__pycache__" in parts or path.suffix in (".pyc", ".pyo"):
        return "compiled bytecode is never used; the source is what runs"
    if any(part.endswith((".dist-info", ".egg-info")) for part in parts) or name.endswith(".pth"):
        return "package metadata and .pth files are never used"
    if name == "conftest.py":
        return "pytest configuration from a submission is never used"
    if name in TOOL_CONFIG:
        return "tool configuration from a submission is never used"
    if name in STARTUP_HOOKS:
        return "interpreter start-up hooks are never used"
    if path.suffix != ".py":
        return "only Python files are used"
    if "tests" in parts[:-1] or name.startswith("test_") or name.endswith("_test.py"):
        return "a submission's own tests are not run; the challenge's tests are"
    if len(parts) > MAX_DEPTH:
        return "nested too deep"
    if not all(_MODULE_RE.match(p) for p in (*parts[:-1], path.stem)):
        return "not an importable module name"
    top = parts[0].removesuffix(".py")
    if top in SHADOW_GUARDED or top in sys.stdlib_module_names:
        return f"would shadow the module {top!r} that the tests or the standard library provide"
    return None


def _check_sources(files: list[_Source]) -> list[str]:
    """Refuse source that is not plain, compilable UTF-8; flag hidden bidi controls."""
    flags: list[str] = []
    for raw in files:
        text = _source_text(raw)
        flags += _bidi_flags(raw.path, text)
        try:
            compile(text, str(raw.path), "exec", dont_inherit=True)
        except SyntaxError as exc:
            raise Refused(_syntax_message(raw.path, exc)) from None
        except (ValueError, RecursionError, MemoryError) as exc:
            raise Refused(f"{raw.path} does not compile: {exc}") from None
    return flags


def _source_text(raw: _Source) -> str:
    if b"\0" in raw.data:
        raise Refused(f"{raw.path} contains NUL bytes")
    for line in raw.data.removeprefix(codecs.BOM_UTF8).splitlines()[:2]:
        match = _CODING_RE.match(line)
        if match and match.group(1).decode("ascii", "replace").lower().replace("_", "-") not in (
            "utf-8",
            "utf8",
        ):
            raise Refused(f"{raw.path} declares the encoding {match.group(1).decode()!r}; use plain UTF-8")
    try:
        return raw.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused(f"{raw.path} is not valid UTF-8 (byte {exc.start})") from None


def _bidi_flags(path: PurePosixPath, text: str) -> list[str]:
    flags = []
    for number, line in enumerate(text.splitlines(), start=1):
        if any(ch in _BIDI for ch in line):
            shown = "".join(f"<U+{ord(c):04X}>" if c in _BIDI else c for c in line.strip())
            flags.append(
                f"{path} line {number} contains invisible bidirectional-control characters "
                f"(Trojan Source); it runs as: {shown[:200]}"
            )
    return flags


def _syntax_message(path: PurePosixPath, exc: SyntaxError) -> str:
    where = f" (line {exc.lineno})" if exc.lineno else ""
    code = (exc.text or "").strip()
    shown = f": {code[:120]}" if code else ""
    return f"{path} does not compile: {type(exc).__name__}: {exc.msg}{where}{shown}"


def _write(files: list[_Source], dest: Path) -> tuple[StagedFile, ...]:
    staged = []
    for raw in sorted(files, key=lambda f: str(f.path)):
        target = dest.joinpath(*raw.path.parts)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        target.write_bytes(raw.data)
        target.chmod(0o644)
        staged.append(StagedFile(str(raw.path), len(raw.data), hashlib.sha256(raw.data).hexdigest()))
    for folder in (p for p in dest.rglob("*") if p.is_dir()):
        folder.chmod(0o755)
    return tuple(staged)


def _hash(files: tuple[StagedFile, ...]) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.path}\0{f.sha256}\n".encode())
    return digest.hexdigest()


def printable_name(name: str) -> str:
    """A file name safe to show: control and format characters escaped."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf") else c for c in name)
