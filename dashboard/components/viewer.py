"""The raw log viewer: a file's lines in a virtualised grid, with filters and jumps."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import html

from dashboard import ids
from dashboard.components.grid import GRID_THEME
from dashboard.ids import Side

LEVEL_OPTIONS = [
    {"label": "All lines", "value": "all"},
    {"label": "Errors and warnings", "value": "trouble"},
    {"label": "Errors", "value": "ERROR"},
    {"label": "Warnings", "value": "WARNING"},
]

LINE_COLUMNS = [
    {"field": "n", "headerName": "Line", "width": 84, "cellClass": "num-cell"},
    {"field": "time", "headerName": "Time (UTC)", "width": 150},
    {
        "field": "level",
        "headerName": "Level",
        "width": 96,
        "cellClassRules": {
            "level-error": "params.value === 'ERROR'",
            "level-warning": "params.value === 'WARNING'",
        },
    },
    {
        "field": "text",
        "headerName": "Message",
        "flex": 1,
        "minWidth": 300,
        "cellRenderer": "Highlight",
        "cellClass": "mono line-text",
    },
]


def download_href(connection_id: int, side: str) -> str:
    return f"/download/{connection_id}/{side}"


def log_viewer(connection_id: int, sides: list[Side]) -> html.Section:
    """The viewer for the sides that have a readable log (first one shown)."""
    if not sides:
        return html.Section()
    side_picker = dbc.RadioItems(
        id=ids.LINES_SIDE,
        options=[{"label": f"{s.capitalize()} log", "value": s} for s in sides],
        value=sides[0],
        inline=True,
        className="btn-group btn-group-sm",
        inputClassName="btn-check",
        labelClassName="btn btn-outline-primary btn-sm",
        labelCheckedClassName="active",
    )
    controls = html.Div(
        [
            side_picker,
            dbc.Select(id=ids.LINES_LEVEL, options=LEVEL_OPTIONS, value="all", size="sm"),
            dbc.Input(
                id=ids.LINES_SEARCH,
                type="search",
                placeholder="Find in this log",
                debounce=0.4,
                size="sm",
                value="",
            ),
            dbc.ButtonGroup(
                [
                    dbc.Button(
                        [html.I(className="bi bi-chevron-up me-1"), "Previous error"],
                        id=ids.LINES_PREV,
                        n_clicks=0,
                    ),
                    dbc.Button(
                        ["Next error", html.I(className="bi bi-chevron-down ms-1")],
                        id=ids.LINES_NEXT,
                        n_clicks=0,
                    ),
                ],
                size="sm",
                className="flex-none",
            ),
            dbc.Button(
                [html.I(className="bi bi-clipboard me-1"), "Copy selected"],
                id=ids.LINES_COPY,
                size="sm",
                color="light",
                className="border flex-none",
                n_clicks=0,
            ),
            html.A(
                [html.I(className="bi bi-download me-1"), "Raw file"],
                id=ids.LINES_DOWNLOAD,
                href=download_href(connection_id, sides[0]),
                className="btn btn-sm btn-light border flex-none",
                download="",
            ),
        ],
        className="viewer-controls",
    )
    return html.Section(
        [
            html.Div(
                [
                    html.H3("Log lines", className="section-title mb-0"),
                    html.Span(id=ids.LINES_COUNT, className="small text-body-secondary"),
                    html.Span(id=ids.LINES_COPIED, className="small text-success ms-auto"),
                ],
                className="d-flex align-items-baseline gap-2 mb-2",
            ),
            controls,
            dag.AgGrid(
                id=ids.LINES_GRID,
                columnDefs=LINE_COLUMNS,
                defaultColDef={"sortable": False, "resizable": True},
                rowModelType="infinite",
                getRowId="params.data.n + ''",
                dashGridOptions={
                    "theme": {"function": GRID_THEME},
                    "rowSelection": {
                        "mode": "multiRow",
                        "checkboxes": False,
                        "headerCheckbox": False,
                        "enableClickSelection": True,
                    },
                    "enableCellTextSelection": True,
                    "cacheBlockSize": 200,
                    "maxBlocksInCache": 40,
                    "rowHeight": 26,
                    "headerHeight": 32,
                    "context": {"search": ""},
                },
                className="lines-grid",
                style={"height": "420px", "width": "100%"},
            ),
        ],
        className="detail-section",
    )
