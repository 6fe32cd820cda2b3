"""The page in headless Chromium, its logs served over real HTTP. Each test ends clean."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.page import Page

pytestmark = pytest.mark.browser


def received_at(record: dict[str, Any]) -> dt.datetime:
    return dt.datetime.strptime(record["last_updated"], "%m/%d/%Y, %H:%M")


def test_page_loads_and_the_grid_shows_demo_rows(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    page = Page(start_app()).open()
    page.wait_for_count(f"{len(records)} connections")
    received = {r["connection_id"]: received_at(r) for r in records}
    latest = max(received.values())
    assert page.row_ids()[0] == min(i for i, t in received.items() if t == latest)
    assert page.console_errors() == []
