"""Fetching over real HTTP from a local server: files, 404, 500 then 200, timeouts, cut files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dashboard.data.fetch import FetchStatus, LogFetcher, host_allowed
from dashboard.data.logs import LogState, LogStore
from dashboard.settings import Settings
from tests.logserver import LogServer

BODY = b"10:00:00:000 | INFO    | a.c | f:1 | Latency: 0.02\n" * 100


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        cache_dir=tmp_path / "cache",
        read_timeout_s=1.0,
        connect_timeout_s=1.0,
        retries=2,
        max_log_mb=1.0,
    )


@pytest.fixture
def fetcher(settings: Settings) -> LogFetcher:
    return LogFetcher(settings)


def test_ok(log_server: LogServer, fetcher: LogFetcher) -> None:
    log_server.files["a.txt"] = BODY
    result = fetcher.fetch(log_server.url("a.txt"))
    assert result.status is FetchStatus.OK
    assert result.content == BODY
    assert result.http_status == 200


def test_not_recorded(fetcher: LogFetcher) -> None:
    assert fetcher.fetch(None).status is FetchStatus.NOT_RECORDED
    assert fetcher.fetch("").status is FetchStatus.NOT_RECORDED


def test_404(log_server: LogServer, fetcher: LogFetcher) -> None:
    result = fetcher.fetch(log_server.url("gone.txt"))
    assert result.status is FetchStatus.NOT_FOUND
    assert log_server.requests["/logs/gone.txt"] == 1


def test_500_then_200_is_retried(log_server: LogServer, fetcher: LogFetcher) -> None:
    log_server.files["a.txt"] = BODY
    result = fetcher.fetch(log_server.url("a.txt", "flaky"))
    assert result.status is FetchStatus.OK
    assert log_server.requests["/flaky/a.txt"] == 2


def test_persistent_500_fails_after_retries(log_server: LogServer, fetcher: LogFetcher) -> None:
    log_server.files["a.txt"] = BODY
    result = fetcher.fetch(log_server.url("a.txt", "broken"))
    assert result.status is FetchStatus.FAILED
    assert result.http_status == 500
    assert log_server.requests["/broken/a.txt"] == 3


def test_slow_server_times_out(log_server: LogServer, fetcher: LogFetcher) -> None:
    log_server.files["a.txt"] = BODY
    result = fetcher.fetch(log_server.url("a.txt", "slow"))
    assert result.status is FetchStatus.TIMED_OUT
    assert log_server.requests["/slow/a.txt"] == 1


def test_truncated_response_fails(log_server: LogServer, fetcher: LogFetcher) -> None:
    log_server.files["a.txt"] = BODY
    result = fetcher.fetch(log_server.url("a.txt", "truncated"))
    assert result.status in (FetchStatus.FAILED, FetchStatus.TIMED_OUT)
    assert result.detail


def test_oversized_file_is_cut_and_flagged(log_server: LogServer, fetcher: LogFetcher) -> None:
    log_server.files["big.txt"] = BODY * 300
    result = fetcher.fetch(log_server.url("big.txt"))
    assert result.status is FetchStatus.TOO_LARGE
    assert len(result.content) == 1024 * 1024


def test_unreachable_port(fetcher: LogFetcher) -> None:
    result = fetcher.fetch("http://127.0.0.1:9/none.txt")
    assert result.status is FetchStatus.UNREACHABLE


def test_hosts_and_schemes_not_allowed(settings: Settings) -> None:
    fetcher = LogFetcher(settings)
    assert fetcher.fetch("http://example.com/a.txt").status is FetchStatus.NOT_ALLOWED
    assert fetcher.fetch("ftp://127.0.0.1/a.txt").status is FetchStatus.NOT_ALLOWED
    assert fetcher.fetch("/etc/passwd").status is FetchStatus.NOT_ALLOWED


def test_host_patterns() -> None:
    patterns = ("127.0.0.1", "*.s3.amazonaws.com")
    assert host_allowed("bucket.s3.amazonaws.com", patterns)
    assert host_allowed("127.0.0.1", patterns)
    assert not host_allowed("s3.amazonaws.com.evil.com", patterns)


def test_local_paths_when_allowed(settings: Settings, tmp_path: Path) -> None:
    fetcher = LogFetcher(replace(settings, allowed_schemes=("http", "https", "file")))
    path = tmp_path / "a.txt"
    path.write_bytes(BODY)
    assert fetcher.fetch(str(path)).content == BODY
    assert fetcher.fetch(path.as_uri()).content == BODY
    assert fetcher.fetch(str(tmp_path / "none.txt")).status is FetchStatus.NOT_FOUND


def test_store_downloads_once_and_caches_on_disk(log_server: LogServer, settings: Settings) -> None:
    log_server.files["a.txt"] = BODY
    url = log_server.url("a.txt")
    store = LogStore(settings.cache_dir, 10 * 1024 * 1024, LogFetcher(settings))
    first = store.load(url)
    assert first.state is LogState.OK
    assert first.parsed is not None and first.parsed.series["latency"].values.size == 100
    other_process_view = LogStore(settings.cache_dir, 10 * 1024 * 1024, LogFetcher(settings))
    assert other_process_view.load(url).state is LogState.OK
    assert log_server.requests["/logs/a.txt"] == 1


def test_store_does_not_cache_failures(log_server: LogServer, settings: Settings) -> None:
    store = LogStore(settings.cache_dir, 10 * 1024 * 1024, LogFetcher(settings))
    url = log_server.url("late.txt")
    assert store.load(url).state is LogState.NOT_FOUND
    log_server.files["late.txt"] = BODY
    assert store.load(url).state is LogState.OK


@pytest.mark.parametrize(
    ("body", "state"),
    [
        (b"", LogState.EMPTY),
        (b"<html>Access denied</html>", LogState.UNRECOGNIZED),
        (bytes(range(256)) * 100, LogState.UNRECOGNIZED),
    ],
)
def test_store_names_bad_content(
    log_server: LogServer, settings: Settings, body: bytes, state: LogState
) -> None:
    log_server.files["x.txt"] = body
    store = LogStore(settings.cache_dir, 10 * 1024 * 1024, LogFetcher(settings))
    assert store.load(log_server.url("x.txt")).state is state
