"""Server time of grid blocks and searches at 2,000 / 100,000 / 1,000,000 index records, and
the time from selecting a connection to its charts, cold (download and parse) and warm (cache).

    python -m benchmarks.grid_and_detail [--sizes 2000 100000 1000000] [--demo data/demo]

Grid figures call the grid callback's own function (query, slice, rows to JSON-ready dicts).
The baseline beside them is the straightforward pandas way: filter and sort the whole frame on
every block request. Detail figures fetch the demo logs over HTTP from a local server; the
browser figure is measured in headless Chromium from opening the link to the last chart drawn.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pandas as pd
import requests
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dashboard.callbacks.detail import load_reports
from dashboard.callbacks.grid import serve_rows
from dashboard.components.detail import detail_body
from dashboard.data.index import build_index
from dashboard.data.query import ConnectionTable
from dashboard.services import Services
from dashboard.settings import Settings


def timed(run: Callable[[], object], repeats: int = 5) -> float:
    """Median milliseconds of ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        run()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def scaled_records(base: list[dict[str, Any]], size: int) -> list[dict[str, Any]]:
    out = []
    for i in range(size):
        record = dict(base[i % len(base)])
        record["connection_id"] = 1_000_000 + i
        out.append(record)
    return out


def pandas_block(frame: pd.DataFrame, search: str, start: int) -> list[dict[str, Any]]:
    rows = frame
    if search:
        rows = rows[rows["username"].fillna("").str.contains(search, case=False, regex=False)]
    rows = rows.sort_values("last_updated", ascending=False)
    return rows.iloc[start : start + 100].to_dict("records")


def grid_figures(base: list[dict[str, Any]], size: int) -> None:
    began = time.perf_counter()
    frame = build_index(scaled_records(base, size)).frame
    table = ConnectionTable(frame)
    load_s = time.perf_counter() - began
    user = next(r["username"] for r in base if r["username"]).split("@")[0]

    def block(start: int, search: str = "", sort: str | None = None) -> Callable[[], object]:
        request: dict[str, Any] = {"startRow": start, "endRow": start + 100}
        if sort:
            request["sortModel"] = [{"colId": sort, "sort": "asc"}]
        return lambda: serve_rows(table, request, search, "all")

    cold_first = timed(block(0), repeats=1)
    cold_sort = timed(block(0, sort="username"), repeats=1)
    cold_search = timed(block(0, search=user), repeats=1)
    figures = [
        ("first block, cold", cold_first, timed(lambda: pandas_block(frame, "", 0), 3)),
        (
            "next block (warm)",
            timed(block(size // 2)),
            timed(lambda: pandas_block(frame, "", size // 2), 3),
        ),
        ("new sort, cold", cold_sort, None),
        ("next block, sorted", timed(block(300, sort="username")), None),
        ("search, cold", cold_search, timed(lambda: pandas_block(frame, user, 0), 3)),
        ("search, next block", timed(block(100, search=user)), None),
    ]
    print(f"\nindex of {size:,} records (built in {load_s:.1f} s)")
    print(f"  {'request':<24}{'ours (ms)':>12}{'pandas per block (ms)':>24}")
    for name, ours, baseline in figures:
        shown = f"{baseline:>24.1f}" if baseline is not None else f"{'':>24}"
        print(f"  {name:<24}{ours:>12.1f}{shown}")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        return


def serve_directory(root: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def biggest_with_both(records: list[dict[str, Any]], logs: Path) -> dict[str, Any]:
    both = [r for r in records if r["client_logs"] and r["server_logs"]]
    return max(both, key=lambda r: (logs / r["client_logs"]).stat().st_size)


def typical_with_both(records: list[dict[str, Any]], logs: Path) -> dict[str, Any]:
    both = sorted(
        (r for r in records if r["client_logs"] and r["server_logs"]),
        key=lambda r: (logs / r["client_logs"]).stat().st_size,
    )
    return both[len(both) // 2]


def detail_figures(demo: Path, records: list[dict[str, Any]]) -> None:
    logs = demo / "logs"
    server, base = serve_directory(logs)
    print("\nselecting a connection -> its charts, server side (fetch, parse, build)")
    print(f"  {'connection':<34}{'cold (ms)':>12}{'warm (ms)':>12}")
    try:
        for label, record in (
            ("typical (both logs)", typical_with_both(records, logs)),
            ("largest (both logs)", biggest_with_both(records, logs)),
        ):
            size_mb = sum((logs / record[k]).stat().st_size for k in ("client_logs", "server_logs"))
            with tempfile.TemporaryDirectory() as cache:
                settings = Settings(
                    index=str(demo / "index.json"), log_base_url=base, cache_dir=Path(cache)
                )
                services = Services.build(settings)
                cid = int(record["connection_id"])

                def select(services: Services = services, cid: int = cid) -> object:
                    reports = load_reports(services, cid)
                    assert reports is not None
                    return detail_body(cid, *reports)

                cold = timed(select, repeats=1)
                warm = timed(select, repeats=5)
            name = f"{label}, {size_mb / 1e6:.1f} MB"
            print(f"  {name:<34}{cold:>12.0f}{warm:>12.0f}")
    finally:
        server.shutdown()


def browser_figures(demo: Path, records: list[dict[str, Any]]) -> None:
    """Click a row in headless Chromium and time until its four charts are drawn."""
    newest_first = sorted(records, key=received_key)
    first, second = [r for r in newest_first[:30] if r["client_logs"] and r["server_logs"]][:2]
    cache = Path(tempfile.mkdtemp())
    port = "8071"
    env = {
        **os.environ,
        "LOGDASH_INDEX": str(demo / "index.json"),
        "LOGDASH_DEMO_DIR": str(demo),
        "LOGDASH_CACHE_DIR": str(cache),
        "LOGDASH_PORT": port,
        "LOGDASH_FLEET_AUTOSTART": "false",
    }
    app = subprocess.Popen(
        [sys.executable, "app.py"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1440,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                requests.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.5)

        began = time.perf_counter()
        driver.get(f"http://127.0.0.1:{port}/")
        WebDriverWait(driver, 60, poll_frequency=0.05).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, ".ag-row")
        )
        page_ms = (time.perf_counter() - began) * 1000

        def select_and_wait(cid: int) -> float:
            row = f".ag-pinned-left-cols-container .ag-row[row-id='{cid}']"
            WebDriverWait(driver, 60, poll_frequency=0.05).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, row)
            )
            began = time.perf_counter()
            driver.find_element(By.CSS_SELECTOR, row).click()
            WebDriverWait(driver, 60, poll_frequency=0.05).until(
                lambda d: (
                    f"Connection {cid}" in d.find_element(By.ID, "detail").text
                    and len(d.find_elements(By.CSS_SELECTOR, "#detail-body .js-plotly-plot")) == 4
                    and not d.find_elements(By.CSS_SELECTOR, "#detail-body.is-loading")
                )
            )
            return (time.perf_counter() - began) * 1000

        a, b = int(first["connection_id"]), int(second["connection_id"])
        first_ever = select_and_wait(a)
        cold = select_and_wait(b)
        warm = select_and_wait(a)
        print("\nin headless Chromium, from the click on a row to its four charts drawn")
        print(f"  page load to first rows:                      {page_ms:>6,.0f} ms")
        print(f"  first selection (also loads plotly.js), cold: {first_ever:>6,.0f} ms")
        print(f"  another connection, cold (download + parse):  {cold:>6,.0f} ms")
        print(f"  the first one again, warm (from the cache):   {warm:>6,.0f} ms")
    finally:
        driver.quit()
        app.terminate()
        app.wait()
        shutil.rmtree(cache, ignore_errors=True)


def received_key(record: dict[str, Any]) -> tuple[float, int]:
    """The grid's default order: newest first, then by id."""
    moment = time.strptime(record["last_updated"], "%m/%d/%Y, %H:%M")
    return (-time.mktime(moment), int(record["connection_id"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 100_000, 1_000_000])
    parser.add_argument("--demo", type=Path, default=Path("data/demo"))
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    records = json.loads((args.demo / "index.json").read_text())
    for size in args.sizes:
        grid_figures(records, size)
    detail_figures(args.demo, records)
    if not args.no_browser:
        browser_figures(args.demo, records)


if __name__ == "__main__":
    main()
