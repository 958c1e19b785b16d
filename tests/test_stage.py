"""Stage: what reaches the sandbox from a submission, and what is dropped or refused."""

from __future__ import annotations

import io
import os
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pytest

from grader.errors import SubmissionUnreadable
from grader.load import load_challenge
from grader.models import Challenge, StagedSubmission, SubmissionKind
from grader.stage import MAX_FILE_BYTES, stage_submission
from tests.helpers import TINY

GOOD = "def add(a, b):\n    return a + b\n"


@pytest.fixture(scope="module")
def challenge() -> Challenge:
    return load_challenge(TINY)


def stage(challenge: Challenge, source: Path, tmp_path: Path) -> StagedSubmission:
    return stage_submission(source, challenge, Path(tempfile.mkdtemp(prefix="staged-", dir=tmp_path)))


def folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "submission"
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return root


def zip_of(tmp_path: Path, files: dict[str, str | bytes], name: str = "sub.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in files.items():
            archive.writestr(member, content)
    return path


def tarball_of(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    path = tmp_path / "sub.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for member, content in files.items():
            data = content.encode() if isinstance(content, str) else content
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def staged_names(result: StagedSubmission) -> list[str]:
    return [f.path for f in result.files]


def test_a_single_file_becomes_the_entry_whatever_its_name(challenge: Challenge, tmp_path: Path) -> None:
    source = tmp_path / "my_answer.py"
    source.write_text(GOOD)
    result = stage(challenge, source, tmp_path)
    assert result.gradable and result.kind is SubmissionKind.FILE
    assert staged_names(result) == ["solution.py"]
    assert (result.directory / "solution.py").read_text() == GOOD
    assert len(result.sha256) == 64


def test_folders_keep_helper_modules_and_packages(challenge: Challenge, tmp_path: Path) -> None:
    source = folder(
        tmp_path,
        {
            "solution.py": GOOD,
            "helpers.py": "X = 1\n",
            "util/__init__.py": "",
            "util/maths.py": "Y = 2\n",
            "README.md": "notes",
        },
    )
    result = stage(challenge, source, tmp_path)
    assert staged_names(result) == ["helpers.py", "solution.py", "util/__init__.py", "util/maths.py"]
    assert [(d.path, d.reason) for d in result.dropped] == [("README.md", "only Python files are used")]


@pytest.mark.parametrize(
    "name, reason",
    [
        ("conftest.py", "pytest configuration"),
        ("pytest.ini", "tool configuration"),
        ("pyproject.toml", "tool configuration"),
        ("setup.cfg", "tool configuration"),
        ("tox.ini", "tool configuration"),
        ("sitecustomize.py", "start-up hooks"),
        ("usercustomize.py", "start-up hooks"),
        ("evil.pth", ".pth"),
        ("__pycache__/solution.cpython-311.pyc", "bytecode"),
        ("solution.pyc", "bytecode"),
        ("fake-1.0.dist-info/entry_points.txt", "package metadata"),
        ("fake.egg-info/PKG-INFO", "package metadata"),
        ("pytest/__init__.py", "shadow"),
        ("_pytest/__init__.py", "shadow"),
        ("pluggy.py", "shadow"),
        ("numpy.py", "shadow"),
        ("random.py", "shadow"),
        ("json/__init__.py", "shadow"),
        ("harness/__init__.py", "shadow"),
        ("test_solution.py", "own tests"),
        ("solution_test.py", "own tests"),
        ("tests/test_more.py", "own tests"),
        (".hidden.py", "hidden"),
        ("my-module.py", "importable"),
    ],
)
def test_dangerous_or_useless_files_are_dropped_with_a_reason(
    challenge: Challenge, tmp_path: Path, name: str, reason: str
) -> None:
    source = folder(tmp_path, {"solution.py": GOOD, name: "import os\n"})
    result = stage(challenge, source, tmp_path)
    assert result.gradable
    assert staged_names(result) == ["solution.py"]
    assert len(result.dropped) == 1 and reason in result.dropped[0].reason


def test_symlinks_in_folders_are_dropped_not_followed(challenge: Challenge, tmp_path: Path) -> None:
    secret = tmp_path / "secret.py"
    secret.write_text("TOKEN = 'host secret'\n")
    source = folder(tmp_path, {"solution.py": GOOD})
    (source / "helpers.py").symlink_to(secret)
    (source / "linked_dir").symlink_to(tmp_path)
    result = stage(challenge, source, tmp_path)
    assert staged_names(result) == ["solution.py"]
    assert {d.reason for d in result.dropped} == {"links and special files are not allowed"}


def test_a_symlinked_submission_is_refused_outright(challenge: Challenge, tmp_path: Path) -> None:
    target = tmp_path / "real.py"
    target.write_text(GOOD)
    (tmp_path / "link.py").symlink_to(target)
    with pytest.raises(SubmissionUnreadable, match="symbolic link"):
        stage(challenge, tmp_path / "link.py", tmp_path)


def test_a_missing_submission_is_a_grader_error(challenge: Challenge, tmp_path: Path) -> None:
    with pytest.raises(SubmissionUnreadable, match="cannot read"):
        stage(challenge, tmp_path / "nope.py", tmp_path)


@pytest.mark.parametrize("packer", [zip_of, tarball_of])
def test_archives_with_a_wrapper_folder(challenge: Challenge, tmp_path: Path, packer) -> None:  # type: ignore[no-untyped-def]
    source = packer(
        tmp_path,
        {
            "my-solution/solution.py": GOOD,
            "my-solution/helpers.py": "X = 1\n",
            "my-solution/conftest.py": "bad\n",
        },
    )
    result = stage(challenge, source, tmp_path)
    assert result.gradable, result.refusal
    assert staged_names(result) == ["helpers.py", "solution.py"]
    assert [d.path for d in result.dropped] == ["conftest.py"]


@pytest.mark.parametrize("packer", [zip_of, tarball_of])
@pytest.mark.parametrize("member", ["../escape.py", "/abs/solution.py", "a/../../b.py", "C:\\x.py"])
def test_archive_members_escaping_the_folder_are_refused(
    challenge: Challenge,
    tmp_path: Path,
    packer,
    member: str,  # type: ignore[no-untyped-def]
) -> None:
    source = packer(tmp_path, {"solution.py": GOOD, member: "x = 1\n"})
    result = stage(challenge, source, tmp_path)
    assert not result.gradable
    assert "outside the submission" in result.refusal or "non-portable" in result.refusal  # type: ignore[operator]
    assert not any(tmp_path.parent.glob("escape.py"))


def test_tar_links_and_devices_are_dropped(challenge: Challenge, tmp_path: Path) -> None:
    path = tmp_path / "sub.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("solution.py")
        info.size = len(GOOD)
        archive.addfile(info, io.BytesIO(GOOD.encode()))
        for name, kind in (
            ("helpers.py", tarfile.SYMTYPE),
            ("hard.py", tarfile.LNKTYPE),
            ("dev.py", tarfile.CHRTYPE),
        ):
            link = tarfile.TarInfo(name)
            link.type = kind
            link.linkname = "/etc/passwd"
            archive.addfile(link)
    result = stage(challenge, path, tmp_path)
    assert staged_names(result) == ["solution.py"]
    assert len(result.dropped) == 3


def test_zip_symlink_members_are_dropped(challenge: Challenge, tmp_path: Path) -> None:
    path = tmp_path / "sub.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("solution.py", GOOD)
        link = zipfile.ZipInfo("helpers.py")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    result = stage(challenge, path, tmp_path)
    assert staged_names(result) == ["solution.py"]
    assert result.dropped[0].reason == "links and special files are not allowed"


def test_a_zip_bomb_is_refused_by_bytes_actually_decompressed(challenge: Challenge, tmp_path: Path) -> None:
    bomb = zip_of(tmp_path, {"solution.py": "#" * (50 * 1024 * 1024)})
    assert bomb.stat().st_size < 200_000
    result = stage(challenge, bomb, tmp_path)
    assert not result.gradable and "larger than" in (result.refusal or "")


def test_oversized_and_crowded_submissions_are_refused(challenge: Challenge, tmp_path: Path) -> None:
    big = tmp_path / "big.py"
    big.write_text("x = 1\n" * (MAX_FILE_BYTES // 6 + 10))
    assert "larger than" in (stage(challenge, big, tmp_path).refusal or "")
    crowded = zip_of(tmp_path, {f"m{i}.py": "" for i in range(600)} | {"solution.py": GOOD}, "crowd.zip")
    assert "entries" in (stage(challenge, crowded, tmp_path).refusal or "")


@pytest.mark.parametrize(
    "content, reason",
    [
        ("def add(a, b)\n    return a + b\n", "does not compile: SyntaxError"),
        ("def add(a, b):\nreturn a + b\n", "IndentationError"),
        (b"x = 1\x00\n", "NUL bytes"),
        (b"x = '\xff'\n", "not valid UTF-8"),
        ("# -*- coding: utf-7 -*-\nx = 1\n", "declares the encoding"),
        (b"\x7fELF\x02\x01\x01" + bytes(range(256)), "NUL bytes"),
    ],
)
def test_sources_that_are_not_plain_compilable_utf8_are_refused(
    challenge: Challenge, tmp_path: Path, content: str | bytes, reason: str
) -> None:
    source = tmp_path / "solution.py"
    source.write_bytes(content.encode() if isinstance(content, str) else content)
    result = stage(challenge, source, tmp_path)
    assert not result.gradable and reason in (result.refusal or "")
    assert not result.files


def test_syntax_errors_say_where(challenge: Challenge, tmp_path: Path) -> None:
    source = tmp_path / "solution.py"
    source.write_text("x = 1\ndef add(a, b)\n    return a + b\n")
    assert "(line 2): def add(a, b)" in (stage(challenge, source, tmp_path).refusal or "")


def test_utf8_coding_cookie_and_bom_are_fine(challenge: Challenge, tmp_path: Path) -> None:
    source = tmp_path / "solution.py"
    source.write_bytes(b"\xef\xbb\xbf# -*- coding: utf-8 -*-\n" + GOOD.encode())
    assert stage(challenge, source, tmp_path).gradable


def test_trojan_source_is_flagged_and_shown_escaped(challenge: Challenge, tmp_path: Path) -> None:
    source = tmp_path / "solution.py"
    source.write_text("def add(a, b):\n    return a + b  # \u202e \u2066 comment\n")
    result = stage(challenge, source, tmp_path)
    assert result.gradable
    assert len(result.flags) == 1 and "<U+202E>" in result.flags[0] and "\u202e" not in result.flags[0]


def test_missing_entry_and_case_collisions_are_refused(challenge: Challenge, tmp_path: Path) -> None:
    assert "has no solution.py" in (
        stage(challenge, folder(tmp_path, {"answer.py": GOOD}), tmp_path).refusal or ""
    )
    collide = zip_of(tmp_path, {"solution.py": GOOD, "Helpers.py": "", "helpers.py": ""}, "c.zip")
    assert "same name" in (stage(challenge, collide, tmp_path).refusal or "")


def test_not_an_archive_is_refused(challenge: Challenge, tmp_path: Path) -> None:
    fake = tmp_path / "sub.zip"
    fake.write_bytes(os.urandom(1000))
    assert "not a readable .zip" in (stage(challenge, fake, tmp_path).refusal or "")
    fake_tar = tmp_path / "sub.tar.gz"
    fake_tar.write_bytes(os.urandom(1000))
    assert "not a readable .tar.gz" in (stage(challenge, fake_tar, tmp_path).refusal or "")


def test_staged_files_are_world_readable_and_hashed(challenge: Challenge, tmp_path: Path) -> None:
    result = stage(challenge, folder(tmp_path, {"solution.py": GOOD, "pkg/__init__.py": ""}), tmp_path)
    for f in result.files:
        assert (result.directory / f.path).stat().st_mode & 0o777 == 0o644
    assert (result.directory / "pkg").stat().st_mode & 0o777 == 0o755
    again = stage(challenge, folder(tmp_path / "b", {"solution.py": GOOD, "pkg/__init__.py": ""}), tmp_path)
    assert again.sha256 == result.sha256
