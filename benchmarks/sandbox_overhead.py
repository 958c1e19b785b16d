"""What the sandbox costs: ``grader grade`` in Docker vs the same tests in plain pytest.

    python benchmarks/sandbox_overhead.py [--challenge kmeans] [--runs 7]

Sandboxed: the real CLI, end to end (``grader grade ID reference.py --sandbox docker``): process
start, challenge loading, staging, a fresh container, the harness with one worker per test,
scoring and rendering. Plain: ``pytest`` on the same public and hidden test files with the
reference imported into the pytest process (the harness plugin's in-process mode), no sandbox.
Both run alternately on this machine, after one warm-up each; the ratio is of the medians.
Numbers are wall-clock seconds and only meaningful relative to each other within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "sandbox" / "harness" / "runner.py"


def sandboxed(challenge: Path) -> tuple[float, float]:
    """Wall seconds of the whole ``grader grade``, and the part spent inside the tests."""
    command = [
        sys.executable,
        "-m",
        "grader",
        "grade",
        challenge.name,
        str(challenge / "reference.py"),
        "--sandbox",
        "docker",
        "--format",
        "json",
    ]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - start
    card = json.loads(proc.stdout) if proc.returncode == 0 else {}
    if card.get("score") != card.get("max_score") or card.get("provenance", {}).get("sandbox") != "docker":
        raise SystemExit(f"sandboxed grading did not score full marks in Docker: {proc.stderr.strip()}")
    return elapsed, sum(test["duration"] for test in card["tests"])


def plain(challenge: Path, junit: Path) -> tuple[float, float]:
    """Wall seconds of the whole pytest process, and the part spent inside the tests."""
    reference = challenge / "reference.py"
    command = [
        sys.executable,
        "-I",
        "-B",
        str(RUNNER),
        "inprocess",
        str(challenge),
        str(reference),
        str(junit),
    ]
    junit.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"plain pytest failed:\n{proc.stdout[-2000:]}")
    cases = ElementTree.parse(junit).iter("testcase")
    return elapsed, sum(float(case.get("time", 0)) for case in cases)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--challenge", default="kmeans")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    challenge = ROOT / "challenges" / args.challenge
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    junit = out / "plain-junit.xml"
    sandboxed(challenge), plain(challenge, junit)  # warm-up: manifest cache, page cache, image layers
    samples: dict[str, list[tuple[float, float]]] = {"sandboxed": [], "plain": []}
    for _ in range(args.runs):
        samples["sandboxed"].append(sandboxed(challenge))
        samples["plain"].append(plain(challenge, junit))
    medians = {name: statistics.median(total for total, _ in values) for name, values in samples.items()}
    in_tests = {name: statistics.median(tests for _, tests in values) for name, values in samples.items()}
    result = {
        "challenge": args.challenge,
        "runs": args.runs,
        "median_seconds": {k: round(v, 3) for k, v in medians.items()},
        "ratio_sandboxed_over_plain": round(medians["sandboxed"] / medians["plain"], 3),
        # where the time goes: inside the tests (JUnit times; for the sandbox these include each
        # test's worker start and teardown) and everything else (start-up, collection, container)
        "median_seconds_in_tests": {k: round(v, 3) for k, v in in_tests.items()},
        "samples_seconds": {k: [round(total, 3) for total, _ in v] for k, v in samples.items()},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }
    (out / f"sandbox_overhead-{args.challenge}.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{args.challenge}: sandboxed {medians['sandboxed']:.2f} s, plain {medians['plain']:.2f} s "
        f"(medians of {args.runs}); ratio {result['ratio_sandboxed_over_plain']:.2f}\n"
        f"  inside the tests: sandboxed {in_tests['sandboxed']:.2f} s, plain {in_tests['plain']:.2f} s; "
        f"outside: sandboxed {medians['sandboxed'] - in_tests['sandboxed']:.2f} s, "
        f"plain {medians['plain'] - in_tests['plain']:.2f} s"
    )


if __name__ == "__main__":
    main()
