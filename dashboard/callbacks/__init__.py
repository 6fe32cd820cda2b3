"""Callbacks, one module per feature, each with ``register(app, services)``."""

from __future__ import annotations

from dash import Dash

from dashboard.callbacks import bookmarks, detail, grid, insights, url
from dashboard.services import Services


def register_all(app: Dash, services: Services) -> None:
    for feature in (grid, url, detail, insights, bookmarks):
        feature.register(app, services)
