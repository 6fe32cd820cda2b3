"""The selected connection: its record, its two logs' health, four charts and error kinds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import dash_bootstrap_components as dbc
import numpy as np
import numpy.typing as npt
from dash import dcc, html

from dashboard import ids
from dashboard.components.viewer import log_viewer
from dashboard.data.logs import LogReport
from dashboard.figures import (
    DISPLAYS,
    compare_figure,
    metric_figure,
    summary_rows,
    to_datetimes,
)
from dashboard.ids import Side
from dashboard.messages import describe
from parsing import ErrorKind, MetricSeries
from parsing.metrics import METRICS

_GRAPH_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
_MAX_KINDS = 8


def empty_state() -> html.Div:
    return html.Div(
        [
            html.I(className="bi bi-cursor display-6 text-body-tertiary"),
            html.H2("Select a connection", className="h5 mt-3"),
            html.P(
                "Pick a row in the table to see its latency, decode and encode times, and the "
                "errors and warnings in its client and server logs.",
                className="text-body-secondary mb-2 mx-auto",
                style={"maxWidth": "28rem"},
            ),
            html.A(
                [
                    html.I(className="bi bi-arrow-down me-1"),
                    "Fleet insights across all connections",
                ],
                href=f"#{ids.FLEET}",
                className="small",
            ),
        ],
        className="text-center py-5 my-5",
    )


def unknown_connection(connection_id: Any) -> dbc.Alert:
    return dbc.Alert(
        f"There is no connection {connection_id} in the index.",
        color="warning",
        className="m-3",
    )


def _field(label: str, value: str | None, placeholder: str) -> html.Div:
    shown = value if value else placeholder
    return html.Div(
        [
            html.Div(label, className="field-label"),
            html.Div(
                shown, className="field-value" + ("" if value else " placeholder"), title=shown
            ),
        ],
        className="field",
    )


def record_header(record: dict[str, Any]) -> html.Div:
    received = record["last_updated"]
    return html.Div(
        [
            html.Div(
                [
                    html.H2(
                        ["Connection ", html.Span(str(record["connection_id"]), className="mono")],
                        className="h5 mb-0",
                    ),
                    html.Button(
                        html.I(className="bi bi-star"),
                        id=ids.STAR_TOGGLE,
                        className="star-toggle",
                        title="Star this connection",
                        n_clicks=0,
                    ),
                    dbc.InputGroup(
                        [
                            dbc.Input(
                                id=ids.COMPARE_WITH,
                                type="number",
                                placeholder="Connection id",
                                min=0,
                                step=1,
                            ),
                            dbc.Button(
                                [html.I(className="bi bi-intersect me-1"), "Compare"],
                                id=ids.COMPARE_OPEN,
                                color="light",
                                className="border",
                                n_clicks=0,
                            ),
                        ],
                        size="sm",
                        className="compare-group ms-auto",
                    ),
                ],
                className="d-flex align-items-center gap-2 mb-2",
            ),
            html.Div(
                [
                    _field("User", record["username"], "no username"),
                    _field("Server IP", record["ip"], "unknown"),
                    _field("Received", received.strftime("%Y-%m-%d %H:%M UTC"), "unknown"),
                    _field("Version", record["version"], "unknown"),
                ],
                className="fields",
            ),
        ],
        className="detail-header",
    )


def loading(progress: str = "Downloading and reading the logs…") -> html.Div:
    return html.Div(
        [dbc.Spinner(size="sm", color="primary"), html.Span(progress, className="ms-2")],
        className="d-flex align-items-center justify-content-center text-body-secondary py-5",
    )


def _stat(label: str, value: str, note: str = "", tone: str = "") -> html.Div:
    return html.Div(
        [
            html.Div(label, className="stat-label"),
            html.Div(
                [value, html.Span(note, className="stat-note") if note else None],
                className=f"stat-value {tone}",
            ),
        ],
        className="stat",
    )


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m" if hours else f"{minutes}m {secs:02d}s"


def _size(size: int) -> str:
    return f"{size / 1e6:,.1f} MB" if size >= 100_000 else f"{size / 1e3:,.1f} KB"


def side_card(side: Side, report: LogReport) -> dbc.Card:
    """One log's health: its state, lines, errors and warnings (count and % of lines)."""
    message = describe(side, report)
    title = html.Div(
        [
            html.Span(f"{side.capitalize()} log", className="fw-semibold"),
            dbc.Badge(message.title, color=message.tone, className="ms-2 state-badge"),
        ],
        className="d-flex align-items-center",
    )
    parsed = report.parsed
    if parsed is None:
        body: list[Any] = [html.P(message.text, className="small text-body-secondary mb-0 mt-2")]
        if message.retryable:
            body.append(
                dbc.Button(
                    [html.I(className="bi bi-arrow-clockwise me-1"), "Retry"],
                    id=ids.retry(side),
                    size="sm",
                    color="primary",
                    outline=True,
                    className="mt-2",
                    n_clicks=0,
                )
            )
        return dbc.Card(dbc.CardBody([title, *body]), className=f"side-card side-{side}")
    stats = html.Div(
        [
            _stat(
                "Errors",
                f"{parsed.errors:,}",
                f"{parsed.error_pct:.2f}%",
                "text-danger" if parsed.errors else "",
            ),
            _stat(
                "Warnings",
                f"{parsed.warnings:,}",
                f"{parsed.warning_pct:.2f}%",
                "text-warning-emphasis" if parsed.warnings else "",
            ),
            _stat("Lines", f"{parsed.lines:,}"),
            _stat("Duration", _duration(parsed.duration_s)),
            _stat("Size", _size(report.size_bytes)),
        ],
        className="stats",
    )
    notes = []
    if message.tone != "success":
        notes.append(html.P(message.text, className="small text-warning-emphasis mb-0 mt-2"))
    return dbc.Card(dbc.CardBody([title, stats, *notes]), className=f"side-card side-{side}")


def shared_range(*reports: LogReport) -> tuple[dt.datetime, dt.datetime] | None:
    """The time span covering every loaded log, so that all charts share one axis."""
    moments = []
    for report in reports:
        parsed = report.parsed
        if parsed is not None and parsed.first_us is not None and parsed.last_us is not None:
            moments.extend(to_datetimes(parsed.day0, _pair(parsed.first_us, parsed.last_us)))
    if not moments:
        return None
    return min(moments).astype(dt.datetime), max(moments).astype(dt.datetime)


def _pair(first: int, last: int) -> npt.NDArray[np.int64]:
    return np.array([first, last], dtype=np.int64)


def chart_row(
    series: MetricSeries, day0: dt.date | None, x_range: tuple[dt.datetime, dt.datetime] | None
) -> html.Div:
    shown = DISPLAYS[series.name]
    summary = series.summary()
    heading = html.Div(
        [html.Span(shown.title, className="fw-semibold"), html.Span(f" ({shown.unit})")],
        className="chart-title",
    )
    if summary.count == 0:
        return html.Div(
            [
                heading,
                html.Div(
                    f"This log has no “{shown.title.lower()}” samples.",
                    className="chart-empty",
                ),
            ],
            className="chart-row",
        )
    stats = html.Div(
        [_stat(label, value) for label, value in summary_rows(series.name, summary)],
        className="chart-stats",
    )
    graph = dcc.Graph(
        id=ids.metric_graph(series.name),
        figure=metric_figure(series, day0, x_range),
        config=_GRAPH_CONFIG,
        className="chart-graph",
    )
    return html.Div(
        [heading, html.Div([stats, graph], className="chart-body")], className="chart-row"
    )


def side_charts(
    side: Side, report: LogReport, x_range: tuple[dt.datetime, dt.datetime] | None
) -> html.Div:
    """The two charts of one side, or one plain message in their place."""
    metrics = [m for m in METRICS if m.side == side]
    parsed = report.parsed
    if parsed is None:
        message = describe(side, report)
        return html.Div(
            [
                html.I(className="bi bi-file-earmark-x me-2"),
                html.Span(message.text),
            ],
            className=f"side-missing tone-{message.tone}",
        )
    return html.Div([chart_row(parsed.series[m.key], parsed.day0, x_range) for m in metrics])


def _kind_item(side: Side, index: int, kind: ErrorKind) -> html.Button:
    level_tone = "danger" if kind.level == "ERROR" else "warning"
    return html.Button(
        [
            dbc.Badge(kind.level.title(), color=level_tone, className="kind-level"),
            html.Span(kind.template, className="kind-template mono", title=kind.example),
            html.Span(f"{kind.count:,}", className="kind-count"),
        ],
        id=ids.error_kind(side, index),
        className="kind-item",
        n_clicks=0,
        title="Show these lines",
    )


def error_kinds(side: Side, report: LogReport) -> html.Div:
    parsed = report.parsed
    heading = html.Div(f"{side.capitalize()} log", className="kinds-heading")
    if parsed is None:
        return html.Div([heading, html.Div("No log to read.", className="kinds-empty")])
    if not parsed.error_kinds:
        return html.Div([heading, html.Div("No errors or warnings.", className="kinds-empty")])
    items = [_kind_item(side, i, kind) for i, kind in enumerate(parsed.error_kinds[:_MAX_KINDS])]
    more = len(parsed.error_kinds) - _MAX_KINDS
    if more > 0:
        items.append(html.Div(f"and {more:,} rarer kinds", className="kinds-empty"))
    return html.Div([heading, *items])


def detail_body(connection_id: int, client: LogReport, server: LogReport) -> html.Div:
    x_range = shared_range(client, server)
    return html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(side_card("client", client), md=6),
                    dbc.Col(side_card("server", server), md=6),
                ],
                className="g-2 mb-2",
            ),
            html.Section(
                [
                    html.H3("Time series", className="section-title"),
                    side_charts("client", client, x_range),
                    side_charts("server", server, x_range),
                ],
                className="detail-section",
            ),
            html.Div(
                [
                    dbc.Button(
                        [html.I(className="bi bi-filetype-csv me-1"), "Series as CSV"],
                        id=ids.EXPORT_SERIES,
                        size="sm",
                        color="light",
                        className="border",
                        n_clicks=0,
                    ),
                ],
                className="d-flex justify-content-end",
            ),
            html.Section(
                [
                    html.H3("Most frequent errors and warnings", className="section-title"),
                    dbc.Row(
                        [
                            dbc.Col(error_kinds("client", client), md=6),
                            dbc.Col(error_kinds("server", server), md=6),
                        ],
                        className="g-3",
                    ),
                ],
                className="detail-section",
            ),
            log_viewer(
                connection_id,
                [side for side, r in (("client", client), ("server", server)) if r.parsed],
            ),
        ]
    )


def kind_lines(kind: ErrorKind) -> html.Div:
    """The lines of one error kind, as plain text."""
    shown = len(kind.samples)
    note = f"First {shown:,} of {kind.count:,} lines" if shown < kind.count else f"{shown:,} lines"
    return html.Div(
        [
            html.Div(note, className="small text-body-secondary mb-2"),
            html.Pre(
                "\n".join(f"{number:>7}  {line}" for number, line in kind.samples),
                className="log-lines",
            ),
        ]
    )


def compare_body(
    labels: tuple[str, str], runs: tuple[tuple[LogReport, LogReport], tuple[LogReport, LogReport]]
) -> html.Div:
    """Four overlays of two connections, each aligned on its own log's first line."""
    charts = []
    for metric in METRICS:
        side = 0 if metric.side == "client" else 1
        overlays = []
        for label, reports in zip(labels, runs, strict=True):
            parsed = reports[side].parsed
            if parsed is not None and parsed.first_us is not None:
                overlays.append((label, parsed.series[metric.key], parsed.first_us))
        shown = DISPLAYS[metric.key]
        if not any(series.values.size for _, series, _ in overlays):
            body: Any = html.Div(
                f"Neither connection has {shown.title.lower()} samples.", className="chart-empty"
            )
        else:
            body = dcc.Graph(figure=compare_figure(metric.key, overlays), config=_GRAPH_CONFIG)
        charts.append(
            dbc.Col(
                html.Div(
                    [
                        html.Div(
                            [html.Span(shown.title, className="fw-semibold"), f" ({shown.unit})"],
                            className="chart-title",
                        ),
                        body,
                    ],
                    className="chart-row",
                ),
                lg=6,
            )
        )
    return html.Div(dbc.Row(charts, className="g-2"))
