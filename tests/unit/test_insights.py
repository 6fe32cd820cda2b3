"""Fleet aggregation and correlation on data with known answers, and on the demo's plants."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.data.fetch import FetchResult, FetchStatus, LogFetcher
from dashboard.data.fleet import FleetStore, KindSummary, LogSummary, analyse, log_jobs, summarize
from dashboard.data.index import build_index, load_index
from dashboard.data.logs import LogState, LogStore, report_from_fetch
from dashboard.demo.generator import BAD_VERSION, POOR_NETWORK_USER, GenerationResult, generate
from dashboard.export import series_csv, table_csv
from dashboard.insights import (
    by_group,
    compute_insights,
    connection_metrics,
    connections_with_urls,
    correlation,
    top_error_kinds,
)
from dashboard.settings import Settings
from tests.logserver import LogServer


def test_correlation_known_values() -> None:
    result = correlation([1, 2, 3, 4], [2, 4, 6, 8])
    assert (result.n, result.pearson, result.spearman) == (
        4,
        pytest.approx(1.0),
        pytest.approx(1.0),
    )
    result = correlation([1, 2, 3, 4, 5], [5, 6, 7, 8, 100])
    assert result.spearman == pytest.approx(1.0)
    assert result.pearson is not None and result.pearson < 0.9
    assert correlation([1, 2, 3], [3, 2, 1]).spearman == pytest.approx(-1.0)


def test_correlation_with_ties_uses_average_ranks() -> None:
    result = correlation([1, 1, 2, 3], [1, 2, 3, 4])
    ranks_x = np.array([1.5, 1.5, 3, 4])
    expected = np.corrcoef(ranks_x, [1, 2, 3, 4])[0, 1]
    assert result.spearman == pytest.approx(expected)


@pytest.mark.parametrize(
    ("x", "y"),
    [([1, 2], [3, 4]), ([5, 5, 5, 5], [1, 2, 3, 4]), ([1, 2, 3], [7, 7, 7]), ([], [])],
)
def test_correlation_undefined_cases(x: list[float], y: list[float]) -> None:
    result = correlation(x, y)
    assert result.pearson is None and result.spearman is None


def test_correlation_ignores_missing_pairs() -> None:
    result = correlation([1, 2, math.nan, 3, 4], [1, 2, 9, math.nan, 4])
    assert result.n == 3


def summary(url: str, lines: int, errors: int, latency: float | None, **kw: object) -> LogSummary:
    return LogSummary(
        url,
        LogState.OK,
        lines=lines,
        errors=errors,
        warnings=0,
        medians={"latency": latency, "encode_time": kw.get("encode")},  # type: ignore[dict-item]
        p95s={"latency": latency},
        kinds=kw.get("kinds", ()),  # type: ignore[arg-type]
    )


@pytest.fixture
def small() -> tuple[pd.DataFrame, dict[str, LogSummary]]:
    base = {"ip": "1.1.1.1", "last_updated": "06/30/2020, 21:00"}
    index = build_index(
        [
            {
                **base,
                "connection_id": 1,
                "username": "a",
                "version": "v1",
                "client_logs": "c1",
                "server_logs": "s1",
            },
            {**base, "connection_id": 2, "username": "a", "version": "v2", "client_logs": "c2"},
            {**base, "connection_id": 3, "username": "b", "version": "v2", "server_logs": "s3"},
            {**base, "connection_id": 4, "username": None, "version": "v2", "server_logs": "s4"},
        ]
    ).frame
    kind = KindSummary(
        "ERROR", "Boom <n>", 3, "2020-06-30T20:00:00.000", "2020-06-30T20:10:00.000", "Boom 1"
    )
    summaries = {
        "c1": summary("c1", 100, 1, 0.020),
        "s1": summary("s1", 100, 3, None, encode=0.005, kinds=(kind,)),
        "c2": summary("c2", 50, 0, 0.040),
        "s3": summary("s3", 10, 5, None, encode=0.009, kinds=(kind,)),
        "s4": LogSummary("s4", LogState.NOT_FOUND),
    }
    return index, summaries


def test_connection_metrics(small: tuple[pd.DataFrame, dict[str, LogSummary]]) -> None:
    index, summaries = small
    metrics = connection_metrics(index, summaries)
    assert metrics["error_pct"].tolist()[:3] == pytest.approx([2.0, 0.0, 50.0])
    assert math.isnan(metrics["error_pct"].iloc[3])
    assert metrics["latency_median"].tolist()[:2] == pytest.approx([0.020, 0.040])
    assert math.isnan(metrics["latency_median"].iloc[2])
    assert metrics["encode_median"].iloc[0] == pytest.approx(0.005)


def test_by_group_pools_lines(small: tuple[pd.DataFrame, dict[str, LogSummary]]) -> None:
    index, summaries = small
    table = by_group(index, connection_metrics(index, summaries), "version")
    assert table.index.tolist() == ["v2", "v1"]
    assert table.loc["v2", "connections"] == 3
    assert table.loc["v2", "error_rate"] == pytest.approx(100 * 5 / 60)
    assert table.loc["v1", "error_rate"] == pytest.approx(2.0)
    users = by_group(index, connection_metrics(index, summaries), "username")
    assert "(none)" in users.index


def test_top_error_kinds(small: tuple[pd.DataFrame, dict[str, LogSummary]]) -> None:
    index, summaries = small
    (kind,) = top_error_kinds(index, summaries)
    assert (kind.count, kind.logs, kind.connections) == (6, 2, 2)
    assert connections_with_urls(index, kind.urls) == frozenset({1, 3})


def test_summarize_failed_and_good_reports() -> None:
    failed = summarize(report_from_fetch(FetchResult("u", FetchStatus.NOT_FOUND)))
    assert not failed.ok and failed.state is LogState.NOT_FOUND
    good = summarize(
        report_from_fetch(
            FetchResult("u", FetchStatus.OK, b"10:00:00:000 | ERROR   | a | f:1 | Boom 7\n")
        )
    )
    assert good.ok and good.errors == 1 and good.kinds[0].template == "Boom <n>"


def test_analysis_is_resumable_and_records_failures(log_server: LogServer, tmp_path: Path) -> None:
    good = b"10:00:00:000 | INFO    | a | f:1 | Latency: 0.02\n"
    log_server.files.update({"a.txt": good, "b.txt": good})
    jobs = {log_server.url(n): None for n in ("a.txt", "b.txt")}
    jobs[log_server.url("gone.txt")] = None
    settings = Settings(cache_dir=tmp_path, read_timeout_s=1, retries=0)
    logs = LogStore(tmp_path, 10**8, LogFetcher(settings))
    store = FleetStore(tmp_path)
    status = analyse(jobs, logs, store, workers=2)
    assert (status.total, status.done, status.failed, status.running) == (3, 3, 1, False)
    again = analyse(jobs, logs, FleetStore(tmp_path), workers=2)
    assert (again.done, again.failed) == (3, 1)
    assert log_server.requests["/logs/a.txt"] == 1


def test_series_and_table_csv(small: tuple[pd.DataFrame, dict[str, LogSummary]]) -> None:
    index, _ = small
    text = table_csv(index, {"error_pct": pd.Series([1.0, 2.0, 3.0, math.nan])})
    lines = text.strip().splitlines()
    assert lines[0].startswith("connection_id,username,ip,last_updated,version")
    assert len(lines) == 5 and lines[1].startswith("1,a,")
    report = report_from_fetch(
        FetchResult("u", FetchStatus.OK, b"10:00:00:000 | INFO    | a | f:1 | Latency: 0.02\n")
    )
    none = report_from_fetch(FetchResult(None, FetchStatus.NOT_RECORDED))
    csv = series_csv(7, report, none).strip().splitlines()
    assert csv == [
        "connection_id,side,metric,time_utc,value,unit",
        "7,client,latency,1970-01-01T10:00:00.000000Z,0.02,s",
    ]


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> GenerationResult:
    return generate(tmp_path_factory.mktemp("planted"), records=400, files=400, seed=5, processes=2)


def test_insights_find_what_the_generator_planted(planted: GenerationResult) -> None:
    logs = planted.index_path.parent / "logs"
    index = load_index(str(planted.index_path), f"{logs}/").frame
    summaries = {
        url: summarize(report_from_fetch(FetchResult(url, FetchStatus.OK, Path(url).read_bytes())))
        for url in log_jobs(index)
    }
    found = compute_insights(index, summaries)
    assert found.versions.index[0] == BAD_VERSION
    worst_user = found.users.sort_values("latency_median", ascending=False).index[0]
    assert worst_user == POOR_NETWORK_USER
    assert found.trouble.n > 30
    assert found.trouble.spearman is not None and found.trouble.spearman > 0
    assert found.trouble.pearson is not None and found.trouble.pearson > 0
