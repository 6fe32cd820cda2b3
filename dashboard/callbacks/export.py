"""Exports: the table's current view and the selected connection's series, as CSV."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, dcc, no_update

from dashboard import ids
from dashboard.callbacks.detail import cached_reports
from dashboard.callbacks.grid import VIEW_STATE, restriction
from dashboard.data.query import QueryError, RowQuery
from dashboard.export import series_csv, table_csv
from dashboard.services import Services


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Input(ids.EXPORT_TABLE, "n_clicks"),
        State(ids.GRID, "getRowsRequest"),
        *VIEW_STATE,
        prevent_initial_call=True,
    )
    def export_table(
        clicks: int,
        request: dict[str, Any] | None,
        search: str | None,
        missing: str | None,
        starred_only: list[str] | None,
        starred: list[int] | None,
        kind: dict[str, str] | None,
    ) -> Any:
        if not clicks:
            return no_update
        only = restriction(services, starred_only, starred, kind)
        try:
            query = RowQuery.from_grid(
                {**(request or {}), "startRow": 0, "endRow": services.table.size},
                search or "",
                missing or "all",  # type: ignore[arg-type]
                only,
            )
        except QueryError:
            return no_update
        rows, metrics = services.table.export(query)
        return dcc.send_string(table_csv(rows, metrics), "connections.csv")

    @app.callback(
        Output(ids.DOWNLOAD, "data", allow_duplicate=True),
        Input(ids.EXPORT_SERIES, "n_clicks"),
        State(ids.SELECTED, "data"),
        prevent_initial_call=True,
    )
    def export_series(clicks: int, connection_id: int | None) -> Any:
        if not clicks or connection_id is None:
            return no_update
        reports = cached_reports(services, connection_id)
        if reports is None:
            return no_update
        name = f"connection-{connection_id}-series.csv"
        return dcc.send_string(series_csv(connection_id, *reports), name)
