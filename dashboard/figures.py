"""Pure figure builders: parsed data in, a Plotly figure (as a dict) out. No Dash, no I/O."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from parsing import MetricSeries, MetricSummary

Figure = dict[str, Any]
MAX_POINTS = 1_000
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


@dataclass(frozen=True, slots=True)
class Display:
    """How one metric is shown: its title, its human unit and the factor to reach it."""

    title: str
    unit: str
    scale: float
    color: str
    decimals: int = 1


DISPLAYS: dict[str, Display] = {
    "latency": Display("Round-trip latency", "ms", 1e3, "#2563eb"),
    "decode_time": Display("Average decode time", "ms", 1e3, "#7c3aed", 2),
    "encode_time": Display("Average encode time", "ms", 1e3, "#059669", 2),
    "encode_size": Display("Average encode size", "KB", 1e-3, "#d97706"),
}


def format_value(metric: str, value: float | None) -> str:
    """A metric value in its human unit: ``24.4 ms``, ``25.1 KB``; an en dash when missing."""
    if value is None:
        return "–"
    shown = DISPLAYS[metric]
    return f"{value * shown.scale:,.{shown.decimals}f} {shown.unit}"


def downsample(
    x: npt.NDArray[np.int64], y: npt.NDArray[np.float64], max_points: int = MAX_POINTS
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """At most ``max_points`` points, keeping each bucket's minimum and maximum (so spikes stay)."""
    if x.size <= max_points:
        return x, y
    buckets = max_points // 2
    edges = np.linspace(0, x.size, buckets + 1).astype(np.int64)
    keep = []
    for start, stop in itertools.pairwise(edges):
        if stop <= start:
            continue
        part = y[start:stop]
        low, high = start + int(np.argmin(part)), start + int(np.argmax(part))
        keep.extend(sorted({low, high}))
    index = np.array(keep, dtype=np.int64)
    return x[index], y[index]


def to_datetimes(
    day0: dt.date | None, offsets_us: npt.NDArray[np.int64]
) -> npt.NDArray[np.datetime64]:
    """Absolute times (UTC, as naive datetime64) from offsets since midnight of ``day0``."""
    origin = np.datetime64(day0 or dt.date(1970, 1, 1), "us")
    return origin + offsets_us.astype("timedelta64[us]")


_AXIS = {
    "showgrid": True,
    "gridcolor": "#eef2f7",
    "zeroline": False,
    "linecolor": "#cbd5e1",
    "ticks": "outside",
    "tickcolor": "#cbd5e1",
    "automargin": True,
}


_AXIS = {
    "showgrid": True,
    "gridcolor": "#eef2f7",
    "zeroline": False,
    "linecolor": "#cbd5e1",
    "ticks": "outside",
    "tickcolor": "#cbd5e1",
    "automargin": True,
}


def metric_figure(
    series: MetricSeries,
    day0: dt.date | None,
    x_range: tuple[dt.datetime, dt.datetime] | None = None,
    height: int = 190,
) -> Figure:
    """One metric over time, in human units, with its median as a dashed line.

    Built as the plain dict Plotly reads: the ``go.Figure`` route validates every property and
    copies a template, which cost about 100 ms a chart here.
    """
    shown = DISPLAYS[series.name]
    x, y = downsample(series.offsets_us, series.values)
    summary = series.summary()
    shapes = []
    if summary.median is not None:
        shapes.append(
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": summary.median * shown.scale,
                "y1": summary.median * shown.scale,
                "line": {"color": "#94a3b8", "width": 1, "dash": "dash"},
            }
        )
    xaxis: dict[str, Any] = {**_AXIS, "type": "date"}
    if x_range is not None:
        xaxis["range"] = [moment.isoformat() for moment in x_range]
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "lines",
                "x": to_datetimes(day0, x).astype(str).tolist(),
                "y": (y * shown.scale).tolist(),
                "line": {"color": shown.color, "width": 1.4},
                "name": shown.title,
                "hovertemplate": f"%{{y:,.{shown.decimals}f}} {shown.unit}<extra></extra>",
            }
        ],
        "layout": {
            "height": height,
            "margin": {"l": 56, "r": 12, "t": 8, "b": 28},
            "font": {"family": FONT, "size": 12, "color": "#334155"},
            "paper_bgcolor": "#ffffff",
            "plot_bgcolor": "#ffffff",
            "hovermode": "x unified",
            "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": "#cbd5e1"},
            "showlegend": False,
            "uirevision": "keep",
            "xaxis": xaxis,
            "yaxis": {
                **_AXIS,
                "title": {"text": shown.unit, "standoff": 4},
                "rangemode": "tozero",
            },
            "shapes": shapes,
        },
    }


def summary_rows(metric: str, summary: MetricSummary) -> list[tuple[str, str]]:
    """The statistics shown beside a chart, formatted."""
    return [
        ("Median", format_value(metric, summary.median)),
        ("p95", format_value(metric, summary.p95)),
        ("Max", format_value(metric, summary.max)),
        ("Samples", f"{summary.count:,}"),
    ]


def _small_layout(height: int, x_title: str, y_title: str) -> dict[str, Any]:
    return {
        "height": height,
        "margin": {"l": 52, "r": 12, "t": 8, "b": 40},
        "font": {"family": FONT, "size": 12, "color": "#334155"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "showlegend": False,
        "bargap": 0.05,
        "xaxis": {**_AXIS, "title": {"text": x_title}},
        "yaxis": {**_AXIS, "title": {"text": y_title}},
    }


def latency_histogram(
    medians_ms: npt.NDArray[np.float64], p95s_ms: npt.NDArray[np.float64]
) -> Figure:
    """How per-connection median (and p95) latency is spread across the fleet."""
    keep_median = medians_ms[np.isfinite(medians_ms)]
    keep_p95 = p95s_ms[np.isfinite(p95s_ms)]
    upper = float(np.percentile(keep_p95, 99)) if keep_p95.size else 1.0
    bins = {"start": 0, "end": upper, "size": max(upper / 40, 0.5)}
    return {
        "data": [
            {
                "type": "histogram",
                "x": keep_p95.round(2).tolist(),
                "xbins": bins,
                "name": "p95 latency",
                "marker": {"color": "#bfdbfe"},
                "hovertemplate": "p95 %{x} ms: %{y} connections<extra></extra>",
            },
            {
                "type": "histogram",
                "x": keep_median.round(2).tolist(),
                "xbins": bins,
                "name": "median latency",
                "marker": {"color": DISPLAYS["latency"].color},
                "hovertemplate": "median %{x} ms: %{y} connections<extra></extra>",
            },
        ],
        "layout": {
            **_small_layout(230, "latency per connection (ms)", "connections"),
            "barmode": "overlay",
            "showlegend": True,
            "legend": {"orientation": "h", "y": 1.12, "x": 0},
        },
    }


def error_latency_scatter(
    error_pct: npt.NDArray[np.float64],
    latency_ms: npt.NDArray[np.float64],
    connection_ids: npt.NDArray[np.int64],
) -> Figure:
    """Error rate against median latency, one point per connection with both known."""
    keep = np.isfinite(error_pct) & np.isfinite(latency_ms)
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "markers",
                "x": latency_ms[keep].round(2).tolist(),
                "y": error_pct[keep].round(3).tolist(),
                "customdata": connection_ids[keep].tolist(),
                "marker": {"color": "#2563eb", "size": 6, "opacity": 0.55},
                "hovertemplate": (
                    "connection %{customdata}<br>%{x} ms median latency"
                    "<br>%{y}% errors<extra></extra>"
                ),
            }
        ],
        "layout": _small_layout(250, "median latency (ms)", "error lines (%)"),
    }


COMPARE_COLORS = ("#2563eb", "#ea580c")


def compare_figure(metric: str, runs: list[tuple[str, MetricSeries, int]]) -> Figure:
    """Several connections' series of one metric on one axis, in minutes since each log's start.

    ``runs`` holds (label, series, first_us) with ``first_us`` the log's first line time.
    """
    shown = DISPLAYS[metric]
    traces = []
    for (label, series, first_us), color in zip(runs, COMPARE_COLORS, strict=False):
        x, y = downsample(series.offsets_us, series.values)
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": label,
                "x": ((x - first_us) / 60e6).round(4).tolist(),
                "y": (y * shown.scale).tolist(),
                "line": {"color": color, "width": 1.3},
                "hovertemplate": f"{label}: %{{y:,.{shown.decimals}f}} {shown.unit}<extra></extra>",
            }
        )
    layout = _small_layout(210, "minutes since the log's first line", shown.unit)
    layout.update(
        hovermode="x unified",
        showlegend=True,
        legend={"orientation": "h", "y": 1.15, "x": 0},
        margin={"l": 52, "r": 12, "t": 24, "b": 40},
    )
    return {"data": traces, "layout": layout}
