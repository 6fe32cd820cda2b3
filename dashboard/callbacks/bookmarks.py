"""Bookmarks: star connections; the stars live in the browser's localStorage."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, html, no_update

from dashboard import ids
from dashboard.services import Services


def toggle(starred: list[int] | None, connection_id: int) -> list[int]:
    """The starred ids with ``connection_id`` added, or removed if it was there."""
    current = list(starred or [])
    if connection_id in current:
        return [i for i in current if i != connection_id]
    return [*current, connection_id]


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ids.STARRED, "data"),
        Input(ids.STAR_TOGGLE, "n_clicks"),
        State(ids.SELECTED, "data"),
        State(ids.STARRED, "data"),
        prevent_initial_call=True,
    )
    def star(clicks: int | None, connection_id: int | None, starred: list[int] | None) -> Any:
        if not clicks or connection_id is None:
            return no_update
        return toggle(starred, connection_id)

    @app.callback(
        Output(ids.STAR_TOGGLE, "children"),
        Output(ids.STAR_TOGGLE, "className"),
        Output(ids.STAR_TOGGLE, "title"),
        Input(ids.STARRED, "data"),
        Input(ids.SELECTED, "data"),
        Input(ids.DETAIL_HEADER, "children"),
    )
    def show_star(starred: list[int] | None, connection_id: int | None, _header: Any) -> Any:
        on = connection_id is not None and connection_id in (starred or [])
        icon = html.I(className="bi bi-star-fill" if on else "bi bi-star")
        title = "Remove the star" if on else "Star this connection"
        return [icon, " Starred" if on else " Star"], f"star-toggle{' on' if on else ''}", title
