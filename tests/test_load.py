"""Load stage: challenge folders are validated, and errors name the file and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from grader.errors import ChallengeInvalid, ChallengeNotFound
from grader.load import declared_tests, list_challenges, load_challenge
from grader.models import Category, Difficulty
from tests.helpers import CHALLENGES, TINY

BUNDLED = ("kfold-split", "kmeans", "precision-recall-f1")


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    target = tmp_path / "tiny"
    shutil.copytree(TINY, target)
    return target


def rewrite(folder: Path, old: str, new: str) -> Path:
    toml = folder / "challenge.toml"
    text = toml.read_text()
    assert old in text
    toml.write_text(text.replace(old, new))
    return toml


def test_the_bundled_challenges_load_and_list_sorted() -> None:
    ids = [c.id for c in list_challenges()]
    assert ids == sorted(ids)
    assert set(BUNDLED) <= set(ids)


def test_a_challenge_by_path_loads_its_metadata() -> None:
    tiny = load_challenge(TINY)
    assert (tiny.id, tiny.difficulty, tiny.entry, tiny.entry_module) == (
        "tiny",
        Difficulty.EASY,
        "solution.py",
        "solution",
    )
    assert tiny.limits.per_test_seconds == 2 and tiny.limits.memory_mb == 256
    assert tiny.functions == ("add", "mean", "normalize", "Counter")
    assert len(tiny.content_hash) == 64


def test_the_content_hash_changes_with_the_tests(tiny_copy: Path) -> None:
    before = load_challenge(tiny_copy).content_hash
    (tiny_copy / "tests" / "hidden" / "test_hidden.py").write_text("# changed\n", encoding="utf-8")
    assert load_challenge(tiny_copy).content_hash != before


def test_unknown_ids_suggest_the_closest_challenge() -> None:
    with pytest.raises(ChallengeNotFound) as caught:
        load_challenge("kmean")
    assert "unknown challenge 'kmean'" in str(caught.value) and "did you mean 'kmeans'?" in str(caught.value)


def test_a_folder_without_challenge_toml_is_not_a_challenge(tmp_path: Path) -> None:
    with pytest.raises(ChallengeNotFound, match=r"no challenge\.toml"):
        load_challenge(tmp_path)


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            'difficulty = "easy"',
            'difficulty = "trivial"',
            "key 'difficulty': expected one of easy, medium, hard",
        ),
        (
            "per_test_seconds = 2",
            'per_test_seconds = "soon"',
            "key 'limits.per_test_seconds': expected a positive number",
        ),
        ("memory_mb = 256", "memory_mb = -1", "key 'limits.memory_mb': expected a positive integer"),
        ("memory_mb = 256", "memory_mb = 2.5", "key 'limits.memory_mb': expected a positive integer"),
        ('id = "tiny"', 'id = "Tiny Challenge"', "key 'id': expected a string matching"),
        ('entry = "solution.py"', 'entry = "solution.txt"', "key 'entry'"),
        ('functions = ["add", "mean", "normalize", "Counter"]', "functions = []", "key 'functions'"),
        ('title = "Tiny arithmetic"\n', "", "missing key 'title'"),
        ("memory_mb = 256\n", "", "missing key 'limits.memory_mb'"),
        ('version = "1.0.0"', 'version = "1.0.0"\nauthor = "me"', "unknown key 'author'"),
        ("memory_mb = 256", "memory_mb = 256\nmemory = 1", "unknown key 'limits.memory'"),
        ('version = "1.0.0"', 'version = "1.0.0', "challenge.toml: "),
    ],
)
def test_bad_challenge_toml_names_the_file_and_key(tiny_copy: Path, old: str, new: str, message: str) -> None:
    toml = rewrite(tiny_copy, old, new)
    with pytest.raises(ChallengeInvalid) as caught:
        load_challenge(tiny_copy)
    assert str(toml) in str(caught.value)
    assert message in str(caught.value)


@pytest.mark.parametrize("missing", ["prompt.md", "stub.py", "reference.py", "tests/hidden", "tests/public"])
def test_missing_files_are_named(tiny_copy: Path, missing: str) -> None:
    path = tiny_copy / missing
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    with pytest.raises(ChallengeInvalid, match=str(path)):
        load_challenge(tiny_copy)


def test_declared_tests_come_from_collection_public_first() -> None:
    tests = declared_tests(load_challenge(TINY))
    assert [t.name for t in tests][:2] == ["test_add", "test_add_negative"]
    assert [t.hidden for t in tests] == [False] + [True] * 6
    first = tests[0]
    assert (first.id, first.points, first.category, first.doc) == (
        "tests/public/test_public.py::test_add",
        1.0,
        Category.CORRECTNESS,
        "Adds two small integers.",
    )


@pytest.mark.parametrize(
    "marker, message",
    [
        ("@pytest.mark.points(1)\n", "needs @pytest.mark.points(N)"),
        ('@pytest.mark.category("correctness")\n', "needs @pytest.mark.category(NAME)"),
    ],
)
def test_tests_without_points_or_category_name_the_test(tiny_copy: Path, marker: str, message: str) -> None:
    public = tiny_copy / "tests" / "public" / "test_public.py"
    public.write_text(public.read_text().replace(marker, "", 1))
    with pytest.raises(ChallengeInvalid) as caught:
        declared_tests(load_challenge(tiny_copy))
    assert "tests/public/test_public.py::test_add" in str(caught.value) and message in str(caught.value)


def test_bad_categories_and_points_are_refused(tiny_copy: Path) -> None:
    public = tiny_copy / "tests" / "public" / "test_public.py"
    public.write_text(public.read_text().replace('category("correctness")', 'category("style")'))
    with pytest.raises(ChallengeInvalid, match="one of correctness, edge_cases"):
        declared_tests(load_challenge(tiny_copy))
    public.write_text(
        public.read_text().replace('category("style")', 'category("api")').replace("points(1)", "points(0)")
    )
    with pytest.raises(ChallengeInvalid, match="N > 0"):
        declared_tests(load_challenge(tiny_copy))


def test_a_test_file_that_does_not_import_is_named(tiny_copy: Path) -> None:
    hidden = tiny_copy / "tests" / "hidden" / "test_hidden.py"
    hidden.write_text("import not_a_module\n" + hidden.read_text())
    with pytest.raises(ChallengeInvalid, match=r"tests/hidden/test_hidden\.py"):
        declared_tests(load_challenge(tiny_copy))


def test_declared_tests_are_cached_by_content(tiny_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    challenge = load_challenge(tiny_copy)
    first = declared_tests(challenge)
    monkeypatch.setattr("grader.load._collect", lambda _c: pytest.fail("collected twice"))
    assert declared_tests(challenge) == first


def test_bundled_challenges_meet_the_minimum_test_counts() -> None:
    for challenge_id in BUNDLED:
        tests = declared_tests(load_challenge(CHALLENGES / challenge_id))
        public = [t for t in tests if not t.hidden]
        hidden = [t for t in tests if t.hidden]
        assert len(public) >= 3, challenge_id
        assert len(hidden) >= 10, challenge_id
        assert len({t.category for t in hidden}) >= 3, challenge_id
