"""What the callbacks work with, built once per app: settings, the index, the log store."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from dashboard.data.fetch import LogFetcher
from dashboard.data.index import IndexProblem, IndexUnavailable, build_index, load_index
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
    index_error: str = ""

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
        return cls(settings, table, loaded.problems, store, index_error)
