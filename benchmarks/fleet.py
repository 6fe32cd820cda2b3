"""Fleet analysis of the demo data: wall time and peak memory, against a one-at-a-time baseline.

    python -m benchmarks.fleet [--demo data/demo] [--workers 4]

Logs are fetched over HTTP from a local server, through a fresh parsed-log cache, exactly as the
dashboard's background analysis does; the server can hold each answer back, as a distant bucket
does. The baseline runs the same work with one worker.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

from benchmarks.grid_and_detail import QuietHandler
from dashboard.data.fetch import LogFetcher
from dashboard.data.fleet import FleetStore, analyse, log_jobs
from dashboard.data.index import build_index
from dashboard.data.logs import LogStore
from dashboard.insights import compute_insights
from dashboard.settings import Settings


def serve_slowly(root: Path, latency_s: float) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``root`` on 127.0.0.1, each answer held back as a distant bucket would."""

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            time.sleep(latency_s)
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(demo: Path, base: str, workers: int) -> tuple[float, float, int, int]:
    records = json.loads((demo / "index.json").read_text())
    index = build_index(records, base).frame
    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(cache_dir=Path(cache))
        logs = LogStore(Path(cache), 4 * 1024**3, LogFetcher(settings))
        store = FleetStore(Path(cache))
        began = time.perf_counter()
        status = analyse(log_jobs(index), logs, store, workers=workers)
        analysed = time.perf_counter() - began
        began = time.perf_counter()
        compute_insights(index, store.summaries())
        insights = time.perf_counter() - began
    return analysed, insights, status.done, status.failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo", type=Path, default=Path("data/demo"))
    parser.add_argument("--workers", type=int, default=Settings().fleet_workers)
    parser.add_argument(
        "--latency-ms", type=float, nargs="+", default=[0, 50], help="added to every answer"
    )
    args = parser.parse_args()
    size_mb = sum(p.stat().st_size for p in (args.demo / "logs").iterdir()) / 1e6
    print(f"demo data: {size_mb:,.0f} MB of logs; process at start {peak_rss_mb():,.0f} MB")
    print(f"{'server latency':<16}{'workers':>8}{'logs':>8}{'failed':>8}{'analysis (s)':>14}")
    insights = 0.0
    for latency in args.latency_ms:
        server, base = serve_slowly(args.demo / "logs", latency / 1000)
        try:
            for workers in (1, args.workers):
                analysed, insights, done, failed = run(args.demo, base, workers)
                label = f"{latency:g} ms"
                print(f"{label:<16}{workers:>8}{done:>8,}{failed:>8,}{analysed:>14.1f}")
        finally:
            server.shutdown()
    print(f"insights over every summary: {insights:.2f} s")
    print(f"peak memory of the whole run: {peak_rss_mb():,.0f} MB (resident)")


if __name__ == "__main__":
    main()
