"""Plain HTTP routes beside the Dash page: a connection's raw log file, as a download."""

from __future__ import annotations

from flask import Flask, Response, abort

from dashboard.services import Services


def add_download_route(server: Flask, services: Services) -> None:
    @server.route("/download/<int:connection_id>/<side>")
    def download_log(connection_id: int, side: str) -> Response:
        if side not in ("client", "server"):
            abort(404)
        url = services.log_url(connection_id, side)
        raw = services.logs.raw(url) if url else None
        if raw is None:
            abort(404)
        name = f"connection-{connection_id}-{side}.txt"
        return Response(
            raw,
            mimetype="text/plain",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
