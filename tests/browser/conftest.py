"""Browser tests: the real app in a thread, logs from a real HTTP server, Debian's Chromium."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.chrome.options import Options

from dashboard.demo.generator import GenerationResult
from dashboard.factory import create_app
from dashboard.settings import Settings
from tests.logserver import LogServer

CHROMIUM = "/usr/bin/chromium"


def pytest_setup_options() -> Options:
    """dash[testing] hook: Debian's Chromium, headless, with no calls out to the internet."""
    options = Options()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1440,1000",
    ):
        options.add_argument(flag)
    return options


@pytest.fixture
def served_logs(demo_data: GenerationResult) -> Iterator[LogServer]:
    server = LogServer(slow_s=4.0, root=demo_data.index_path.parent / "logs").start()
    yield server
    server.stop()


@pytest.fixture
def records(demo_data: GenerationResult) -> list[dict[str, Any]]:
    return json.loads(demo_data.index_path.read_text())


@pytest.fixture
def app_settings(demo_data: GenerationResult, served_logs: LogServer, tmp_path: Path) -> Settings:
    return Settings(
        index=str(demo_data.index_path),
        log_base_url=f"{served_logs.base}/logs/",
        serve_demo_logs=False,
        cache_dir=tmp_path / "cache",
        read_timeout_s=2.0,
        connect_timeout_s=2.0,
        retries=1,
    )


@pytest.fixture
def start_app(dash_duo: Any, app_settings: Settings) -> Callable[..., Any]:
    """Start a fresh app (optionally with other settings or another index) and return dash_duo."""

    def start(index: list[dict[str, Any]] | None = None, **changes: Any) -> Any:
        settings = replace(app_settings, **changes)
        if index is not None:
            path = settings.cache_dir.parent / "index.json"
            path.write_text(json.dumps(index))
            settings = replace(settings, index=str(path))
        dash_duo.start_server(create_app(settings))
        return dash_duo

    return start
