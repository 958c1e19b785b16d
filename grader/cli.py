"""The ``grader`` command line. Parses options, calls the pipeline, prints; nothing else.

Exit codes are listed in ``grader/errors.py``; grader-side errors print one line on stderr.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from grader import __version__
from grader.errors import ExitCode, GraderError, OutputError
from grader.models import OutputFormat, SandboxChoice, Scorecard, Suite, View

if TYPE_CHECKING:
    from grader.batch import Outcome

F = TypeVar("F", bound=Callable[..., Any])
_FORMATS = click.Choice([f.value for f in OutputFormat])
_SANDBOXES = click.Choice([s.value for s in SandboxChoice])


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="grader")
def cli() -> None:
    """Grade ML-engineering coding challenges in a sandbox, without an LLM."""


@cli.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_command(fmt: str) -> int:
    """List the challenges: id, title, difficulty, topics."""
    from grader.load import scan_challenges

    challenges, invalid = scan_challenges()
    if fmt == "json":
        rows = [
            {"id": c.id, "title": c.title, "difficulty": c.difficulty.value, "topics": list(c.topics)}
            for c in challenges
        ]
        click.echo(json.dumps(rows, indent=2))
    else:
        table = [("ID", "TITLE", "DIFFICULTY", "TOPICS")]
        table += [(c.id, c.title, c.difficulty.value, ", ".join(c.topics)) for c in challenges]
        widths = [max(len(row[i]) for row in table) for i in range(3)]
        for row in table:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            click.echo("  ".join([*cells, row[3]]))
    for problem in invalid:
        click.echo(f"grader: error: {problem}", err=True)
    return ExitCode.CHALLENGE if invalid else ExitCode.OK


@cli.command()
@click.argument("challenge")
def show(challenge: str) -> int:
    """Print a challenge's prompt."""
    from grader.load import load_challenge

    click.echo(load_challenge(challenge).prompt_path.read_text(encoding="utf-8"), nl=False)
    return ExitCode.OK


@cli.command()
@click.argument("challenge")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def start(challenge: str, folder: Path) -> int:
    """Create a candidate kit in FOLDER: prompt, solution stub, public tests."""
    from grader.kit import make_kit
    from grader.load import load_challenge

    loaded = load_challenge(challenge)
    for path in make_kit(loaded, folder):
        click.echo(f"  {path}")
    click.echo(
        f"\nNext: edit {folder / loaded.entry}, then run: grader test {loaded.id} {folder / loaded.entry}"
    )
    return ExitCode.OK


def _grading_options(view_default: View) -> Callable[[F], F]:
    def decorate(command: F) -> F:
        options = [
            click.argument("challenge"),
            click.argument("submission", type=click.Path(path_type=Path, exists=True)),
            click.option(
                "--sandbox",
                type=_SANDBOXES,
                default="auto",
                show_default=True,
                help="auto: Docker when a daemon answers, else local (not isolated).",
            ),
            click.option("--format", "fmt", type=_FORMATS, default="text", show_default=True),
            click.option(
                "--view",
                type=click.Choice([v.value for v in View]),
                default=view_default.value,
                show_default=True,
                help="candidate withholds hidden tests' details.",
            ),
            click.option(
                "-o",
                "--output",
                type=click.Path(path_type=Path, dir_okay=False),
                help="Write the scorecard to this file instead of stdout.",
            ),
            click.option(
                "--fail-under",
                type=click.FloatRange(0, 100),
                metavar="PERCENT",
                help="Exit with code 1 when the score is below PERCENT.",
            ),
            click.option(
                "--seed",
                type=int,
                default=0,
                show_default=True,
                help="Seed for tests that generate their inputs.",
            ),
            click.option(
                "--image", envvar="GRADER_IMAGE", help="Sandbox image (default: built from the Dockerfile)."
            ),
        ]
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


@cli.command()
@_grading_options(View.REVIEWER)
def grade(**options: Any) -> int:
    """Grade SUBMISSION (.py, folder, .zip, .tar.gz) with the public and hidden tests."""
    return _grade(Suite.ALL, **options)


@cli.command()
@_grading_options(View.CANDIDATE)
def test(**options: Any) -> int:
    """Run only the public tests on SUBMISSION: quick feedback while solving."""
    return _grade(Suite.PUBLIC, **options)


def _grade(
    suite: Suite,
    challenge: str,
    submission: Path,
    sandbox: str,
    fmt: str,
    view: str,
    output: Path | None,
    fail_under: float | None,
    seed: int,
    image: str | None,
) -> int:
    from grader.pipeline import GradeRequest, grade
    from grader.render import render

    request = GradeRequest(challenge, submission, suite, SandboxChoice(sandbox), image, seed)
    card = grade(request)
    if card.provenance.sandbox is not None and not card.provenance.isolated:
        why = f" ({card.notes[0]})" if card.notes and sandbox == "auto" else ""
        click.echo(f"grader: warning: graded without isolation in the local sandbox{why}", err=True)
    to_terminal = output is None and sys.stdout.isatty()
    text = render(card, OutputFormat(fmt), View(view), color=to_terminal and fmt == "text")
    _emit(text, output)
    return _exit_code(card, fail_under)


def _exit_code(card: Scorecard, fail_under: float | None) -> int:
    if fail_under is not None and card.percent < fail_under:
        return ExitCode.BELOW_THRESHOLD
    return ExitCode.OK


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    partial = output.with_name(f".{output.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(output)
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror}") from None


def _parse_shard(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    index, _, count = value.partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise click.BadParameter("expected K/N with 1 <= K <= N, e.g. 2/5")
    return int(index), int(count)


@cli.command("batch")
@click.argument("submissions", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Results folder: a record per submission, then reports (created if missing).",
)
@click.option(
    "--challenge", help="Each entry of SUBMISSIONS is one candidate's submission to this challenge."
)
@click.option(
    "--jobs",
    type=click.IntRange(1),
    default=os.cpu_count() or 1,
    show_default="number of cores",
    help="Submissions graded at once, each in its own sandbox.",
)
@click.option("--shard", metavar="K/N", callback=_parse_shard, help="Grade only slice K of N (CI matrices).")
@click.option(
    "--scheduler", metavar="ADDRESS", help="Grade on a Dask distributed cluster (e.g. tcp://host:8786)."
)
@click.option(
    "--sandbox",
    type=_SANDBOXES,
    default=None,
    help="Default: auto here; docker on a cluster (every worker host grades with its own Docker).",
)
@click.option("--image", envvar="GRADER_IMAGE", help="Sandbox image (default: built from the Dockerfile).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--force", is_flag=True, help="Regrade submissions whose results are already up to date.")
@click.option("--html", is_flag=True, help="Also write each submission's reviewer scorecard as HTML.")
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    metavar="PERCENT",
    help="Exit with code 1 when any submission scores below PERCENT.",
)
def batch_command(
    submissions: Path,
    out: Path,
    challenge: str | None,
    jobs: int,
    shard: tuple[int, int] | None,
    scheduler: str | None,
    sandbox: str | None,
    image: str | None,
    seed: int,
    force: bool,
    html: bool,
    fail_under: float | None,
) -> int:
    """Grade a folder of submissions: SUBMISSIONS/<candidate>/<challenge-id>/..., or with
    --challenge, SUBMISSIONS/<candidate>(.py|.zip|.tar.gz|/). Resumable: rerun to pick up."""
    from grader.batch import (
        Batch,
        BatchSettings,
        Results,
        clean_partials,
        discover,
        image_key,
        run_local,
        run_on_dask,
        select_shard,
    )
    from grader.cohort import write_reports
    from grader.load import challenge_ids, load_challenge
    from grader.progress import BatchProgress

    if challenge is not None:
        challenge = load_challenge(challenge).id
    choice, kind = _batch_sandbox(sandbox, scheduler, image)
    settings = BatchSettings(choice, image, seed, jobs, force, html)
    items = discover(submissions, challenge, challenge_ids)
    if shard is not None:
        items = select_shard(items, *shard)
    results = Results(out)
    clean_partials(results)
    batch = Batch(results, settings, image_key(settings, kind))
    progress = BatchProgress(len(items))
    if scheduler:
        outcome = run_on_dask(batch, items, scheduler, progress.started, progress.finished)
    else:
        outcome = run_local(batch, items, progress.started, progress.finished)
    progress.close()
    reports = write_reports(results)
    click.echo(f"results in {out}: {', '.join(p.name for p in reports)}", err=True)
    return _batch_exit_code(outcome, fail_under)


def _batch_sandbox(
    sandbox: str | None, scheduler: str | None, image: str | None
) -> tuple[SandboxChoice, Any]:
    """The sandbox every submission of the batch gets, decided once."""
    from grader.models import SandboxKind
    from grader.sandbox import open_sandbox

    if scheduler:
        choice = SandboxChoice(sandbox or "docker")
        return choice, SandboxKind.LOCAL if choice is SandboxChoice.LOCAL else SandboxKind.DOCKER
    opened, notes = open_sandbox(SandboxChoice(sandbox or "auto"), image)
    opened.close()  # only asked which sandbox answers: each grading opens its own
    for note in notes:
        click.echo(f"grader: warning: {note}", err=True)
    return SandboxChoice(opened.kind.value), opened.kind


def _batch_exit_code(outcome: Outcome, fail_under: float | None) -> int:
    if outcome.interrupted:
        click.echo("grader: interrupted; finished results are kept, rerun to grade the rest", err=True)
        return 130
    if outcome.failed:
        click.echo(
            f"grader: error: {len(outcome.failed)} submission(s) could not be graded (sandbox failures)",
            err=True,
        )
        return ExitCode.SANDBOX_FAILED
    if fail_under is not None:
        below = outcome.below(fail_under)
        if below:
            click.echo(f"grader: {len(below)} submission(s) below {fail_under:g}%", err=True)
            return ExitCode.BELOW_THRESHOLD
    return ExitCode.OK


@cli.command("report")
@click.argument("results", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md", "csv", "json", "junit"]),
    default="html",
    show_default=True,
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to FILE, not stdout."
)
def report_command(results: Path, fmt: str, output: Path | None) -> int:
    """Re-render the cohort report from a results folder (also a merge of several shards' folders)."""
    import json as json_module

    from grader.batch import Results
    from grader.cohort import merged_junit, render_cohort, summarize, to_csv, to_summary

    folder = Results(results)
    if fmt == "junit":
        text = merged_junit(folder.records())
    else:
        cohort = summarize(folder.records())
        if fmt == "csv":
            text = to_csv(cohort)
        elif fmt == "json":
            text = json_module.dumps(to_summary(cohort), indent=1) + "\n"
        else:
            text = render_cohort(cohort, fmt)
    _emit(text, output)
    return ExitCode.OK


@cli.command("validate")
@click.argument("challenges", nargs=-1)
@click.option("--sandbox", type=_SANDBOXES, default="auto", show_default=True)
def validate_command(challenges: tuple[str, ...], sandbox: str) -> int:
    """Check that challenges are fit to grade with (all of them by default).

    The reference must score 100% three times with identical results, the stub 0, and the
    prompt must name every function the tests call; exit 1 when any check fails."""
    from grader.load import list_challenges
    from grader.validate import validate

    refs = list(challenges) or [c.id for c in list_challenges()]
    failed = 0
    for ref in refs:
        result = validate(ref, SandboxChoice(sandbox), progress=lambda m: click.echo(f"  ... {m}", err=True))
        failed += not result.ok
        click.echo(f"{'ok  ' if result.ok else 'FAIL'} {result.challenge_id}")
        for check in result.checks:
            click.echo(f"       {'✓' if check.ok else '✗'} {check.name}: {check.detail}")
    click.echo(f"\n{len(refs) - failed} of {len(refs)} challenge(s) valid")
    return ExitCode.BELOW_THRESHOLD if failed else ExitCode.OK


@cli.command("mutate")
@click.argument("challenges", nargs=-1)
@click.option(
    "--sandbox",
    type=_SANDBOXES,
    default="auto",
    show_default=True,
    help="Where mutants are graded; local is faster but runs this machine's numpy, not the image's.",
)
@click.option("--jobs", type=click.IntRange(1), default=2, show_default=True, help="Mutants graded at once.")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    metavar="PERCENT",
    help="Exit 1 when a challenge catches fewer than PERCENT of its mutants.",
)
def mutate_command(challenges: tuple[str, ...], sandbox: str, jobs: int, min_score: float | None) -> int:
    """Mutation score: the share of small bugs in each reference that the hidden tests catch."""
    from grader.load import list_challenges, load_challenge
    from grader.mutate import EQUIVALENTS_FILE, mutation_report

    loaded = [load_challenge(ref) for ref in challenges] or list(list_challenges())
    below = 0
    for challenge in loaded:
        report = mutation_report(challenge, SandboxChoice(sandbox), jobs)
        counted = report.counted
        caught = sum(r.caught for r in counted)
        equivalent = len(report.results) - len(counted)
        click.echo(
            f"{challenge.id}: {caught}/{len(counted)} mutants caught ({100 * report.score:.1f}%)"
            + (f", {equivalent} equivalent" if equivalent else "")
        )
        for survivor in report.survivors:
            why = f"  [equivalent: {survivor.equivalent_reason}]" if survivor.equivalent_reason else ""
            click.echo(f"    survived  {survivor.mutant.description}{why}")
        for stale in report.stale_equivalents:
            note = f"in {EQUIVALENTS_FILE} but no mutant like it survives: update it"
            click.echo(f"    stale     {stale}  [{note}]")
        below += min_score is not None and 100 * report.score < min_score
    return ExitCode.BELOW_THRESHOLD if below else ExitCode.OK


@cli.group()
def image() -> None:
    """Manage the Docker image the sandbox runs in."""


@image.command("build")
@click.option(
    "--base-image", help="Base image for the Dockerfile's BASE_IMAGE (default: debian:trixie-slim)."
)
@click.option("--tag", envvar="GRADER_IMAGE", help="Image name (default: grader-sandbox:<Dockerfile hash>).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the image name.")
def image_build(base_image: str | None, tag: str | None, quiet: bool) -> int:
    """Build the sandbox image from the top-level Dockerfile."""
    from grader.image import build_image, default_image, docker_client

    name = tag or default_image()
    image_id = build_image(docker_client(), name, base_image, log=(lambda _: None) if quiet else click.echo)
    click.echo(name if quiet else f"built {name} ({image_id[:19]})")
    return ExitCode.OK


@image.command("show")
def image_show() -> int:
    """Print the sandbox image's name and whether it is built."""
    from grader.image import default_image, docker_client, find_image

    name = default_image()
    found = find_image(docker_client(), name)
    click.echo(f"{name} {found.id}")
    return ExitCode.OK


def main() -> NoReturn:
    """Run the CLI; turn grader errors into one line and an exit code."""
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        code = cli.main(prog_name="grader", standalone_mode=False)
    except click.exceptions.Abort:
        _fail("interrupted", 130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except GraderError as exc:
        _fail(str(exc), exc.exit_code)
    except Exception as exc:
        if os.environ.get("GRADER_DEBUG"):
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc} (set GRADER_DEBUG=1 for the traceback)",
            ExitCode.INTERNAL,
        )
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"grader: error: {message}", err=True)
    sys.exit(code)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
