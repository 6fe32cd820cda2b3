"""The URL holds the search and the selected connection, so a link opens the same view."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode

from dash import Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.services import Services


def read_query(search: str | None) -> tuple[str, int | None]:
    """The username search and selected connection id from ``?q=...&c=...``."""
    params = parse_qs((search or "").lstrip("?"))
    text = params.get("q", [""])[0]
    raw = params.get("c", [""])[0]
    return text, int(raw) if raw.isdigit() else None


def write_query(text: str, selected: int | None) -> str:
    params: dict[str, Any] = {}
    if text:
        params["q"] = text
    if selected is not None:
        params["c"] = selected
    return f"?{urlencode(params)}" if params else ""


def changed(new: Any, old: Any) -> Any:
    """``new``, or ``no_update`` when it is what the page already shows (no needless refresh)."""
    return no_update if new == old else new


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ids.URL, "search"),
        Output(ids.SEARCH, "value"),
        Output(ids.SELECTED, "data"),
        Input(ids.URL, "search"),
        Input(ids.SEARCH, "value"),
        Input(ids.SEARCH_CLEAR, "n_clicks"),
        Input(ids.GRID, "selectedRows"),
        State(ids.SELECTED, "data"),
    )
    def sync(
        url_search: str | None,
        text: str | None,
        _clear: int,
        rows: list[dict[str, Any]] | None,
        selected: int | None,
    ) -> tuple[Any, Any, Any]:
        trigger = ctx.triggered_id
        if trigger in (None, ids.URL):
            url_text, url_selected = read_query(url_search)
            return no_update, changed(url_text, text or ""), changed(url_selected, selected)
        new_selected = selected
        if trigger == ids.GRID:
            if not rows:
                return no_update, no_update, no_update
            new_selected = int(rows[0]["connection_id"])
        cleared = trigger == ids.SEARCH_CLEAR
        new_search = write_query("" if cleared else (text or "").strip(), new_selected)
        return (
            changed(new_search, url_search or ""),
            "" if cleared else no_update,
            changed(new_selected, selected),
        )
