"""The raw log viewer: serve line blocks, jump to errors or to a chart's moment, copy lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.components.viewer import download_href
from dashboard.services import Services
from parsing.metrics import METRICS_BY_KEY


def offset_of(moment: str, day0: dt.date) -> int:
    """Microseconds from midnight of ``day0`` to a chart's x value (``2026-11-20 15:40:12.3``)."""
    when = dt.datetime.fromisoformat(moment.replace(" ", "T"))
    return int((when - dt.datetime.combine(day0, dt.time())).total_seconds() * 1_000_000)


def register(app: Dash, services: Services) -> None:
    def current(connection_id: int | None, side: str | None, level: str, search: str) -> Any:
        url = services.log_url(connection_id, side or "")
        lines = services.lines(url) if url else None
        if lines is None:
            return None, None
        return lines, lines.view(level or "all", (search or "").strip())  # type: ignore[arg-type]

    @app.callback(
        Output(ids.LINES_GRID, "getRowsResponse"),
        Output(ids.LINES_COUNT, "children"),
        Input(ids.LINES_GRID, "getRowsRequest"),
        State(ids.SELECTED, "data"),
        State(ids.LINES_SIDE, "value"),
        State(ids.LINES_LEVEL, "value"),
        State(ids.LINES_SEARCH, "value"),
    )
    def rows(request: dict[str, Any] | None, cid: Any, side: Any, level: Any, search: Any) -> Any:
        if request is None:
            return no_update, no_update
        lines, view = current(cid, side, level, search)
        if lines is None:
            return {"rowData": [], "rowCount": 0}, "This log could not be read."
        start, end = int(request.get("startRow", 0)), int(request.get("endRow", 200))
        total = int(lines.table.nonempty.sum())
        shown = f"{view.size:,} of {total:,} lines" if view.size != total else f"{total:,} lines"
        return {"rowData": lines.rows(view, start, end), "rowCount": int(view.size)}, shown

    app.clientside_callback(
        ClientsideFunction("logdash", "refreshLines"),
        Output(ids.LINES_GRID, "dashGridOptions"),
        Input(ids.LINES_SIDE, "value"),
        Input(ids.LINES_LEVEL, "value"),
        Input(ids.LINES_SEARCH, "value"),
        State(ids.LINES_GRID, "dashGridOptions"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.LINES_DOWNLOAD, "href"),
        Input(ids.LINES_SIDE, "value"),
        State(ids.SELECTED, "data"),
        prevent_initial_call=True,
    )
    def download_link(side: str | None, connection_id: int | None) -> Any:
        if not side or connection_id is None:
            return no_update
        return download_href(connection_id, side)

    @app.callback(
        Output(ids.LINES_SCROLL, "data"),
        Input(ids.LINES_JUMP, "data"),
        State(ids.SELECTED, "data"),
        State(ids.LINES_SIDE, "value"),
        State(ids.LINES_LEVEL, "value"),
        State(ids.LINES_SEARCH, "value"),
        prevent_initial_call=True,
    )
    def jump_to_trouble(jump: dict[str, Any], cid: Any, side: Any, level: Any, search: Any) -> Any:
        lines, view = current(cid, side, level, search)
        if lines is None:
            return no_update
        target = lines.next_trouble(view, int(jump["from"]), int(jump["step"]))
        return {"index": target, "at": jump["at"]} if target is not None else no_update

    app.clientside_callback(
        ClientsideFunction("logdash", "jumpFrom"),
        Output(ids.LINES_JUMP, "data"),
        Input(ids.LINES_PREV, "n_clicks"),
        Input(ids.LINES_NEXT, "n_clicks"),
        State(ids.LINES_GRID, "id"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.LINES_SIDE, "value"),
        Output(ids.LINES_SCROLL, "data", allow_duplicate=True),
        Input(ids.metric_graph(ALL), "clickData"),
        State(ids.SELECTED, "data"),
        State(ids.LINES_LEVEL, "value"),
        State(ids.LINES_SEARCH, "value"),
        prevent_initial_call=True,
    )
    def lines_at_moment(clicks: list[Any], cid: Any, level: Any, search: Any) -> Any:
        """Clicking a chart point shows the lines around that moment in its side's log."""
        trigger = ctx.triggered_id
        point = next((c for c in clicks if c), None) if isinstance(trigger, dict) else None
        if point is None or cid is None:
            return no_update, no_update
        side = METRICS_BY_KEY[trigger["metric"]].side
        url = services.log_url(cid, side)
        report = services.logs.cached(url)
        record = services.table.record(int(cid))
        lines, view = current(cid, side, level, search)
        if lines is None or report is None or record is None:
            return no_update, no_update
        dated = services.dated(report, record)
        if dated.parsed is None or dated.parsed.day0 is None:
            return no_update, no_update
        moment = ctx.triggered[0]["value"]["points"][0]["x"]
        position = lines.nearest(view, offset_of(moment, dated.parsed.day0))
        return side, {"index": position, "at": moment}

    app.clientside_callback(
        ClientsideFunction("logdash", "scrollLines"),
        Output(ids.LINES_COPIED, "title"),
        Input(ids.LINES_SCROLL, "data"),
        State(ids.LINES_GRID, "id"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        ClientsideFunction("logdash", "copyLines"),
        Output(ids.LINES_COPIED, "children"),
        Input(ids.LINES_COPY, "n_clicks"),
        State(ids.LINES_GRID, "id"),
        prevent_initial_call=True,
    )
