"""Callbacks, one module per feature, each with ``register(app, services)``."""

from __future__ import annotations

from dash import Dash

from dashboard.callbacks import bookmarks, detail, export, grid, insights, url, viewer
from dashboard.services import Services


def register_all(app: Dash, services: Services) -> None:
    for feature in (grid, url, detail, viewer, insights, bookmarks, export):
        feature.register(app, services)
