"""Fetch, parse and cache one log: what the page knows about a client or server log.

Parsed results are kept in a diskcache keyed by URL, shared by every worker process, with a size
limit and least-recently-used eviction. A lock per URL makes concurrent requests for the same
log download it once. Failures are not cached, so "Retry" really tries again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

import diskcache

from dashboard.data.fetch import FetchResult, FetchStatus, LogFetcher
from parsing import ParsedLog, parse_log
from parsing.parser import first_day

_CACHE_VERSION = 1
_LOCK_EXPIRE_S = 300


class LogState(StrEnum):
    """Everything that can be said about one side's log, from the index to the parser."""

    OK = "ok"
    NOT_RECORDED = "not_recorded"
    NOT_ALLOWED = "not_allowed"
    NOT_FOUND = "not_found"
    UNREACHABLE = "unreachable"
    TIMED_OUT = "timed_out"
    TOO_LARGE = "too_large"
    FAILED = "failed"
    EMPTY = "empty"
    UNRECOGNIZED = "unrecognized"

    @property
    def has_data(self) -> bool:
        return self in (LogState.OK, LogState.TOO_LARGE)


@dataclass(frozen=True, slots=True)
class LogReport:
    """One side's log as the page shows it: its state, and the parse when there is one."""

    url: str | None
    state: LogState
    detail: str = ""
    parsed: ParsedLog | None = None
    size_bytes: int = 0


def report_from_fetch(result: FetchResult) -> LogReport:
    """Parse what was fetched (cut files too) and name the outcome."""
    if not result.has_content:
        return LogReport(result.url, LogState(result.status.value), result.detail)
    parsed = parse_log(result.content)
    if not result.content.strip():
        state = LogState.EMPTY
    elif not parsed.recognized:
        state = LogState.UNRECOGNIZED
    elif result.status is FetchStatus.TOO_LARGE:
        state = LogState.TOO_LARGE
    else:
        state = LogState.OK
    return LogReport(
        url=result.url,
        state=state,
        detail=result.detail,
        parsed=parsed,
        size_bytes=len(result.content),
    )


def with_date(report: LogReport, received: dt.datetime | None) -> LogReport:
    """Give the parse its date: the log was received (``last_updated``) after its last line."""
    if report.parsed is None or received is None:
        return report
    day0 = first_day(received, report.parsed.last_us)
    return replace(report, parsed=replace(report.parsed, day0=day0))


class LogStore:
    """Parsed logs by URL, on disk, shared by all processes of this host."""

    def __init__(self, cache_dir: Path, size_limit_bytes: int, fetcher: LogFetcher) -> None:
        self.cache = diskcache.Cache(
            str(cache_dir / "logs"),
            size_limit=size_limit_bytes,
            eviction_policy="least-recently-used",
        )
        self.fetcher = fetcher

    def _key(self, url: str) -> tuple[str, int, str]:
        return ("log", _CACHE_VERSION, url)

    def cached(self, url: str | None) -> LogReport | None:
        return None if not url else self.cache.get(self._key(url))

    def load(
        self, url: str | None, received: dt.datetime | None = None, keep_raw: bool = True
    ) -> LogReport:
        """The report for ``url``, from the cache when any process has already fetched it.

        ``keep_raw`` also keeps the file itself (for the log viewer and downloads)."""
        if not url:
            return LogReport(url, LogState.NOT_RECORDED)
        key = self._key(url)
        report = self.cache.get(key)
        if report is None:
            with diskcache.Lock(self.cache, ("lock", url), expire=_LOCK_EXPIRE_S):
                report = self.cache.get(key)
                if report is None:
                    result = self.fetcher.fetch(url)
                    report = report_from_fetch(result)
                    if report.parsed is not None:
                        self.cache.set(key, report)
                        if keep_raw:
                            self.cache.set(self._raw_key(url), result.content)
        return with_date(report, received)

    def _raw_key(self, url: str) -> tuple[str, int, str]:
        return ("raw", _CACHE_VERSION, url)

    def raw(self, url: str) -> bytes | None:
        """The file's bytes (cut at the size limit), from the cache or downloaded once more."""
        content = self.cache.get(self._raw_key(url))
        if content is None:
            result = self.fetcher.fetch(url)
            if not result.has_content:
                return None
            content = result.content
            self.cache.set(self._raw_key(url), content)
        return bytes(content)
