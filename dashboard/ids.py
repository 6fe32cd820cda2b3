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
DETAIL = "detail"
DETAIL_HEADER = "detail-header"
DETAIL_BODY = "detail-body"
RELOAD = "detail-reload"
FETCH_REQUEST = "detail-fetch-request"
CHART_ZOOM = "chart-zoom"

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
