"""What the callbacks work with, built once per app: settings, the index, the log store."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from dashboard.data.fetch import LogFetcher
from dashboard.data.index import IndexProblem, load_index
from dashboard.data.logs import LogStore
from dashboard.data.query import ConnectionTable
from dashboard.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Services:
    settings: Settings
    table: ConnectionTable
    problems: tuple[IndexProblem, ...]
    logs: LogStore

    @classmethod
    def build(cls, settings: Settings) -> Services:
        loaded = load_index(settings.index, settings.log_base_url)
        for problem in loaded.problems:
            log.warning("index %s: skipped %s", settings.index, problem)
        store = LogStore(
            settings.cache_dir, settings.cache_size_mb * 1024 * 1024, LogFetcher(settings)
        )
        return cls(settings, ConnectionTable(loaded.frame), loaded.problems, store)
