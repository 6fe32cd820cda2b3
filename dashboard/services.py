"""What the callbacks work with, built once per app: settings, the index, the log store."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.data.fetch import LogFetcher
from dashboard.data.fleet import FleetStore, log_jobs, start_in_background
from dashboard.data.index import IndexProblem, IndexUnavailable, build_index, load_index
from dashboard.data.logs import LogReport, LogStore, with_date
from dashboard.data.query import ConnectionTable
from dashboard.data.viewer import LogLines
from dashboard.insights import (
    FleetInsights,
    compute_insights,
    connection_metrics,
    connections_with_urls,
    table_columns,
)
from dashboard.settings import Settings

log = logging.getLogger(__name__)
_METRICS_REFRESH_S = 3.0
_LINES_KEPT = 4


@dataclass
class Services:
    settings: Settings
    table: ConnectionTable
    problems: tuple[IndexProblem, ...]
    logs: LogStore
    fleet: FleetStore
    index_error: str = ""
    _metrics_version: int = -1
    _metrics_checked: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _insights: tuple[int, FleetInsights] | None = None
    _lines: OrderedDict[str, LogLines] = field(default_factory=OrderedDict)

    @classmethod
    def build(cls, settings: Settings) -> Services:
        """Load the index; an unreadable one leaves an empty table and a message, not a crash."""
        try:
            loaded = load_index(settings.index, settings.log_base_url)
        except IndexUnavailable as error:
            log.error("%s", error)
            loaded, index_error = build_index([]), str(error)
        else:
            index_error = ""
        for problem in loaded.problems:
            log.warning("index %s: skipped %s", settings.index, problem)
        store = LogStore(
            settings.cache_dir, settings.cache_size_mb * 1024 * 1024, LogFetcher(settings)
        )
        table = ConnectionTable(loaded.frame)
        fleet = FleetStore(settings.cache_dir)
        return cls(settings, table, loaded.problems, store, fleet, index_error)

    def start_fleet_analysis(self) -> bool:
        """Start analysing every log of the index (unless it runs already on this host)."""
        jobs = log_jobs(self.table.frame)
        return bool(jobs) and start_in_background(self.settings, self.fleet, jobs)

    def fleet_metrics(self) -> pd.DataFrame:
        return connection_metrics(self.table.frame, self.fleet.summaries())

    def insights(self) -> FleetInsights:
        """The fleet insights, recomputed only when new summaries have arrived."""
        version = self.fleet.version()
        cached = self._insights
        if cached is None or cached[0] != version:
            cached = (version, compute_insights(self.table.frame, self.fleet.summaries()))
            self._insights = cached
        return cached[1]

    def dated(self, report: LogReport, record: dict[str, Any]) -> LogReport:
        return with_date(report, record["last_updated"].to_pydatetime())

    def log_url(self, connection_id: int | None, side: str) -> str | None:
        record = None if connection_id is None else self.table.record(int(connection_id))
        return None if record is None else record.get(f"{side}_logs")

    def lines(self, url: str) -> LogLines | None:
        """A file's lines for the viewer (a few files kept in memory, most recent first)."""
        with self._lock:
            if url in self._lines:
                self._lines.move_to_end(url)
                return self._lines[url]
        raw = self.logs.raw(url)
        if raw is None:
            return None
        lines = LogLines(raw)
        with self._lock:
            self._lines[url] = lines
            while len(self._lines) > _LINES_KEPT:
                self._lines.popitem(last=False)
        return lines

    def kind_connections(self, level: str, template: str) -> frozenset[int]:
        """Ids of the connections whose logs hold an error kind from the insights."""
        for kind in self.insights().kinds:
            if (kind.level, kind.template) == (level, template):
                return connections_with_urls(self.table.frame, kind.urls)
        return frozenset()

    def refresh_table_metrics(self) -> None:
        """Put the latest fleet summaries into the table's columns (at most every few seconds)."""
        now = time.monotonic()
        if now - self._metrics_checked < _METRICS_REFRESH_S:
            return
        with self._lock:
            self._metrics_checked = now
            version = self.fleet.version()
            if version == self._metrics_version:
                return
            self._metrics_version = version
            self.table.set_metrics(table_columns(self.fleet_metrics()))
