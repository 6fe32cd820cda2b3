"""Fleet insights: progress of the analysis, the insights themselves, and their links."""

from __future__ import annotations

from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, html, no_update

from dashboard import ids
from dashboard.callbacks.url import read_query, write_query
from dashboard.components.insights import insights_body, status_line
from dashboard.services import Services


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ids.FLEET_STATUS, "children"),
        Output(ids.FLEET_BODY, "children"),
        Output(ids.FLEET_SHOWN, "data"),
        Output(ids.FLEET_TIMER, "disabled"),
        Output(ids.FLEET_START, "disabled"),
        Input(ids.FLEET_TIMER, "n_intervals"),
        Input(ids.FLEET_START, "n_clicks"),
        State(ids.FLEET_SHOWN, "data"),
    )
    def refresh(_ticks: int | None, start: int, shown: int | None) -> Any:
        """Progress every few seconds; the insights only when new summaries have arrived."""
        if ctx.triggered_id == ids.FLEET_START and start:
            services.start_fleet_analysis()
        status = services.fleet.status()
        version = services.fleet.version()
        body: Any = no_update
        if version != shown:
            connection_ids = services.table.frame["connection_id"].to_numpy()
            body = insights_body(services.insights(), connection_ids)
        finished = status.complete and not status.running
        return status_line(status), body, version, finished, status.running or status.complete

    @app.callback(
        Output(ids.FLEET_FILTER, "data"),
        Input(ids.fleet_kind(ALL), "n_clicks"),
        Input(ids.FLEET_FILTER_CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )
    def choose_kind(clicks: list[int], _clear: int | None) -> Any:
        trigger = ctx.triggered_id
        if trigger == ids.FLEET_FILTER_CLEAR:
            return None
        if not isinstance(trigger, dict) or not any(clicks):
            return no_update
        kinds = services.insights().kinds
        if trigger["index"] >= len(kinds):
            return no_update
        kind = kinds[trigger["index"]]
        return {"level": kind.level, "template": kind.template}

    @app.callback(
        Output(ids.FLEET_FILTER_CHIP, "children"),
        Input(ids.FLEET_FILTER, "data"),
    )
    def chip(kind: dict[str, str] | None) -> Any:
        if not kind:
            return None
        return html.Span(
            [
                html.Span(f"{kind['level'].title()}: ", className="fw-semibold"),
                html.Span(kind["template"], className="mono"),
            ],
            className="text-truncate",
        )

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.open_connection(ALL), "n_clicks"),
        Input(ids.FLEET_SCATTER, "clickData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def open_connection(clicks: list[int], point: dict[str, Any] | None, search: str) -> Any:
        trigger = ctx.triggered_id
        if isinstance(trigger, dict) and any(clicks):
            connection_id = int(trigger["id"])
        elif trigger == ids.FLEET_SCATTER and point:
            connection_id = int(point["points"][0]["customdata"])
        else:
            return no_update
        text, _ = read_query(search)
        return write_query(text, connection_id)
