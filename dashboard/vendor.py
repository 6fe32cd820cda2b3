"""Serve third-party static files (Bootstrap, its icons) and the demo logs from the app itself.

Nothing is loaded from a CDN at run time, so the page works on a host without internet.
Bootstrap 5.3 and Bootstrap Icons come from the Bootstrap-Flask package, which ships them as
package data; only those two folders are served.
"""

from __future__ import annotations

from pathlib import Path

import flask_bootstrap
from flask import Flask, abort, send_from_directory
from werkzeug.wrappers import Response

from dashboard.settings import DEMO_LOGS_ROUTE

VENDOR_ROUTE = "/vendor/"
_BOOTSTRAP_CSS = Path(flask_bootstrap.__file__).parent / "static" / "bootstrap5" / "css"
STYLESHEETS = (
    f"{VENDOR_ROUTE}bootstrap.min.css",
    f"{VENDOR_ROUTE}font/bootstrap-icons.min.css",
)
_SERVED = {"bootstrap.min.css", "font/bootstrap-icons.min.css"}


def add_vendor_routes(server: Flask) -> None:
    @server.route(f"{VENDOR_ROUTE}<path:name>")
    def vendor(name: str) -> Response:
        if name not in _SERVED and not name.startswith("font/fonts/bootstrap-icons."):
            abort(404)
        return send_from_directory(_BOOTSTRAP_CSS, name, max_age=86_400)


def add_demo_log_route(server: Flask, demo_dir: Path) -> None:
    """Serve ``demo_dir/logs`` over HTTP, so demo logs travel the same path as real ones."""
    logs = (demo_dir / "logs").resolve()

    @server.route(f"{DEMO_LOGS_ROUTE}<path:name>")
    def demo_log(name: str) -> Response:
        return send_from_directory(logs, name, mimetype="text/plain", max_age=0)
