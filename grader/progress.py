"""Batch progress: a live status line on a terminal, one plain line per submission otherwise."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any, TextIO

from grader.batch import BatchItem, Finished, RowStatus

BAR_WIDTH = 24


class BatchProgress:
    """Counts of done, running and failed submissions, the rate, and the time left."""

    def __init__(self, total: int, stream: TextIO | None = None, live: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.total = total
        self.done = 0
        self.failed = 0
        self.skipped = 0
        self.started_at = time.monotonic()
        self._lock = threading.Lock()
        self._running: set[str] = set()

    @property
    def running(self) -> int:
        return len(self._running)

    def started(self, item: BatchItem) -> None:
        with self._lock:
            self._running.add(item.key)
            self._draw()

    def finished(self, result: Finished) -> None:
        with self._lock:
            self.done += 1
            self.skipped += result.skipped
            self._running.discard(result.item.key)
            status = result.record.get("status")
            if status in (RowStatus.FAILED, RowStatus.UNREADABLE, RowStatus.UNKNOWN_CHALLENGE):
                self.failed += 1
            if self.live:
                self._draw()
            else:
                self.stream.write(self._line(result) + "\n")
                self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
        self.stream.write(self.summary() + "\n")
        self.stream.flush()

    def summary(self) -> str:
        elapsed = time.monotonic() - self.started_at
        graded = self.done - self.skipped - self.failed
        return (
            f"{self.done}/{self.total} submissions in {elapsed:.1f} s: {graded} graded now, "
            f"{self.skipped} already up to date, {self.failed} without a scorecard"
        )

    def _rate(self) -> float:
        graded = self.done - self.skipped
        elapsed = time.monotonic() - self.started_at
        return graded / elapsed if graded and elapsed > 0 else 0.0

    def _draw(self) -> None:
        if not self.live:
            return
        filled = int(BAR_WIDTH * self.done / self.total) if self.total else BAR_WIDTH
        rate = self._rate()
        left = (self.total - self.done) / rate if rate else None
        eta = f" · ~{_duration(left)} left" if left is not None else ""
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        line = (
            f"[{bar}] {self.done}/{self.total} done · {self.running} running"
            f" · {self.failed} failed · {rate:.2f}/s{eta}"
        )
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()

    def _line(self, result: Finished) -> str:
        record: dict[str, Any] = result.record
        where = f"[{self.done}/{self.total}] {result.item.key}"
        if result.skipped:
            return f"{where}: up to date ({record['score']:g}/{record['max_score']:g})"
        if record["status"] in (RowStatus.GRADED, RowStatus.UNGRADABLE):
            percent = f" ({record['percent']:.1f}%)" if record["status"] == RowStatus.GRADED else ""
            score = f"{record['score']:g}/{record['max_score']:g}{percent}"
            return f"{where}: {record['status']} {score} in {result.seconds:.1f} s"
        return f"{where}: {record['status']}: {record['ungradable_reason']}"


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
