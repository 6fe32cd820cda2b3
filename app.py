"""Log Dashboard: ``python app.py`` for development, ``gunicorn app:server`` in production."""

from __future__ import annotations

import logging

from dashboard.factory import create_app
from dashboard.settings import Settings

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

settings = Settings.from_env()
app = create_app(settings)
server = app.server

if __name__ == "__main__":
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
