"""Fleet analysis of the demo data: wall time and peak memory, against a one-at-a-time baseline.

    python -m benchmarks.fleet [--demo data/demo] [--workers 4]

Logs are fetched over HTTP from a local server, through a fresh parsed-log cache, exactly as the
dashboard's background analysis does. The baseline runs the same work with one worker.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from benchmarks.grid_and_detail import serve_directory
from dashboard.data.fetch import LogFetcher
from dashboard.data.fleet import FleetStore, analyse, log_jobs
from dashboard.data.index import build_index
from dashboard.data.logs import LogStore
from dashboard.insights import compute_insights
from dashboard.settings import Settings


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
    args = parser.parse_args()
    size_mb = sum(p.stat().st_size for p in (args.demo / "logs").iterdir()) / 1e6
    server, base = serve_directory(args.demo / "logs")
    try:
        before = peak_rss_mb()
        print(f"demo data: {size_mb:,.0f} MB of logs; process at start {before:,.0f} MB")
        print(f"{'run':<26}{'logs':>8}{'failed':>8}{'analysis (s)':>14}{'insights (s)':>14}")
        for label, workers in (
            ("1 worker (baseline)", 1),
            (f"{args.workers} workers", args.workers),
        ):
            analysed, insights, done, failed = run(args.demo, base, workers)
            print(f"{label:<26}{done:>8,}{failed:>8,}{analysed:>14.1f}{insights:>14.2f}")
        print(f"peak memory of the whole run: {peak_rss_mb():,.0f} MB (resident)")
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
