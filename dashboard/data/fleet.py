"""Fleet analysis: read every log of the index once and keep a small summary of each on disk.

The runner works through the index in a background process with a bounded pool of threads,
through the same parsed-log cache as the page. Summaries are stored as they are made, so a restart
resumes where it stopped; a file that fails is recorded with its state and never stops the rest.
One runner per host: a lock in the shared cache keeps other worker processes out.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import diskcache
import pandas as pd

from dashboard.data.fetch import LogFetcher
from dashboard.data.logs import LogReport, LogState, LogStore
from dashboard.settings import Settings

log = logging.getLogger(__name__)

_RUNNER_KEY = "runner"
_RUNNER_EXPIRE_S = 60
_STATUS_KEY = "status"


@dataclass(frozen=True, slots=True)
class KindSummary:
    level: str
    template: str
    count: int
    first: str
    last: str
    example: str


@dataclass(frozen=True, slots=True)
class LogSummary:
    """What the fleet insights need from one log, small enough to keep for every log."""

    url: str
    state: LogState
    lines: int = 0
    errors: int = 0
    warnings: int = 0
    medians: dict[str, float | None] = field(default_factory=dict)
    p95s: dict[str, float | None] = field(default_factory=dict)
    kinds: tuple[KindSummary, ...] = ()
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.state.has_data


def summarize(report: LogReport) -> LogSummary:
    """Reduce a parsed log to its summary (times of error kinds as ISO text)."""
    parsed = report.parsed
    if parsed is None or not report.state.has_data:
        return LogSummary(report.url or "", report.state, detail=report.detail)
    stats = {name: series.summary() for name, series in parsed.series.items()}
    return LogSummary(
        url=report.url or "",
        state=report.state,
        lines=parsed.lines,
        errors=parsed.errors,
        warnings=parsed.warnings,
        medians={name: s.median for name, s in stats.items()},
        p95s={name: s.p95 for name, s in stats.items()},
        kinds=tuple(
            KindSummary(
                kind.level,
                kind.template,
                kind.count,
                parsed.format_time(kind.first_us),
                parsed.format_time(kind.last_us),
                kind.samples[0][1] if kind.samples else kind.example,
            )
            for kind in parsed.error_kinds
        ),
    )


@dataclass(frozen=True, slots=True)
class FleetStatus:
    total: int = 0
    done: int = 0
    failed: int = 0
    running: bool = False
    started: float | None = None
    finished: float | None = None

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


class FleetStore:
    """Per-log summaries keyed by URL, and the runner's status, in a diskcache."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache = diskcache.Cache(str(cache_dir / "fleet"))
        self._summaries: dict[str, LogSummary] = {}
        self._seen_version = -1

    def version(self) -> int:
        """Grows whenever a summary is added, so readers know when to refresh."""
        return int(self.cache.get("version", 0))

    def summaries(self) -> dict[str, LogSummary]:
        """Every stored summary by URL (read from disk only when something changed)."""
        current = self.version()
        if current != self._seen_version:
            self._summaries = {
                key[1]: self.cache[key]
                for key in self.cache.iterkeys()
                if isinstance(key, tuple) and key[0] == "summary" and key in self.cache
            }
            self._seen_version = current
        return self._summaries

    def has(self, url: str) -> bool:
        return ("summary", url) in self.cache

    def add(self, summary: LogSummary) -> None:
        self.cache.set(("summary", summary.url), summary)
        self.cache.incr("version", default=0)

    def status(self) -> FleetStatus:
        return self.cache.get(_STATUS_KEY, FleetStatus())

    def set_status(self, status: FleetStatus) -> None:
        self.cache.set(_STATUS_KEY, status)

    def claim_runner(self) -> bool:
        """True for the one process on this host that may run the analysis now."""
        return bool(self.cache.add(_RUNNER_KEY, os.getpid(), expire=_RUNNER_EXPIRE_S))

    def keep_runner(self) -> None:
        self.cache.touch(_RUNNER_KEY, expire=_RUNNER_EXPIRE_S)

    def release_runner(self) -> None:
        self.cache.delete(_RUNNER_KEY)


def analyse(
    jobs: Mapping[str, dt.datetime | None],
    logs: LogStore,
    store: FleetStore,
    workers: int = 4,
    on_progress: Callable[[FleetStatus], None] | None = None,
) -> FleetStatus:
    """Summarize every log URL (with the time its log was received) not summarized yet."""
    todo = sorted(jobs)
    remaining = [url for url in todo if not store.has(url)]
    failed = sum(not s.ok for url, s in store.summaries().items() if url in jobs)
    status = FleetStatus(
        total=len(todo), done=len(todo) - len(remaining), failed=failed, running=True,
        started=time.time(),
    )
    store.set_status(status)
    lock = threading.Lock()

    def one(url: str) -> None:
        nonlocal status
        try:
            summary = summarize(logs.load(url, jobs[url], keep_raw=False))
        except Exception as error:  # one bad file never stops the rest
            log.exception("fleet analysis of %s failed", url)
            summary = LogSummary(url, LogState.FAILED, detail=str(error)[:200])
        store.add(summary)
        with lock:
            status = FleetStatus(
                status.total, status.done + 1, status.failed + (not summary.ok), True,
                status.started,
            )
            store.set_status(status)
            store.keep_runner()
        if on_progress is not None:
            on_progress(status)

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fleet") as pool:
        list(pool.map(one, remaining))
    status = FleetStatus(
        status.total, status.done, status.failed, False, status.started, time.time()
    )
    store.set_status(status)
    return status


def _run(settings: Settings, jobs: Mapping[str, dt.datetime | None]) -> None:
    """The analysis process: its own cache connections, then the work, then the lock back."""
    store = FleetStore(settings.cache_dir)
    logs = LogStore(
        settings.cache_dir, settings.cache_size_mb * 1024 * 1024, LogFetcher(settings)
    )
    try:
        analyse(jobs, logs, store, settings.fleet_workers)
    finally:
        store.release_runner()


def start_in_background(
    settings: Settings, store: FleetStore, jobs: Mapping[str, dt.datetime | None]
) -> bool:
    """Start the analysis in a process of its own (so the page stays responsive while it runs),
    unless another process on this host runs it already."""
    if not store.claim_runner():
        return False
    context = multiprocessing.get_context("fork")
    context.Process(target=_run, args=(settings, dict(jobs)), name="fleet", daemon=True).start()
    return True


def log_jobs(index: pd.DataFrame) -> dict[str, dt.datetime | None]:
    """Every log URL of the index, with when its (first) connection's logs were received."""
    jobs: dict[str, dt.datetime | None] = {}
    for column in ("client_logs", "server_logs"):
        present = index[[column, "last_updated"]].dropna(subset=[column])
        for url, received in zip(present[column], present["last_updated"], strict=True):
            jobs.setdefault(url, received.to_pydatetime())
    return jobs
