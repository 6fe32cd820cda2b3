"""The table: serve blocks of rows from the index, refresh when the search changes."""

from __future__ import annotations

import logging
from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, no_update

from dashboard import ids
from dashboard.data.query import ConnectionTable, QueryError, RowQuery
from dashboard.services import Services

log = logging.getLogger(__name__)


def count_text(matched: int, total: int, search: str, missing: str) -> str:
    """The line above the table: how many connections match."""
    if matched == 0:
        who = f" “{search}”" if search else ""
        return f"No connections match{who}. Clear the search or filters to see all {total:,}."
    if matched == total and not search and missing == "all":
        return f"{total:,} connections"
    return f"{matched:,} of {total:,} connections"


def serve_rows(
    table: ConnectionTable, request: dict[str, Any] | None, search: str | None, missing: str | None
) -> tuple[Any, str, str]:
    """Answer one block request: the rows, the count line, and the empty-table message."""
    if request is None:
        return no_update, no_update, no_update
    try:
        query = RowQuery.from_grid(request, search or "", missing or "all")  # type: ignore[arg-type]
    except QueryError as error:
        log.warning("rejected grid request: %s", error)
        return {"rowData": [], "rowCount": 0}, f"That request could not be answered: {error}", ""
    page = table.query(query)
    empty = "No connections match." if page.matched == 0 else ""
    return (
        {"rowData": page.rows, "rowCount": page.matched},
        count_text(page.matched, page.total, query.search, query.missing),
        empty,
    )


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ids.GRID, "getRowsResponse"),
        Output(ids.MATCH_COUNT, "children"),
        Output(ids.GRID_MESSAGE, "children"),
        Input(ids.GRID, "getRowsRequest"),
        State(ids.SEARCH, "value"),
        State(ids.MISSING_FILTER, "value"),
    )
    def rows(request: dict[str, Any] | None, search: str | None, missing: str | None) -> Any:
        return serve_rows(services.table, request, search, missing)

    app.clientside_callback(
        ClientsideFunction("logdash", "refreshRows"),
        Output(ids.GRID, "id"),
        Input(ids.SEARCH, "value"),
        Input(ids.MISSING_FILTER, "value"),
        State(ids.GRID, "id"),
        prevent_initial_call=True,
    )
