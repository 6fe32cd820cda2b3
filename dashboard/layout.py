"""The one page: header, the connections table on the left, the selected connection on the right."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.components.detail import empty_state
from dashboard.components.grid import connections_grid
from dashboard.components.header import index_alert, navbar
from dashboard.components.insights import fleet_section
from dashboard.components.search import match_count, search_bar
from dashboard.services import Services


def _error_lines_modal() -> dbc.Modal:
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(id=ids.ERROR_LINES_TITLE, className="h6")),
            dbc.ModalBody(id=ids.ERROR_LINES_BODY),
        ],
        id=ids.ERROR_LINES_MODAL,
        size="xl",
        scrollable=True,
        is_open=False,
    )


def _compare_modal() -> dbc.Modal:
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(id=ids.COMPARE_TITLE, className="h6")),
            dbc.ModalBody(id=ids.COMPARE_BODY),
        ],
        id=ids.COMPARE_MODAL,
        size="xl",
        scrollable=True,
        is_open=False,
    )


def build_layout(services: Services) -> html.Div:
    """Compose the page. Called per page load, so each visitor starts from fresh state."""
    table = services.table
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            dcc.Store(id=ids.SELECTED),
            dcc.Store(id=ids.RELOAD, data=0),
            dcc.Store(id=ids.FETCH_REQUEST),
            dcc.Store(id=ids.CHART_ZOOM),
            dcc.Store(id=ids.STARRED, storage_type="local", data=[]),
            dcc.Store(id=ids.FLEET_FILTER),
            dcc.Store(id=ids.LINES_JUMP),
            dcc.Store(id=ids.LINES_SCROLL),
            dcc.Download(id=ids.DOWNLOAD),
            navbar(services.settings.index, table.size, len(services.problems)),
            dbc.Container(
                dbc.Row(
                    [
                        dbc.Col(
                            html.Div(
                                [
                                    index_alert(services.index_error),
                                    search_bar(),
                                    match_count(),
                                    connections_grid(),
                                ],
                                className="panel table-panel",
                            ),
                            xl=6,
                            lg=12,
                        ),
                        dbc.Col(
                            html.Div(
                                [
                                    html.Div(id=ids.DETAIL_HEADER),
                                    html.Div(empty_state(), id=ids.DETAIL_BODY),
                                ],
                                id=ids.DETAIL,
                                className="panel detail-panel",
                            ),
                            xl=6,
                            lg=12,
                        ),
                    ],
                    className="g-3",
                ),
                fluid=True,
                className="page pt-3",
            ),
            dbc.Container(fleet_section(), fluid=True, className="page py-3"),
            _error_lines_modal(),
            _compare_modal(),
        ]
    )
