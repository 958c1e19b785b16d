"""Batch throughput and memory: ``grader batch --jobs 2`` vs plain pytest processes, 2 at a time.

    python benchmarks/batch_throughput.py [--challenge kmeans] [--submissions 100] [--memory-at 100 1000]

Throughput: a cohort of N submissions of one challenge (its alternative solutions from
tests/solutions, correct and wrong, each copy made unique) graded by ``grader batch --jobs 2
--sandbox docker --force``, and in the same run the same N gradings as plain pytest processes
with the submission imported in-process (no sandbox), two at a time. Reported: submissions per
second of each and their ratio (sandboxed / plain).

Memory: the peak resident memory of the ``grader batch`` process itself (sampled from /proc
every 50 ms; the sandboxes are other processes) for cohorts of each size given to --memory-at.
It should not grow with the cohort.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "sandbox" / "harness" / "runner.py"


def make_cohort(challenge: str, count: int, folder: Path) -> list[Path]:
    sources = sorted((ROOT / "tests" / "solutions" / challenge).glob("*.py"))
    if not sources:
        sources = [ROOT / "challenges" / challenge / "reference.py"]
    made = []
    for i in range(count):
        target = folder / f"candidate-{i:04d}.py"
        target.write_text(sources[i % len(sources)].read_text() + f"\n# candidate {i}\n")
        made.append(target)
    return made


def peak_rss_kib(pid: int, peak: list[int]) -> None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                peak[0] = max(peak[0], int(line.split()[1]))
    except OSError:
        pass


def batch(challenge: str, cohort: Path, out: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one ``grader batch`` over the cohort."""
    command = [
        sys.executable,
        "-m",
        "grader",
        "batch",
        str(cohort),
        "--out",
        str(out),
        "--challenge",
        challenge,
        "--jobs",
        "2",
        "--sandbox",
        "docker",
        "--force",
    ]
    peak = [0]
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    while process.poll() is None:
        peak_rss_kib(process.pid, peak)
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    if process.returncode not in (0, 1):
        detail = process.stderr.read()[-2000:] if process.stderr else ""
        raise SystemExit(f"grader batch failed ({process.returncode}): {detail}")
    return elapsed, peak[0]


def plain_one(challenge: Path, submission: Path) -> None:
    """The same tests as a grading, with the submission imported into pytest's process."""
    junit = submission.with_name(f"{submission.stem}.junit.xml")
    command = [
        sys.executable,
        "-I",
        "-B",
        str(RUNNER),
        "inprocess",
        str(challenge),
        str(submission),
        str(junit),
    ]
    subprocess.run(command, cwd=ROOT, capture_output=True, check=False, timeout=600)


def plain(challenge: str, cohort: list[Path]) -> float:
    folder = ROOT / "challenges" / challenge
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda s: plain_one(folder, s), cohort))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--challenge", default="kmeans")
    parser.add_argument("--submissions", type=int, default=100)
    parser.add_argument(
        "--memory-at",
        type=int,
        nargs="*",
        default=[100, 1000],
        help="cohort sizes at which to measure the batch process's peak memory",
    )
    args = parser.parse_args()
    result: dict[str, object] = {"challenge": args.challenge, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="grader-bench-") as tmp:
        cohort_dir = Path(tmp) / "cohort"
        cohort_dir.mkdir()
        cohort = make_cohort(args.challenge, args.submissions, cohort_dir)
        sandboxed_s, _ = batch(args.challenge, cohort_dir, Path(tmp) / "results")
        plain_s = plain(args.challenge, cohort)
        result["throughput"] = {
            "submissions": args.submissions,
            "sandboxed_seconds": round(sandboxed_s, 2),
            "plain_seconds": round(plain_s, 2),
            "sandboxed_per_second": round(args.submissions / sandboxed_s, 3),
            "plain_per_second": round(args.submissions / plain_s, 3),
            "ratio_sandboxed_over_plain": round(plain_s / sandboxed_s, 3),
        }
        memory = {}
        for size in args.memory_at:
            folder = Path(tmp) / f"memory-{size}"
            folder.mkdir()
            make_cohort(args.challenge, size, folder)
            seconds, peak = batch(args.challenge, folder, Path(tmp) / f"results-{size}")
            memory[str(size)] = {"peak_rss_mib": round(peak / 1024, 1), "seconds": round(seconds, 1)}
            shutil.rmtree(folder)
        result["batch_process_memory"] = memory
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / f"batch_throughput-{args.challenge}.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
