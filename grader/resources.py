"""Where the grader finds its challenges, its sandbox harness and its Dockerfile.

In a source checkout (or an editable install) they sit next to the ``grader`` package; in an
installed wheel they are bundled inside it under ``grader/_bundled``. ``GRADER_CHALLENGES_PATH``
(folders separated by ``os.pathsep``) adds challenge folders searched before the bundled ones.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from grader.errors import GraderError

PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATE_ROOTS = (PACKAGE_DIR / "_bundled", PACKAGE_DIR.parent)
CHALLENGES_PATH_VARIABLE = "GRADER_CHALLENGES_PATH"


def data_root() -> Path:
    """The folder holding ``challenges/``, ``sandbox/`` and ``Dockerfile``."""
    for root in _CANDIDATE_ROOTS:
        if (root / "sandbox" / "harness" / "runner.py").is_file():
            return root
    raise GraderError("the grader's data files are missing", "reinstall the grader package")


def harness_dir() -> Path:
    """The harness package that runs inside the sandbox."""
    return data_root() / "sandbox" / "harness"


def dockerfile() -> Path:
    return data_root() / "Dockerfile"


def challenge_roots() -> tuple[Path, ...]:
    """Folders whose subfolders are challenges, in search order."""
    extra = os.environ.get(CHALLENGES_PATH_VARIABLE, "")
    roots = [Path(p).expanduser() for p in extra.split(os.pathsep) if p]
    return (*roots, data_root() / "challenges")


def cache_dir() -> Path:
    """Where derived data (collected test manifests) is cached."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "grader"


def tree_hash(root: Path) -> str:
    """sha256 over the relative paths and contents of the files under ``root``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and _hashed(p, root)):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _hashed(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return "__pycache__" not in parts and path.suffix != ".pyc" and not parts[0].startswith(".")
