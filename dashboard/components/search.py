"""The controls above the table: username search, the missing-log quick filter, the count."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import ids

MISSING_OPTIONS = [
    {"label": "All connections", "value": "all"},
    {"label": "Client log missing", "value": "client"},
    {"label": "Server log missing", "value": "server"},
    {"label": "Either log missing", "value": "either"},
]


def search_bar() -> html.Div:
    return html.Div(
        [
            dbc.InputGroup(
                [
                    dbc.InputGroupText(html.I(className="bi bi-search")),
                    dbc.Input(
                        id=ids.SEARCH,
                        type="search",
                        placeholder="Search users in all connections",
                        debounce=0.3,
                        autocomplete="off",
                        value="",
                    ),
                    dbc.Button(
                        "Clear",
                        id=ids.SEARCH_CLEAR,
                        color="light",
                        className="border",
                        n_clicks=0,
                    ),
                ],
                size="sm",
                className="flex-grow-1",
            ),
            dbc.Select(
                id=ids.MISSING_FILTER,
                options=MISSING_OPTIONS,
                value="all",
                size="sm",
                className="missing-filter",
            ),
        ],
        className="d-flex gap-2 align-items-center",
    )


def match_count() -> html.Div:
    """The count line, the starred-only switch, and the chip of an error kind filter."""
    return html.Div(
        [
            html.Div(
                "Loading connections…",
                id=ids.MATCH_COUNT,
                className="small text-body-secondary flex-grow-1",
                **{"aria-live": "polite"},
            ),
            html.Div(
                [
                    html.Span(id=ids.FLEET_FILTER_CHIP, className="min-w-0 d-flex"),
                    html.Button(
                        html.I(className="bi bi-x"),
                        id=ids.FLEET_FILTER_CLEAR,
                        className="chip-clear",
                        title="Show all connections again",
                        n_clicks=0,
                    ),
                ],
                className="kind-chip small",
            ),
            dbc.Button(
                [html.I(className="bi bi-filetype-csv me-1"), "Export"],
                id=ids.EXPORT_TABLE,
                size="sm",
                color="link",
                className="p-0 small export-link",
                title="Download the table as it is now (search, filters, sort) as CSV",
                n_clicks=0,
            ),
            dbc.Checklist(
                id=ids.STARRED_ONLY,
                options=[{"label": "Starred only", "value": "starred"}],
                value=[],
                switch=True,
                inline=True,
                className="small starred-switch",
            ),
        ],
        className="d-flex align-items-center gap-2",
    )
