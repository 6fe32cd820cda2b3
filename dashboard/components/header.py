"""The top bar: product name and what index is open."""

from __future__ import annotations

from pathlib import Path

from dash import html

from dashboard import ids


def display_source(source: str) -> str:
    """The index's address, short: a path relative to the working directory when it can be."""
    path = Path(source)
    if "://" in source or not path.is_absolute():
        return source
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return source


def index_summary(source: str, records: int, skipped: int) -> list[html.Span]:
    parts = [html.Span(f"{records:,} connections", className="fw-semibold")]
    parts.append(html.Span(f" · index {display_source(source)}", className="text-body-secondary"))
    if skipped:
        parts.append(
            html.Span(
                f" · {skipped:,} broken index records skipped",
                className="text-warning-emphasis ms-1",
                title="See the server log for each skipped record and why.",
            )
        )
    return parts


def navbar(source: str, records: int, skipped: int) -> html.Header:
    return html.Header(
        [
            html.Div(
                [
                    html.I(className="bi bi-activity brand-icon"),
                    html.Span("Log Dashboard", className="brand-name"),
                    html.Span("streaming sessions, client and server", className="brand-note"),
                ],
                className="brand",
            ),
            html.Div(
                index_summary(source, records, skipped),
                id=ids.INDEX_STATUS,
                className="index-status text-truncate",
            ),
        ],
        className="topbar",
    )


def index_alert(error: str) -> html.Div | None:
    """Said above the table when the index itself could not be read."""
    if not error:
        return None
    return html.Div(
        [
            html.I(className="bi bi-exclamation-triangle me-2"),
            html.Span(f"The index could not be read, so there are no connections to show. {error}"),
        ],
        className="alert alert-danger small py-2 mb-0",
        role="alert",
    )
