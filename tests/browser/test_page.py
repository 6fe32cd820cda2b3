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


def test_scrolling_near_the_bottom_loads_the_next_block(start_app: Callable[..., Any]) -> None:
    page = Page(start_app()).open()
    assert not page.by_css(".ag-row[row-index='119']")
    page.scroll_grid_to_bottom()
    page.duo.wait_for_element(".ag-pinned-left-cols-container .ag-row[row-index='119']")
    assert page.console_errors() == []


def test_search_finds_connections_beyond_the_loaded_rows(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    ordered = sorted(records, key=lambda r: (-received_at(r).timestamp(), r["connection_id"]))
    late = next(r for r in ordered[100:] if r["username"])
    needle = late["username"].split("@")[0].upper()
    expected = [r for r in records if needle.lower() in (r["username"] or "").lower()]
    page = Page(start_app()).open()
    page.search(needle)
    page.wait_for_count(f"{len(expected)} of {len(records)} connections")
    page.row(late["connection_id"])
    assert set(page.row_ids()) <= {r["connection_id"] for r in expected}
    page.search("no-such-user-anywhere")
    page.duo.wait_for_contains_text("#match-count", "No connections match")
    assert page.console_errors() == []


def both_logs(records: list[dict[str, Any]]) -> dict[str, Any]:
    return next(r for r in records if r["client_logs"] and r["server_logs"])


def test_selecting_a_row_shows_four_charts_and_the_error_cards(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    record = both_logs(records)
    page = Page(start_app()).open(f"?c={record['connection_id']}")
    page.wait_for_detail("Round-trip latency")
    page.duo.wait_for_element(".chart-row:nth-of-type(1) .main-svg")
    assert len(page.by_css(".chart-graph")) == 4
    text = page.detail_text()
    for words in ("Client log", "Server log", "ERRORS", "WARNINGS", "Average encode size"):
        assert words in text
    assert "%" in text
    assert page.console_errors() == []


def test_a_connection_with_only_a_server_log_says_so(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    record = next(r for r in records if r["server_logs"] and not r["client_logs"])
    page = Page(start_app()).open(f"?c={record['connection_id']}")
    page.wait_for_detail("No client log was recorded for this connection.")
    page.duo.wait_for_element(".chart-graph .main-svg")
    assert len(page.by_css(".chart-graph")) == 2
    assert page.console_errors() == []


def test_a_404_and_a_timeout_each_get_their_own_message(
    start_app: Callable[..., Any], served_logs: Any, records: list[dict[str, Any]]
) -> None:
    record = dict(both_logs(records))
    record["client_logs"] = served_logs.url("no-such-file.txt", "missing")
    record["server_logs"] = served_logs.url(record["server_logs"], "slow")
    page = Page(start_app(index=[record])).open(f"?c={record['connection_id']}")
    page.wait_for_detail("the storage has no such file (404)")
    page.wait_for_detail("did not answer in time")
    assert len(page.by_css("#detail button[id*='retry']")) == 2
    assert page.console_errors() == []


def test_selecting_the_same_connection_again_downloads_nothing(
    start_app: Callable[..., Any], served_logs: Any, records: list[dict[str, Any]]
) -> None:
    first, second = records[0], records[1]
    page = Page(start_app()).open()
    page.select(first["connection_id"])
    page.wait_for_detail(f"Connection {first['connection_id']}")
    page.duo.wait_for_element(".chart-graph .main-svg")
    page.select(second["connection_id"])
    page.wait_for_detail(f"Connection {second['connection_id']}")
    page.duo.wait_for_element(".chart-graph .main-svg")
    page.select(first["connection_id"])
    page.wait_for_detail(f"Connection {first['connection_id']}")
    page.duo.wait_for_element(".chart-graph .main-svg")
    for url in (first["server_logs"], first["client_logs"]):
        if url:
            assert served_logs.requests[f"/logs/{url}"] == 1
    assert page.console_errors() == []


def test_a_username_with_html_is_shown_as_text(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    evil = "<img src=x onerror=alert(1)>"
    record = {**records[0], "username": evil}
    page = Page(start_app(index=[record])).open()
    page.duo.wait_for_text_to_equal(".ag-center-cols-container [col-id='username']", evil)
    assert not page.by_css(".ag-root img")
    page.select(record["connection_id"])
    page.wait_for_detail(evil)
    assert not page.by_css("#detail img")
    assert page.console_errors() == []


def test_a_link_with_a_selection_and_a_search_opens_that_view(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    record = next(r for r in records if r["username"])
    user = record["username"].split("@")[0]
    page = Page(start_app()).open(f"?q={user}&c={record['connection_id']}")
    page.wait_for_detail(f"Connection {record['connection_id']}")
    assert page.duo.find_element("#search").get_attribute("value") == user
    expected = sum(user in (r["username"] or "") for r in records)
    page.wait_for_count(f"{expected} of {len(records)} connections")
    assert page.console_errors() == []


def test_back_and_forward_walk_through_selections(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    first, second = records[0], records[1]
    page = Page(start_app()).open()
    page.select(first["connection_id"])
    page.wait_for_detail(f"Connection {first['connection_id']}")
    page.select(second["connection_id"])
    page.wait_for_detail(f"Connection {second['connection_id']}")
    assert page.duo.driver.current_url.endswith(f"?c={second['connection_id']}")
    page.duo.driver.back()
    page.wait_for_detail(f"Connection {first['connection_id']}")
    page.duo.driver.forward()
    page.wait_for_detail(f"Connection {second['connection_id']}")
    assert page.console_errors() == []
