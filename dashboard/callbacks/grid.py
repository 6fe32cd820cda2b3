"""The table: serve blocks of rows from the index, refresh when the search changes."""

from __future__ import annotations

import logging
from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, no_update

from dashboard import ids
from dashboard.data.query import ConnectionTable, QueryError, RowQuery
from dashboard.services import Services

log = logging.getLogger(__name__)


def count_text(matched: int, total: int, search: str, missing: str, narrowed: bool = False) -> str:
    """The line above the table: how many connections match."""
    if matched == 0:
        who = f" “{search}”" if search else ""
        return f"No connections match{who}. Clear the search or filters to see all {total:,}."
    if matched == total and not search and missing == "all" and not narrowed:
        return f"{total:,} connections"
    return f"{matched:,} of {total:,} connections"


# What, besides the grid's own sort and filters, decides which rows the table shows.
VIEW_STATE = (
    State(ids.SEARCH, "value"),
    State(ids.MISSING_FILTER, "value"),
    State(ids.STARRED_ONLY, "value"),
    State(ids.STARRED, "data"),
    State(ids.FLEET_FILTER, "data"),
)


def only_ids(*sets: frozenset[int] | None) -> frozenset[int] | None:
    """The connections allowed by every restriction in force (None: no restriction)."""
    active = [s for s in sets if s is not None]
    return frozenset.intersection(*active) if active else None


def restriction(
    services: Services,
    starred_only: list[str] | None,
    starred: list[int] | None,
    kind: dict[str, str] | None,
) -> frozenset[int] | None:
    """The ids the starred-only switch and a chosen error kind allow (None: all)."""
    return only_ids(
        frozenset(starred or []) if starred_only else None,
        services.kind_connections(kind["level"], kind["template"]) if kind else None,
    )


def serve_rows(
    table: ConnectionTable,
    request: dict[str, Any] | None,
    search: str | None,
    missing: str | None,
    only_ids: frozenset[int] | None = None,
) -> tuple[Any, str, str]:
    """Answer one block request: the rows, the count line, and the empty-table message."""
    if request is None:
        return no_update, no_update, no_update
    try:
        query = RowQuery.from_grid(
            request,
            search or "",
            missing or "all",  # type: ignore[arg-type]
            only_ids,
        )
    except QueryError as error:
        log.warning("rejected grid request: %s", error)
        return {"rowData": [], "rowCount": 0}, f"That request could not be answered: {error}", ""
    page = table.query(query)
    empty = "No connections match." if page.matched == 0 else ""
    return (
        {"rowData": page.rows, "rowCount": page.matched},
        count_text(
            page.matched, page.total, query.search, query.missing, query.only_ids is not None
        ),
        empty,
    )


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ids.GRID, "getRowsResponse"),
        Output(ids.MATCH_COUNT, "children"),
        Output(ids.GRID_MESSAGE, "children"),
        Input(ids.GRID, "getRowsRequest"),
        *VIEW_STATE,
    )
    def rows(
        request: dict[str, Any] | None,
        search: str | None,
        missing: str | None,
        starred_only: list[str] | None,
        starred: list[int] | None,
        kind: dict[str, str] | None,
    ) -> Any:
        services.refresh_table_metrics()
        only = restriction(services, starred_only, starred, kind)
        return serve_rows(services.table, request, search, missing, only)

    app.clientside_callback(
        ClientsideFunction("logdash", "refreshRows"),
        Output(ids.GRID, "id"),
        Input(ids.SEARCH, "value"),
        Input(ids.MISSING_FILTER, "value"),
        Input(ids.STARRED_ONLY, "value"),
        Input(ids.FLEET_FILTER, "data"),
        State(ids.GRID, "id"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        ClientsideFunction("logdash", "selectRow"),
        Output(ids.GRID, "id", allow_duplicate=True),
        Input(ids.SELECTED, "data"),
        State(ids.GRID, "id"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        ClientsideFunction("logdash", "refreshStarred"),
        Output(ids.GRID, "id", allow_duplicate=True),
        Input(ids.STARRED, "data"),
        State(ids.STARRED_ONLY, "value"),
        State(ids.GRID, "id"),
        prevent_initial_call=True,
    )
