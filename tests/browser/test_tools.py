"""Fleet insights and the everyday tools, in headless Chromium. Each test ends clean."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from dashboard import ids
from dashboard.demo.generator import GenerationResult
from tests.browser.page import TIMEOUT, Page

pytestmark = pytest.mark.browser


def with_both(records: list[dict[str, Any]]) -> dict[str, Any]:
    return next(r for r in records if r["client_logs"] and r["server_logs"])


def wait_until(condition: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the page did not get there in time")
        time.sleep(0.1)


def test_fleet_analysis_fills_insights_columns_and_filters_by_error_kind(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    page = Page(start_app()).open()
    page.duo.wait_for_contains_text(f"#{ids.FLEET_STATUS}", "Not analysed yet")
    page.click(f"#{ids.FLEET_START}")
    logs = {r[k] for r in records for k in ("client_logs", "server_logs") if r[k]}
    page.duo.wait_for_contains_text(
        f"#{ids.FLEET_STATUS}", f"{len(logs)} of {len(logs)} logs analysed", timeout=90
    )
    page.duo.wait_for_element(".fleet-kind[id]", timeout=TIMEOUT)
    fleet_text = page.duo.find_element(f"#{ids.FLEET}").text.lower()
    for title in ("most common errors", "latency across", "errors and latency", "by version"):
        assert title in fleet_text
    assert "Spearman" in page.duo.find_element(f"#{ids.FLEET}").text
    first_kind = page.by_css(".fleet-kind[id]")[0]
    connections = int(first_kind.find_elements("css selector", ".num")[1].text.replace(",", ""))
    page.duo.driver.execute_script("arguments[0].click();", first_kind)
    page.wait_for_count(f"{connections} of {len(records)} connections")
    page.click(f"#{ids.FLEET_FILTER_CLEAR}")
    page.wait_for_count(f"{len(records)} connections")
    page.search("")
    page.duo.driver.execute_script(
        "document.querySelector('#connections-grid .ag-center-cols-viewport').scrollLeft = 5000;"
    )
    wait_until(
        lambda: any(
            cell.text.endswith("%")
            for cell in page.by_css("#connections-grid [col-id='error_pct']")
        )
    )
    assert page.console_errors() == []


def test_a_star_persists_across_reloads_and_filters_the_table(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    target = records[2]
    page = Page(start_app()).open(f"?c={target['connection_id']}")
    page.duo.wait_for_text_to_equal(f"#{ids.STAR_TOGGLE}", "Star")
    page.click(f"#{ids.STAR_TOGGLE}")
    page.duo.wait_for_text_to_equal(f"#{ids.STAR_TOGGLE}", "Starred")
    page = Page(page.duo).open(f"?c={target['connection_id']}")
    page.duo.wait_for_text_to_equal(f"#{ids.STAR_TOGGLE}", "Starred")
    page.click(f"#{ids.STARRED_ONLY} input")
    page.wait_for_count(f"1 of {len(records)} connections")
    assert page.row_ids() == [target["connection_id"]]
    assert page.console_errors() == []


def test_the_log_viewer_filters_searches_jumps_and_downloads(
    start_app: Callable[..., Any], records: list[dict[str, Any]], demo_data: GenerationResult
) -> None:
    logs = demo_data.index_path.parent / "logs"
    record = next(
        r
        for r in records
        if r["client_logs"] and b"| ERROR   |" in (logs / r["client_logs"]).read_bytes()
    )
    page = Page(start_app()).open(f"?c={record['connection_id']}")
    page.duo.wait_for_element(f"#{ids.LINES_GRID} .ag-row", timeout=TIMEOUT)
    page.duo.wait_for_contains_text(f"#{ids.LINES_COUNT}", "lines")
    Select(page.duo.find_element(f"#{ids.LINES_LEVEL}")).select_by_value("ERROR")
    page.duo.wait_for_contains_text(f"#{ids.LINES_COUNT}", " of ")
    level_cells = f"#{ids.LINES_GRID} .ag-row [col-id='level']"
    wait_until(lambda: {cell.text for cell in page.by_css(level_cells)} == {"ERROR"})
    Select(page.duo.find_element(f"#{ids.LINES_LEVEL}")).select_by_value("all")
    box = page.duo.find_element(f"#{ids.LINES_SEARCH}")
    box.send_keys("latency")
    page.duo.wait_for_element(f"#{ids.LINES_GRID} mark", timeout=TIMEOUT)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    wait_until(lambda: not page.by_css(f"#{ids.LINES_GRID} mark"))
    page.click(f"#{ids.LINES_NEXT}")
    page.duo.wait_for_element(f"#{ids.LINES_GRID} .ag-row-selected", timeout=TIMEOUT)
    selected = page.duo.find_element(f"#{ids.LINES_GRID} .ag-row-selected [col-id='level']")
    assert selected.text in ("ERROR", "WARNING")
    href = page.duo.find_element(f"#{ids.LINES_DOWNLOAD}").get_attribute("href")
    body = requests.get(href, timeout=10)
    assert body.status_code == 200
    assert body.headers["Content-Disposition"].startswith("attachment")
    assert b" | INFO    | " in body.content
    assert page.console_errors() == []


def test_compare_overlays_two_connections(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    first, second = [r for r in records if r["server_logs"]][:2]
    page = Page(start_app()).open(f"?c={first['connection_id']}")
    page.duo.wait_for_element(f"#{ids.COMPARE_WITH}").send_keys(str(second["connection_id"]))
    page.click(f"#{ids.COMPARE_OPEN}")
    page.duo.wait_for_contains_text(
        f"#{ids.COMPARE_TITLE}",
        f"Connection {first['connection_id']} and connection {second['connection_id']}",
    )
    page.duo.wait_for_element(f"#{ids.COMPARE_BODY} .js-plotly-plot", timeout=TIMEOUT)
    legend = page.duo.find_element(f"#{ids.COMPARE_BODY}").text
    assert str(first["connection_id"]) in legend and str(second["connection_id"]) in legend
    assert "minutes since" in legend
    assert page.console_errors() == []


def test_export_the_table_view_and_a_connections_series(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    record = next(r for r in records if r["username"] and r["client_logs"])
    user = record["username"].split("@")[0]
    page = Page(start_app()).open(f"?q={user}&c={record['connection_id']}")
    expected = sum(user in (r["username"] or "") for r in records)
    page.wait_for_count(f"{expected} of {len(records)} connections")
    page.click(f"#{ids.EXPORT_TABLE}")
    folder = Path(page.duo.download_path)
    wait_until((folder / "connections.csv").is_file)
    table = (folder / "connections.csv").read_text().strip().splitlines()
    assert len(table) == expected + 1
    page.click(f"#{ids.EXPORT_SERIES}")
    name = f"connection-{record['connection_id']}-series.csv"
    wait_until((folder / name).is_file)
    series = (folder / name).read_text()
    assert series.startswith("connection_id,side,metric,time_utc,value,unit")
    assert ",client,latency," in series
    assert page.console_errors() == []


def test_clicking_a_chart_point_shows_the_lines_of_that_moment(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    record = with_both(records)
    page = Page(start_app()).open(f"?c={record['connection_id']}")
    graph = "#detail .chart-graph[id*='encode_time'] .js-plotly-plot"
    page.duo.wait_for_element(graph, timeout=TIMEOUT)
    page.duo.wait_for_element(f"#{ids.LINES_GRID} .ag-row", timeout=TIMEOUT)
    moment = page.duo.driver.execute_script(
        "var gd = document.querySelector(arguments[0]);"
        "var x = gd.data[0].x[Math.floor(gd.data[0].x.length / 2)];"
        "gd.emit('plotly_click', {points: [{x: x, y: 1, curveNumber: 0, pointNumber: 1,"
        " pointIndex: 1, data: gd.data[0], fullData: gd._fullData[0]}]});"
        "return x;",
        graph,
    )
    page.duo.wait_for_element(f"#{ids.LINES_SIDE} input[value='server']:checked", timeout=TIMEOUT)
    selected = f"#{ids.LINES_GRID} .ag-row-selected [col-id='time']"
    page.duo.wait_for_element(selected, timeout=TIMEOUT)
    shown = page.duo.find_element(selected).text
    assert shown[:5] == moment[11:16]
    assert page.console_errors() == []


def test_zooming_one_chart_zooms_the_others(
    start_app: Callable[..., Any], records: list[dict[str, Any]]
) -> None:
    record = with_both(records)
    page = Page(start_app()).open(f"?c={record['connection_id']}")
    page.duo.wait_for_element("#detail .chart-graph .js-plotly-plot", timeout=TIMEOUT)
    wait_until(lambda: len(page.by_css("#detail .chart-graph .js-plotly-plot")) == 4)

    def ranges() -> list[str]:
        return list(
            page.duo.driver.execute_script(
                "return Array.from(document.querySelectorAll('#detail .chart-graph"
                " .js-plotly-plot')).map(g => String(g.layout.xaxis.range[1]).slice(0, 19));"
            )
        )

    before = ranges()
    mid = page.duo.driver.execute_script(
        "var gd = document.querySelector('#detail .chart-graph .js-plotly-plot');"
        "var r = gd.layout.xaxis.range;"
        "var a = new Date(r[0]).getTime(), b = new Date(r[1]).getTime();"
        "var mid = new Date(a + (b - a) / 2).toISOString().replace('T', ' ').slice(0, 19);"
        "Plotly.relayout(gd, {'xaxis.range[0]': r[0], 'xaxis.range[1]': mid});"
        "return mid;"
    )

    assert mid not in before
    wait_until(lambda: ranges() == [mid] * 4)
    assert page.console_errors() == []
