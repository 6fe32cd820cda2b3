"""The app factory: every app is built fresh from settings (tests build one per test)."""

from __future__ import annotations

from functools import partial

import diskcache
from dash import Dash, DiskcacheManager

from dashboard.callbacks import register_all
from dashboard.layout import build_layout
from dashboard.routes import add_download_route
from dashboard.services import Services
from dashboard.settings import Settings
from dashboard.vendor import STYLESHEETS, add_demo_log_route, add_vendor_routes


def create_app(settings: Settings | None = None) -> Dash:
    """Build an app: load the index, wire the caches, register every callback."""
    settings = settings or Settings.from_env()
    services = Services.build(settings)
    jobs = diskcache.Cache(str(settings.cache_dir / "jobs"))
    app = Dash(
        __name__,
        title="Log Dashboard",
        update_title=None,
        assets_folder=str(settings.assets_dir),
        external_stylesheets=list(STYLESHEETS),
        background_callback_manager=DiskcacheManager(jobs),
        suppress_callback_exceptions=True,
        serve_locally=True,
    )
    app.layout = partial(build_layout, services)
    add_vendor_routes(app.server)
    add_download_route(app.server, services)
    if settings.serve_demo_logs:
        add_demo_log_route(app.server, settings.demo_dir)
    register_all(app, services)
    if settings.fleet_autostart:
        services.start_fleet_analysis()
    return app
