"""Figure building: human units, downsampling that keeps spikes, shared time axes."""

from __future__ import annotations

import datetime as dt

import numpy as np
import plotly.graph_objects as go
import pytest

from dashboard.components.detail import shared_range
from dashboard.data.logs import LogReport, LogState
from dashboard.figures import MAX_POINTS, downsample, format_value, metric_figure, to_datetimes
from parsing import MetricSeries, parse_log


def series(name: str, values: list[float]) -> MetricSeries:
    offsets = np.arange(len(values), dtype=np.int64) * 500_000 + 3_600_000_000
    return MetricSeries(name, offsets, np.array(values, dtype=np.float64))


def test_small_series_are_drawn_as_they_are() -> None:
    x = np.arange(10, dtype=np.int64)
    y = np.linspace(0, 1, 10)
    dx, dy = downsample(x, y)
    assert dx.tolist() == x.tolist() and dy.tolist() == y.tolist()


def test_downsampling_keeps_every_spike_and_stays_small() -> None:
    rng = np.random.default_rng(1)
    y = rng.normal(0.025, 0.002, 50_000)
    spikes = [123, 20_000, 49_999]
    y[spikes] = [0.9, 1.5, 0.7]
    y[31_000] = -0.5
    x = np.arange(y.size, dtype=np.int64)
    dx, dy = downsample(x, y)
    assert dx.size <= MAX_POINTS
    assert set(spikes) | {31_000} <= set(dx.tolist())
    assert dy.max() == y.max() and dy.min() == y.min()
    assert np.all(np.diff(dx) > 0)


def test_metric_figure_in_human_units() -> None:
    figure = metric_figure(series("latency", [0.020, 0.030, 0.025]), dt.date(2020, 6, 30))
    trace = figure["data"][0]
    assert trace["y"] == pytest.approx([20.0, 30.0, 25.0])
    assert "ms" in trace["hovertemplate"]
    assert trace["x"][0].startswith("2020-06-30T01:00:00")
    assert figure["layout"]["shapes"][0]["y0"] == pytest.approx(25.0)
    size = metric_figure(series("encode_size", [26008.0]), None)
    assert size["data"][0]["y"] == pytest.approx([26.008])
    assert size["layout"]["yaxis"]["title"]["text"] == "KB"
    go.Figure(figure)  # Plotly itself accepts every property


def test_figure_x_range_is_shared() -> None:
    start, end = dt.datetime(2020, 6, 30, 1), dt.datetime(2020, 6, 30, 2)
    figure = metric_figure(series("encode_time", [0.004]), dt.date(2020, 6, 30), (start, end))
    assert figure["layout"]["xaxis"]["range"] == [start.isoformat(), end.isoformat()]


@pytest.mark.parametrize(
    ("metric", "value", "text"),
    [
        ("latency", 0.0244, "24.4 ms"),
        ("decode_time", 0.003121, "3.12 ms"),
        ("encode_size", 26008.0, "26.0 KB"),
        ("latency", None, "–"),
    ],
)
def test_format_value(metric: str, value: float | None, text: str) -> None:
    assert format_value(metric, value) == text


def test_to_datetimes_counts_days() -> None:
    offsets = np.array([0, 86_400_000_000 + 1_000], dtype=np.int64)
    times = to_datetimes(dt.date(2020, 6, 29), offsets)
    assert times[1] == np.datetime64("2020-06-30T00:00:00.001")


def test_shared_range_spans_both_logs() -> None:
    early = parse_log(
        b"10:00:00:000 | INFO    | a.c | f:1 | x\n10:05:00:000 | INFO    | a.c | f:1 | x\n"
    )
    late = parse_log(
        b"10:01:00:000 | INFO    | a.c | f:1 | x\n10:09:00:000 | INFO    | a.c | f:1 | x\n"
    )
    reports = [LogReport("a", LogState.OK, parsed=p) for p in (early, late)]
    start, end = shared_range(*reports)  # type: ignore[misc]
    assert (start.time(), end.time()) == (dt.time(10, 0), dt.time(10, 9))
    assert shared_range(LogReport(None, LogState.NOT_RECORDED)) is None
