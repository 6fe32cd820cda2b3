"""The connections table: AG Grid with the infinite row model, rows served from the index."""

from __future__ import annotations

from typing import Any

import dash_ag_grid as dag
from dash import html

from dashboard import ids

_TEXT_FILTER = {
    "filterOptions": ["contains", "equals", "startsWith", "blank"],
    "buttons": ["reset"],
}


def _placeholder(text: str) -> dict[str, str]:
    return {"function": f"params.value == null ? '{text}' : params.value"}


def _log_column(side: str) -> dict[str, Any]:
    return {
        "field": f"{side}_state",
        "headerName": f"{side.capitalize()} log",
        "cellRenderer": "LogBadge",
        "width": 106,
    }


COLUMN_DEFS: list[dict[str, Any]] = [
    {
        "field": "connection_id",
        "headerName": "Connection",
        "filter": "agNumberColumnFilter",
        "filterParams": {"buttons": ["reset"]},
        "pinned": "left",
        "width": 116,
    },
    {
        "field": "username",
        "headerName": "User",
        "filter": "agTextColumnFilter",
        "filterParams": _TEXT_FILTER,
        "valueFormatter": _placeholder("no username"),
        "cellClassRules": {"cell-placeholder": "params.value == null"},
        "tooltipField": "username",
        "flex": 1,
        "minWidth": 180,
    },
    {
        "field": "last_updated",
        "headerName": "Received, UTC",
        "filter": "agDateColumnFilter",
        "filterParams": {
            "filterOptions": ["equals", "greaterThan", "lessThan", "inRange"],
            "buttons": ["reset"],
        },
        "width": 144,
    },
    _log_column("client"),
    _log_column("server"),
    {
        "field": "ip",
        "headerName": "Server IP",
        "filter": "agTextColumnFilter",
        "filterParams": _TEXT_FILTER,
        "width": 128,
    },
    {
        "field": "version",
        "headerName": "Version",
        "filter": "agTextColumnFilter",
        "filterParams": _TEXT_FILTER,
        "valueFormatter": _placeholder("unknown"),
        "cellClassRules": {"cell-placeholder": "params.value == null"},
        "width": 150,
    },
]

GRID_THEME = (
    "themeQuartz.withParams({fontFamily: 'inherit', fontSize: 13, headerFontWeight: 600,"
    " spacing: 6, accentColor: '#2563eb', wrapperBorderRadius: 8,"
    " headerBackgroundColor: '#f8fafc', selectedRowBackgroundColor: '#dbeafe'})"
)


def connections_grid() -> html.Div:
    return html.Div(
        [
            dag.AgGrid(
                id=ids.GRID,
                columnDefs=COLUMN_DEFS,
                defaultColDef={
                    "sortable": True,
                    "resizable": True,
                    "suppressHeaderMenuButton": True,
                },
                rowModelType="infinite",
                getRowId="params.data.connection_id + ''",
                dashGridOptions={
                    "theme": {"function": GRID_THEME},
                    "rowSelection": {
                        "mode": "singleRow",
                        "checkboxes": False,
                        "enableClickSelection": True,
                    },
                    "cacheBlockSize": 100,
                    "maxBlocksInCache": 50,
                    "infiniteInitialRowCount": 100,
                    "blockLoadDebounceMillis": 50,
                    "rowHeight": 34,
                    "headerHeight": 38,
                    "tooltipShowDelay": 400,
                },
                className="connections-grid",
                style={"height": "100%", "width": "100%"},
            ),
            html.Div(id=ids.GRID_MESSAGE, className="grid-message"),
        ],
        className="grid-wrap",
    )
