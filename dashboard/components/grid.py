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


def _metric_column(field: str, header: str, unit: str, tooltip: str) -> dict[str, Any]:
    return {
        "field": field,
        "headerName": header,
        "headerTooltip": f"{tooltip} Filled in as the fleet analysis reads the logs.",
        "filter": "agNumberColumnFilter",
        "filterParams": {
            "filterOptions": ["greaterThan", "lessThan", "inRange", "blank", "notBlank"],
            "buttons": ["reset"],
        },
        "valueFormatter": {
            "function": f"params.value == null ? '–' : d3.format(',.2f')(params.value) + '{unit}'"
        },
        "cellClass": "num-cell",
        "width": 116,
    }


METRIC_COLUMN_DEFS = [
    _metric_column("error_pct", "Errors", "%", "ERROR lines, % of both logs' lines."),
    _metric_column("warning_pct", "Warnings", "%", "WARNING lines, % of both logs' lines."),
    _metric_column("latency_ms", "Latency p50", " ms", "Median round-trip latency (client log)."),
    _metric_column("latency_p95_ms", "Latency p95", " ms", "95th percentile latency (client log)."),
    _metric_column("encode_ms", "Encode p50", " ms", "Median encode time (server log)."),
]

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
    *METRIC_COLUMN_DEFS,
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
