"""The fleet insights section: analysis progress, common errors, latency, trouble together,
versions and users."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import numpy as np
import numpy.typing as npt
import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.data.fleet import FleetStatus
from dashboard.figures import error_latency_scatter, latency_histogram
from dashboard.insights import Correlation, FleetInsights, FleetKind

_GRAPH_CONFIG = {"displaylogo": False, "displayModeBar": False}


def fleet_section() -> html.Section:
    return html.Section(
        [
            html.Div(
                [
                    html.H2("Fleet insights", className="h6 mb-0"),
                    html.Div(id=ids.FLEET_STATUS, className="fleet-status"),
                    dbc.Button(
                        [html.I(className="bi bi-play-fill me-1"), "Analyse all logs"],
                        id=ids.FLEET_START,
                        size="sm",
                        color="primary",
                        n_clicks=0,
                        className="ms-auto",
                    ),
                ],
                className="d-flex align-items-center gap-3 flex-wrap mb-2",
            ),
            html.Div(id=ids.FLEET_BODY),
            dcc.Store(id=ids.FLEET_SHOWN),
            dcc.Interval(id=ids.FLEET_TIMER, interval=3000, disabled=False),
        ],
        id=ids.FLEET,
        className="panel fleet-panel",
    )


def status_line(status: FleetStatus) -> list[Any]:
    if status.total == 0:
        return [html.Span("Not analysed yet.", className="text-body-secondary small")]
    share = 100 * status.done / status.total
    words = f"{status.done:,} of {status.total:,} logs analysed"
    if status.failed:
        words += f" · {status.failed:,} could not be read"
    if status.running:
        words += " · running"
    elif status.finished and status.started:
        words += f" · took {status.finished - status.started:,.0f} s"
    return [
        dbc.Progress(value=share, className="fleet-progress", color="primary"),
        html.Span(words, className="small text-body-secondary"),
    ]


def _card(title: str, body: Any, note: str = "") -> html.Div:
    return html.Div(
        [
            html.Div(
                [html.H3(title, className="section-title mb-0"), html.Span(note, className="note")],
                className="d-flex align-items-baseline justify-content-between gap-2 mb-1",
            ),
            body,
        ],
        className="insight-card",
    )


def _ms(seconds: float | None) -> str:
    return "–" if seconds is None or not np.isfinite(seconds) else f"{seconds * 1e3:,.1f} ms"


def _pct(value: float | None) -> str:
    return "–" if value is None or not np.isfinite(value) else f"{value:.2f}%"


def _when(iso: str) -> str:
    """``2026-11-20T23:06:12.000`` as ``2026-11-20 23:06``."""
    return iso[:16].replace("T", " ")


def kinds_table(kinds: list[FleetKind]) -> html.Div:
    if not kinds:
        return html.Div("No errors or warnings in the analysed logs.", className="kinds-empty")
    header = html.Div(
        [html.Span("Kind"), html.Span("Lines"), html.Span("Connections"), html.Span("Seen")],
        className="fleet-kind head",
    )
    rows = [
        html.Button(
            [
                html.Span(
                    [
                        dbc.Badge(
                            kind.level.title(),
                            color="danger" if kind.level == "ERROR" else "warning",
                            className="kind-level",
                        ),
                        html.Span(
                            kind.template, className="mono kind-template", title=kind.example
                        ),
                    ],
                    className="d-flex align-items-center gap-2 min-w-0",
                ),
                html.Span(f"{kind.count:,}", className="num"),
                html.Span(f"{kind.connections:,}", className="num"),
                html.Span(
                    f"{kind.first[:10]} → {kind.last[:10]}",
                    className="seen",
                    title=f"First {_when(kind.first)}, last {_when(kind.last)} (UTC)",
                ),
            ],
            id=ids.fleet_kind(i),
            className="fleet-kind",
            title=f"Show its {kind.connections:,} connections. Example: {kind.example}",
            n_clicks=0,
        )
        for i, kind in enumerate(kinds)
    ]
    return html.Div([header, *rows])


def _group_table(table: pd.DataFrame, label: str, limit: int = 10) -> dbc.Table:
    head = html.Thead(
        html.Tr(
            [
                html.Th(label),
                html.Th("Conn.", className="num"),
                html.Th("Errors", className="num"),
                html.Th("Latency p50", className="num"),
                html.Th("Encode p50", className="num"),
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(
                        str(row.Index),
                        className="mono text-truncate group-name",
                        title=str(row.Index),
                    ),
                    html.Td(f"{int(row.connections):,}", className="num"),
                    html.Td(_pct(row.error_rate), className="num"),
                    html.Td(_ms(row.latency_median), className="num"),
                    html.Td(_ms(row.encode_median), className="num"),
                ]
            )
            for row in table.head(limit).itertuples()
        ]
    )
    return dbc.Table([head, body], size="sm", hover=True, className="group-table mb-0")


def _coefficient(value: float | None) -> str:
    return "undefined" if value is None else f"{value:+.2f}"


def correlation_note(result: Correlation) -> str:
    return (
        f"Spearman {_coefficient(result.spearman)} · Pearson {_coefficient(result.pearson)}"
        f" · n = {result.n:,}"
    )


def worst_list(worst: pd.DataFrame) -> html.Div:
    if worst.empty:
        return html.Div("No client logs analysed yet.", className="kinds-empty")
    return html.Div(
        [
            html.Button(
                [
                    html.Span(str(row.connection_id), className="mono"),
                    html.Span(row.username or "no username", className="text-truncate user"),
                    html.Span(_ms(row.latency_median), className="num"),
                ],
                id=ids.open_connection(int(row.connection_id)),
                className="worst-item",
                n_clicks=0,
                title="Open this connection",
            )
            for row in worst.itertuples()
        ]
    )


def insights_body(found: FleetInsights, connection_ids: npt.NDArray[np.int64]) -> html.Div:
    if found.analysed == 0:
        return html.Div(
            "Insights appear here as logs are analysed.", className="text-body-secondary small"
        )
    metrics = found.metrics
    latency_ms = metrics["latency_median"].to_numpy() * 1e3
    histogram = dcc.Graph(
        figure=latency_histogram(latency_ms, metrics["latency_p95"].to_numpy() * 1e3),
        config=_GRAPH_CONFIG,
    )
    scatter = dcc.Graph(
        id=ids.FLEET_SCATTER,
        figure=error_latency_scatter(metrics["error_pct"].to_numpy(), latency_ms, connection_ids),
        config=_GRAPH_CONFIG,
    )
    return html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(
                        _card(
                            "Most common errors and warnings",
                            kinds_table(found.kinds),
                            "click one to list its connections",
                        ),
                        xl=7,
                    ),
                    dbc.Col(
                        _card(
                            "Latency across connections",
                            html.Div([histogram, worst_list(found.worst)]),
                            "highest median latency below",
                        ),
                        xl=5,
                    ),
                ],
                className="g-3",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        _card(
                            "Do errors and latency go together?",
                            scatter,
                            correlation_note(found.trouble),
                        ),
                        xl=4,
                    ),
                    dbc.Col(_card("By version", _group_table(found.versions, "Version")), xl=4),
                    dbc.Col(_card("By user", _group_table(found.users, "User")), xl=4),
                ],
                className="g-3 mt-1",
            ),
        ]
    )
