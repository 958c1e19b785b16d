"""The data that flows between the pipeline's stages: frozen dataclasses and Enums only.

load   -> Challenge (with its DeclaredTests)
stage  -> StagedSubmission
run    -> RunResult (raw JUnit bytes + RunFacts)
parse  -> TestOutcome[]
score  -> Scorecard (TestResults, CategoryScores, Provenance)
render -> text | md | html | json | junit
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Category(StrEnum):
    """Rubric categories a test can belong to."""

    CORRECTNESS = "correctness"
    EDGE_CASES = "edge_cases"
    API = "api"
    DETERMINISM = "determinism"
    NUMERICAL = "numerical"
    EFFICIENCY = "efficiency"

    @property
    def label(self) -> str:
        return {"api": "API & validation", "edge_cases": "edge cases"}.get(self.value, self.value)


class TestStatus(StrEnum):
    """How one declared test ended. Only PASSED earns points."""

    __test__ = False  # not a pytest test class

    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    RESOURCE_LIMIT = "resource_limit"
    CRASHED = "crashed"
    NOT_RUN = "not_run"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class GradingStatus(StrEnum):
    GRADED = "graded"
    UNGRADABLE = "ungradable"


class SandboxKind(StrEnum):
    DOCKER = "docker"
    LOCAL = "local"


class SandboxChoice(StrEnum):
    AUTO = "auto"
    DOCKER = "docker"
    LOCAL = "local"


class OutputFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    HTML = "html"
    JSON = "json"
    JUNIT = "junit"


class View(StrEnum):
    """Who a scorecard is rendered for."""

    CANDIDATE = "candidate"
    REVIEWER = "reviewer"


class Suite(StrEnum):
    """Which of a challenge's tests a run includes."""

    PUBLIC = "public"
    HIDDEN = "hidden"
    ALL = "all"


class SubmissionKind(StrEnum):
    FILE = "file"
    FOLDER = "folder"
    ZIP = "zip"
    TARBALL = "tar.gz"


@dataclass(frozen=True)
class Limits:
    """Resource limits of one grading; a challenge sets the first three."""

    wall_seconds: float
    per_test_seconds: float
    memory_mb: int
    cpus: float = 1.0
    max_processes: int = 64
    scratch_mb: int = 64
    file_size_mb: int = 16
    open_files: int = 256
    output_keep_kb: int = 16
    output_flood_kb: int = 8192


@dataclass(frozen=True)
class DeclaredTest:
    """A test the challenge declares, known before anything runs."""

    __test__ = False

    id: str
    name: str
    points: float
    category: Category
    hidden: bool
    doc: str = ""


@dataclass(frozen=True)
class Challenge:
    """A loaded, validated challenge folder."""

    id: str
    title: str
    difficulty: Difficulty
    topics: tuple[str, ...]
    version: str
    entry: str
    functions: tuple[str, ...]
    allowed_imports: tuple[str, ...]
    limits: Limits
    root: Path
    content_hash: str

    @property
    def prompt_path(self) -> Path:
        return self.root / "prompt.md"

    @property
    def stub_path(self) -> Path:
        return self.root / "stub.py"

    @property
    def reference_path(self) -> Path:
        return self.root / "reference.py"

    @property
    def public_tests(self) -> Path:
        return self.root / "tests" / "public"

    @property
    def hidden_tests(self) -> Path:
        return self.root / "tests" / "hidden"

    @property
    def entry_module(self) -> str:
        return self.entry.removesuffix(".py")


@dataclass(frozen=True)
class StagedFile:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Dropped:
    """A file left out of the staged submission, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class StagedSubmission:
    """A submission copied into a clean folder, ready to be mounted read-only in a sandbox."""

    source: Path
    kind: SubmissionKind
    directory: Path
    files: tuple[StagedFile, ...]
    dropped: tuple[Dropped, ...] = ()
    flags: tuple[str, ...] = ()
    refusal: str | None = None
    sha256: str = ""

    @property
    def gradable(self) -> bool:
        return self.refusal is None


@dataclass(frozen=True)
class RunFacts:
    """What the sandbox observed about a run, besides the JUnit XML."""

    sandbox: SandboxKind
    isolated: bool
    image_id: str | None
    pytest_exit_code: int | None
    timed_out: bool
    duration_seconds: float
    started_at: str
    versions: tuple[tuple[str, str], ...] = ()
    stray_processes_killed: int = 0
    problems: tuple[str, ...] = ()
    image_name: str | None = None


@dataclass(frozen=True)
class RunResult:
    junit_xml: bytes | None
    facts: RunFacts


@dataclass(frozen=True)
class TestOutcome:
    """One test case as the JUnit XML reports it."""

    __test__ = False

    id: str
    name: str
    status: TestStatus
    reason: str = ""
    details: str = ""
    output: str = ""
    duration: float = 0.0
    stray_processes: int = 0
    harness_failure: str = ""


@dataclass(frozen=True)
class TestResult:
    """One declared test on a scorecard."""

    __test__ = False

    id: str
    name: str
    doc: str
    category: Category
    hidden: bool
    status: TestStatus
    points: float
    max_points: float
    message: str
    details: str = ""
    output: str = ""
    duration: float | None = None


@dataclass(frozen=True)
class CategoryScore:
    category: Category
    points: float
    max_points: float


@dataclass(frozen=True)
class Provenance:
    """Enough to reproduce or audit a grade."""

    grader_version: str
    sandbox: SandboxKind | None
    isolated: bool
    image_id: str | None
    challenge_id: str
    challenge_version: str
    challenge_hash: str
    submission_hash: str
    submission_files: tuple[StagedFile, ...]
    limits: Limits
    seed: int
    started_at: str
    durations: tuple[tuple[str, float], ...]
    runtime: tuple[tuple[str, str], ...] = ()
    image_name: str | None = None


@dataclass(frozen=True)
class Scorecard:
    """The one computed result of a grading; every output format renders this."""

    challenge_id: str
    challenge_title: str
    status: GradingStatus
    score: float
    max_score: float
    tests: tuple[TestResult, ...]
    categories: tuple[CategoryScore, ...]
    provenance: Provenance
    suite: Suite = Suite.ALL
    view: View = View.REVIEWER
    ungradable_reason: str | None = None
    notes: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    dropped: tuple[Dropped, ...] = field(default=())

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True)
class GradingSetup:
    """How a grading was asked for and what happened around the stages, for the scorecard."""

    suite: Suite
    seed: int
    started_at: str
    durations: tuple[tuple[str, float], ...] = ()
    notes: tuple[str, ...] = ()
