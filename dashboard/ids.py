"""Every component id of the page, in one place. Nothing else spells an id."""

from __future__ import annotations

from typing import Any, Literal

Side = Literal["client", "server"]

URL = "url"
INDEX_STATUS = "index-status"

SEARCH = "search"
SEARCH_CLEAR = "search-clear"
MISSING_FILTER = "missing-filter"
MATCH_COUNT = "match-count"
GRID = "connections-grid"
GRID_MESSAGE = "grid-message"

SELECTED = "selected-connection"
STARRED = "starred"
STARRED_ONLY = "starred-only"
STAR_TOGGLE = "star-toggle"
DETAIL = "detail"
DETAIL_HEADER = "detail-header"
DETAIL_BODY = "detail-body"
RELOAD = "detail-reload"
FETCH_REQUEST = "detail-fetch-request"
CHART_ZOOM = "chart-zoom"

FLEET = "fleet"
FLEET_STATUS = "fleet-status"
FLEET_START = "fleet-start"
FLEET_TIMER = "fleet-timer"
FLEET_BODY = "fleet-body"
FLEET_SHOWN = "fleet-shown"
FLEET_FILTER = "fleet-filter"
FLEET_FILTER_CHIP = "fleet-filter-chip"
FLEET_FILTER_CLEAR = "fleet-filter-clear"
FLEET_SCATTER = "fleet-scatter"

LINES_SIDE = "lines-side"
LINES_LEVEL = "lines-level"
LINES_SEARCH = "lines-search"
LINES_PREV = "lines-prev"
LINES_NEXT = "lines-next"
LINES_COPY = "lines-copy"
LINES_COPIED = "lines-copied"
LINES_DOWNLOAD = "lines-download"
LINES_GRID = "lines-grid"
LINES_COUNT = "lines-count"
LINES_JUMP = "lines-jump"
LINES_SCROLL = "lines-scroll"

COMPARE_WITH = "compare-with"
COMPARE_OPEN = "compare-open"
COMPARE_MODAL = "compare-modal"
COMPARE_TITLE = "compare-title"
COMPARE_BODY = "compare-body"

EXPORT_TABLE = "export-table"
EXPORT_SERIES = "export-series"
DOWNLOAD = "download"

ERROR_LINES_MODAL = "error-lines-modal"
ERROR_LINES_TITLE = "error-lines-title"
ERROR_LINES_BODY = "error-lines-body"


def retry(side: Side | Any) -> dict[str, Any]:
    """The retry button of one side's failed log (``side=ALL`` to match both)."""
    return {"type": "retry", "side": side}


def metric_graph(metric: str | Any) -> dict[str, Any]:
    return {"type": "metric-graph", "metric": metric}


def error_kind(side: Side | Any, index: int | Any) -> dict[str, Any]:
    """A clickable error or warning kind in the detail panel."""
    return {"type": "error-kind", "side": side, "index": index}


def fleet_kind(index: int | Any) -> dict[str, Any]:
    """A row of the fleet's most common error kinds (clicking filters the table)."""
    return {"type": "fleet-kind", "index": index}


def open_connection(connection_id: int | Any) -> dict[str, Any]:
    """A link in the insights that selects a connection."""
    return {"type": "open-connection", "id": connection_id}
