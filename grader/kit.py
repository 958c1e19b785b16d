"""``grader start``: a candidate's kit for a challenge - prompt, stub, public tests, how to run them."""

from __future__ import annotations

import shutil
from pathlib import Path

from grader.errors import OutputError
from grader.image import SANDBOX_RUNTIME
from grader.models import Challenge

README = """\
# {title}

Your task is in `prompt.md`. Write your solution in `{entry}` (it starts as a stub).

Check it against the public tests (they run your code in the same sandbox the graders use):

    grader test {id} {entry}

The public tests are in `tests/` so you can read what they check. Grading also runs hidden
tests of the same kinds: correctness, edge cases, API and input validation, determinism,
numerical behaviour. Only `{entry}` (and any helper modules next to it) is graded; files
such as tests, `conftest.py` or configuration are ignored.

Graders run your code with Python {python} and numpy {numpy}; it may import
{imports} and nothing else.
"""


def make_kit(challenge: Challenge, dest: Path) -> tuple[Path, ...]:
    """Write the kit into ``dest`` (new or empty); the files written."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise OutputError(f"{dest} already exists and is not empty", "choose a new folder")
    dest.mkdir(parents=True, exist_ok=True)
    written = [
        _copy(challenge.prompt_path, dest / "prompt.md"),
        _copy(challenge.stub_path, dest / challenge.entry),
    ]
    tests = dest / "tests"
    shutil.copytree(challenge.public_tests, tests, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    written += sorted(p for p in tests.rglob("*") if p.is_file())
    readme = dest / "README.md"
    imports = " and ".join(["the standard library", *challenge.allowed_imports])
    text = README.format(
        title=challenge.title, entry=challenge.entry, id=challenge.id, imports=imports, **SANDBOX_RUNTIME
    )
    readme.write_text(text)
    written.append(readme)
    return tuple(written)


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target
