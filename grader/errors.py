"""Grader-side errors and the exit codes they map to. A leaf module: imports nothing from grader.

A candidate's failure is never an exception: failing tests, timeouts, crashes, refused or
uncompilable submissions all end up as data in a scorecard. These exceptions are for problems
on the grader's side, and each says what happened and what to do in one line. The CLI turns
them into that line on stderr and the exit code below; no traceback is shown for them.

    GraderError                      exit code
    ├── ChallengeNotFound            3   no challenge with that id or folder
    ├── ChallengeInvalid             3   a challenge folder is malformed
    ├── SubmissionUnreadable         4   the submission path cannot be read at all
    ├── SandboxUnavailable           5   the requested sandbox cannot be used here
    ├── SandboxFailed                6   the sandbox broke while grading (not the candidate's fault)
    └── OutputError                  7   a result file cannot be written

Exit code 0 means a scorecard was produced (whatever the score), 1 that ``--fail-under`` was
not met, 2 a usage error (bad options, from click), 70 an unexpected internal error.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the ``grader`` command."""

    OK = 0
    BELOW_THRESHOLD = 1
    USAGE = 2
    CHALLENGE = 3
    SUBMISSION = 4
    SANDBOX_UNAVAILABLE = 5
    SANDBOX_FAILED = 6
    OUTPUT = 7
    INTERNAL = 70


class GraderError(Exception):
    """A problem on the grader's side, with a one-line message and an exit code."""

    exit_code = ExitCode.INTERNAL

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ChallengeNotFound(GraderError):
    exit_code = ExitCode.CHALLENGE


class ChallengeInvalid(GraderError):
    exit_code = ExitCode.CHALLENGE


class SubmissionUnreadable(GraderError):
    exit_code = ExitCode.SUBMISSION


class SandboxUnavailable(GraderError):
    exit_code = ExitCode.SANDBOX_UNAVAILABLE


class SandboxFailed(GraderError):
    exit_code = ExitCode.SANDBOX_FAILED


class OutputError(GraderError):
    exit_code = ExitCode.OUTPUT
