"""The selected connection: its record at once, then its logs from a background job."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, html, no_update

from dashboard import ids
from dashboard.components import detail
from dashboard.data.logs import LogReport
from dashboard.services import Services


def cached_reports(services: Services, connection_id: int) -> tuple[LogReport, LogReport] | None:
    """Both logs' reports if no download is needed (each cached, or not recorded), else None."""
    record = services.table.record(connection_id)
    if record is None:
        return None
    urls = [record["client_logs"], record["server_logs"]]
    if any(url and services.logs.cached(url) is None for url in urls):
        return None
    return load_reports(services, connection_id)


def load_reports(services: Services, connection_id: int) -> tuple[LogReport, LogReport] | None:
    """Fetch (or take from the cache) and parse both logs of one connection."""
    record = services.table.record(connection_id)
    if record is None:
        return None
    received: dt.datetime = record["last_updated"].to_pydatetime()
    reports = []
    for side in ("client", "server"):
        reports.append(services.logs.load(record[f"{side}_logs"], received))
    return reports[0], reports[1]


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ids.DETAIL_HEADER, "children"),
        Input(ids.SELECTED, "data"),
    )
    def header(connection_id: int | None) -> Any:
        if connection_id is None:
            return None
        record = services.table.record(connection_id)
        if record is None:
            return detail.unknown_connection(connection_id)
        return detail.record_header(record)

    @app.callback(
        Output(ids.RELOAD, "data"),
        Input(ids.retry(ALL), "n_clicks"),
        State(ids.RELOAD, "data"),
        prevent_initial_call=True,
    )
    def retry(clicks: list[int | None], count: int) -> Any:
        return count + 1 if any(clicks) else no_update

    @app.callback(
        Output(ids.DETAIL_BODY, "children"),
        Output(ids.FETCH_REQUEST, "data"),
        Input(ids.SELECTED, "data"),
        Input(ids.RELOAD, "data"),
    )
    def body(connection_id: int | None, reload: int) -> Any:
        """Draw at once what the cache holds; anything to download goes to the background job."""
        if connection_id is None:
            return detail.empty_state(), no_update
        if services.table.record(connection_id) is None:
            return None, no_update
        reports = cached_reports(services, connection_id)
        if reports is not None:
            return detail.detail_body(connection_id, *reports), no_update
        return detail.loading(), {"connection_id": connection_id, "reload": reload}

    @app.callback(
        Output(ids.DETAIL_BODY, "children", allow_duplicate=True),
        Input(ids.FETCH_REQUEST, "data"),
        background=True,
        interval=250,
        cancel=[Input(ids.SELECTED, "data")],
        prevent_initial_call=True,
    )
    def fetch(request: dict[str, Any]) -> Any:
        connection_id = int(request["connection_id"])
        reports = load_reports(services, connection_id)
        return no_update if reports is None else detail.detail_body(connection_id, *reports)

    @app.callback(
        Output(ids.COMPARE_MODAL, "is_open"),
        Output(ids.COMPARE_TITLE, "children"),
        Output(ids.COMPARE_BODY, "children"),
        Input(ids.COMPARE_OPEN, "n_clicks"),
        State(ids.COMPARE_WITH, "value"),
        State(ids.SELECTED, "data"),
        prevent_initial_call=True,
    )
    def compare(clicks: int, other: Any, connection_id: int | None) -> Any:
        if not clicks or connection_id is None or other in (None, ""):
            return no_update, no_update, no_update
        title = f"Connection {connection_id} and connection {other}"
        first = load_reports(services, connection_id)
        second = load_reports(services, int(other))
        if first is None or second is None:
            message = f"There is no connection {other} in the index."
            return True, title, html.Div(message, className="text-body-secondary")
        return True, title, detail.compare_body((str(connection_id), str(other)), (first, second))

    app.clientside_callback(
        ClientsideFunction("logdash", "syncZoom"),
        Output(ids.CHART_ZOOM, "data"),
        Input(ids.metric_graph(ALL), "relayoutData"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.ERROR_LINES_MODAL, "is_open"),
        Output(ids.ERROR_LINES_TITLE, "children"),
        Output(ids.ERROR_LINES_BODY, "children"),
        Input(ids.error_kind(ALL, ALL), "n_clicks"),
        State(ids.SELECTED, "data"),
        prevent_initial_call=True,
    )
    def show_kind(clicks: list[int], connection_id: int | None) -> Any:
        trigger = ctx.triggered_id
        if not trigger or not any(clicks) or connection_id is None:
            return no_update, no_update, no_update
        record = services.table.record(connection_id)
        if record is None:
            return no_update, no_update, no_update
        report = services.logs.cached(record[f"{trigger['side']}_logs"])
        if report is None or report.parsed is None:
            return no_update, no_update, no_update
        kind = report.parsed.error_kinds[trigger["index"]]
        title = f"{trigger['side'].capitalize()} log · {kind.level.title()}: {kind.template}"
        return True, title, detail.kind_lines(kind)
