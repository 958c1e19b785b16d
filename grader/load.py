"""Load stage: a challenge folder -> a validated Challenge, and the tests it declares.

A challenge folder holds ``challenge.toml``, ``prompt.md``, ``stub.py``, ``reference.py``,
``tests/public/`` and ``tests/hidden/``. Every problem is reported with the file and the key
at fault. The declared tests (id, points, category) are learned by collecting, never running,
the challenge's pytest files in a separate trusted process; the result is cached by the
challenge's content hash.
"""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from grader.errors import ChallengeInvalid, ChallengeNotFound
from grader.models import Category, Challenge, DeclaredTest, Difficulty, Limits
from grader.resources import cache_dir, challenge_roots, harness_dir, tree_hash

TOML_NAME = "challenge.toml"
REQUIRED_FILES = ("prompt.md", "stub.py", "reference.py")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_ENTRY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\.py$")
_IDENTIFIER_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TOP_KEYS = {
    "id",
    "title",
    "difficulty",
    "topics",
    "version",
    "entry",
    "functions",
    "allowed_imports",
    "limits",
}
_LIMIT_KEYS = {name: kind for name, kind in Limits.__annotations__.items()}
COLLECT_TIMEOUT_SECONDS = 120


def load_challenge(ref: str | Path) -> Challenge:
    """The challenge named by id, or by the path of its folder."""
    path = Path(ref).expanduser()
    if (path / TOML_NAME).is_file():
        return _load_folder(path.resolve())
    known = {folder.name: folder for folder in _challenge_folders()}
    if str(ref) in known:
        return _load_folder(known[str(ref)])
    if path.exists():
        raise ChallengeNotFound(f"{path} is not a challenge folder (no {TOML_NAME} in it)")
    close = difflib.get_close_matches(str(ref), list(known), n=1)
    hint = f"did you mean {close[0]!r}?" if close else "run `grader list` to see the challenges"
    raise ChallengeNotFound(f"unknown challenge {str(ref)!r}", hint)


def list_challenges() -> tuple[Challenge, ...]:
    """Every challenge in the search path, sorted by id (the first of a duplicated id wins).

    Raises ChallengeInvalid for the first invalid one; see ``scan_challenges`` to go on past it."""
    valid, invalid = scan_challenges()
    if invalid:
        raise invalid[0]
    return valid


def scan_challenges() -> tuple[tuple[Challenge, ...], tuple[ChallengeInvalid, ...]]:
    """The valid challenges in the search path, sorted by id, and why the others are invalid."""
    seen: dict[str, Challenge] = {}
    invalid: list[ChallengeInvalid] = []
    for folder in _challenge_folders():
        try:
            challenge = _load_folder(folder)
        except ChallengeInvalid as exc:
            invalid.append(exc)
            continue
        seen.setdefault(challenge.id, challenge)
    return tuple(sorted(seen.values(), key=lambda c: c.id)), tuple(invalid)


def challenge_ids() -> list[str]:
    """The ids (folder names) of every challenge in the search path, without validating them."""
    return sorted({folder.name for folder in _challenge_folders()})


def _challenge_folders() -> list[Path]:
    folders = []
    for root in challenge_roots():
        if root.is_dir():
            folders += sorted(p for p in root.iterdir() if (p / TOML_NAME).is_file())
    return folders


def _load_folder(folder: Path) -> Challenge:
    toml_path = folder / TOML_NAME
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ChallengeInvalid(f"{toml_path}: {exc}") from None
    fields = _Fields(toml_path, data)
    fields.reject_unknown(_TOP_KEYS, data)
    challenge = Challenge(
        id=fields.text("id", pattern=_ID_RE),
        title=fields.text("title"),
        difficulty=fields.choice("difficulty", Difficulty),
        topics=fields.texts("topics"),
        version=fields.text("version"),
        entry=fields.text("entry", pattern=_ENTRY_RE, default="solution.py"),
        functions=fields.texts("functions", pattern=_IDENTIFIER_RE, non_empty=True),
        allowed_imports=fields.texts("allowed_imports", pattern=_IDENTIFIER_RE, default=("numpy",)),
        limits=_limits(fields),
        root=folder,
        content_hash=tree_hash(folder),
    )
    _check_files(folder)
    return challenge


def _limits(fields: _Fields) -> Limits:
    table = fields.data.get("limits")
    if not isinstance(table, dict):
        raise ChallengeInvalid(f"{fields.path}: missing table [limits]")
    fields.reject_unknown(set(_LIMIT_KEYS), table, prefix="limits.")
    values: dict[str, Any] = {}
    for name, kind in _LIMIT_KEYS.items():
        if name in table:
            values[name] = fields.positive(f"limits.{name}", table[name], integer="int" in kind)
    for required in ("wall_seconds", "per_test_seconds", "memory_mb"):
        if required not in values:
            raise ChallengeInvalid(f"{fields.path}: missing key 'limits.{required}'")
    return Limits(**values)


def _check_files(folder: Path) -> None:
    for name in REQUIRED_FILES:
        if not (folder / name).is_file():
            raise ChallengeInvalid(f"{folder / name}: missing (every challenge needs {name})")
    for sub in ("public", "hidden"):
        tests = folder / "tests" / sub
        if not tests.is_dir():
            raise ChallengeInvalid(f"{tests}: missing folder (tests go in tests/public and tests/hidden)")
    if not any((folder / "tests" / "public").glob("test_*.py")):
        raise ChallengeInvalid(f"{folder / 'tests' / 'public'}: no test_*.py files")


class _Fields:
    """Typed access to a TOML document, with errors that name the file and the key."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path, self.data = path, data

    def _fail(self, key: str, expected: str, value: Any) -> ChallengeInvalid:
        return ChallengeInvalid(f"{self.path}: key {key!r}: expected {expected}, got {value!r}")

    def reject_unknown(self, known: set[str], table: dict[str, Any], prefix: str = "") -> None:
        unknown = sorted(set(table) - known)
        if unknown:
            raise ChallengeInvalid(
                f"{self.path}: unknown key {prefix + unknown[0]!r} (known: {', '.join(sorted(known))})"
            )

    def text(self, key: str, pattern: re.Pattern[str] | None = None, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if value is None:
            raise ChallengeInvalid(f"{self.path}: missing key {key!r}")
        if not isinstance(value, str) or not value.strip() or (pattern and not pattern.match(value)):
            expected = f"a string matching {pattern.pattern}" if pattern else "a non-empty string"
            raise self._fail(key, expected, value)
        return value

    def texts(
        self,
        key: str,
        pattern: re.Pattern[str] | None = None,
        non_empty: bool = False,
        default: tuple[str, ...] | None = None,
    ) -> tuple[str, ...]:
        value = self.data.get(key, default)
        if value is None:
            raise ChallengeInvalid(f"{self.path}: missing key {key!r}")
        ok = isinstance(value, (list, tuple)) and all(
            isinstance(v, str) and (pattern is None or pattern.match(v)) for v in value
        )
        if not ok or (non_empty and not value):
            raise self._fail(key, "a non-empty list of names" if non_empty else "a list of strings", value)
        return tuple(value)

    def choice(self, key: str, enum: type[Difficulty]) -> Difficulty:
        value = self.data.get(key)
        try:
            return enum(str(value))
        except ValueError:
            raise self._fail(key, f"one of {', '.join(e.value for e in enum)}", value) from None

    def positive(self, key: str, value: Any, integer: bool) -> float | int:
        ok = isinstance(value, int if integer else (int, float)) and not isinstance(value, bool)
        if not ok or value <= 0:
            raise self._fail(key, "a positive integer" if integer else "a positive number", value)
        return int(value) if integer else float(value)


def declared_tests(challenge: Challenge) -> tuple[DeclaredTest, ...]:
    """The tests a challenge declares, from collecting (not running) its pytest files."""
    cache = cache_dir() / "manifests" / f"{challenge.content_hash[:32]}-{tree_hash(harness_dir())[:16]}.json"
    try:
        manifest = json.loads(cache.read_text())
    except (OSError, ValueError):
        manifest = _collect(challenge)
        _write_cache(cache, manifest)
    return _declared_from(challenge, manifest)


def _collect(challenge: Challenge) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="grader-collect-") as tmp:
        out = Path(tmp) / "manifest.json"
        command = [
            sys.executable,
            "-I",
            "-B",
            str(harness_dir() / "runner.py"),
            "collect",
            str(challenge.root),
            str(out),
        ]
        try:
            proc = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=COLLECT_TIMEOUT_SECONDS,
                cwd=tmp,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ChallengeInvalid(f"{challenge.root / 'tests'}: collecting the tests timed out") from None
        if not out.is_file():
            last = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["no output"]
            raise ChallengeInvalid(f"{challenge.root / 'tests'}: could not collect the tests: {last[0]}")
        manifest: dict[str, Any] = json.loads(out.read_text())
    return manifest


def _write_cache(cache: Path, manifest: dict[str, Any]) -> None:
    if manifest.get("errors"):
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(".partial")
        partial.write_text(json.dumps(manifest))
        partial.replace(cache)
    except OSError:
        pass  # a cache is an optimisation; an unwritable one only costs time


def _declared_from(challenge: Challenge, manifest: dict[str, Any]) -> tuple[DeclaredTest, ...]:
    errors = manifest.get("errors") or []
    if errors:
        first = str(errors[0]).splitlines()
        raise ChallengeInvalid(
            f"{challenge.root}/{first[0]}" + (f" ({first[-1].strip()})" if len(first) > 1 else "")
        )
    tests = tuple(
        DeclaredTest(
            id=t["id"],
            name=t["name"],
            points=float(t["points"]),
            category=Category(t["category"]),
            hidden=bool(t["hidden"]),
            doc=t.get("doc", ""),
        )
        for t in manifest.get("tests", [])
    )
    tests = tuple(sorted(tests, key=lambda t: t.hidden))  # public first, each in file order
    if len({t.id for t in tests}) != len(tests):
        raise ChallengeInvalid(f"{challenge.root / 'tests'}: two tests share an id")
    if not any(not t.hidden for t in tests):
        raise ChallengeInvalid(f"{challenge.public_tests}: declares no tests")
    return tests
