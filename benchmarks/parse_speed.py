"""Parser speed and memory on a large generated log, side by side with the pandas approach.

    python -m benchmarks.parse_speed [--mb 60]

Two pandas baselines run on the same file: the usual first attempt (``pd.read_csv(sep="|")``
then ``str.contains`` counts per metric and level), and the pandas way to the answers the parser
gives (level counts, and each metric's times and values). Times are the best of a few runs, so
a busy machine disturbs them less; peak memory is what tracemalloc sees during one run, the
parser being handed the file's bytes already in memory (as the dashboard is, after a download).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from dashboard.demo.generator import Connection, _LogWriter
from parsing import METRICS, parse_log


def make_log(target_mb: float) -> bytes:
    """A client and a server log of one long session, interleaved into one file."""
    hours = target_mb / 4.1
    plan = Connection(
        connection_id=1,
        username="bench@example.com",
        ip="10.0.0.1",
        version="bench",
        era="mid",
        trouble=1.0,
        received=dt.datetime(2026, 11, 20, 12, 0),
        end=dt.datetime(2026, 11, 20, 11, 59),
        duration_s=hours * 3600,
        client_file="c",
        server_file="s",
        microsecond_client=False,
        poor_network=False,
    )
    client = _LogWriter(plan, "client", (), seed=1).render().splitlines(keepends=True)
    server = _LogWriter(plan, "server", (), seed=1).render().splitlines(keepends=True)
    merged = sorted(client + server, key=lambda line: line[:12])
    return "".join(merged).encode()


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="|", header=None, names=range(5), on_bad_lines="skip", dtype=str)


def pandas_counts(path: Path) -> dict[str, int]:
    """The baseline as usually first written: ``read_csv`` and ``str.contains`` counts."""
    frame = _read(path)
    message, level = frame[4].fillna(""), frame[1].fillna("")
    found = {m.key: int(message.str.contains(m.prefix, regex=False).sum()) for m in METRICS}
    for name in ("ERROR", "WARNING"):
        found[name] = int(level.str.contains(name, regex=False).sum())
    return found


def pandas_same_answers(path: Path) -> dict[str, object]:
    """The pandas way to the parser's answers: level counts, each metric's times and values."""
    frame = _read(path)
    message = frame[4].fillna("").str.strip()
    level = frame[1].fillna("").str.strip()
    found: dict[str, object] = {}
    for metric in METRICS:
        rows = frame[message.str.startswith(metric.prefix)]
        values = pd.to_numeric(rows[4].str.split(": ", n=1).str[1], errors="coerce")
        times = pd.to_datetime(rows[0].str.strip(), format="%H:%M:%S:%f", errors="coerce")
        found[metric.key] = (times, values)
    for name in ("ERROR", "WARNING", "INFO", "DEBUG"):
        found[name] = int((level == name).sum())
    return found


def measure(run: Callable[[], object], repeats: int) -> tuple[float, int]:
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - began)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=60.0, help="size of the log to parse")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    data = make_log(args.mb)
    size_mb = len(data) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.log"
        path.write_bytes(data)
        rows = [
            ("parsing.parse_log(bytes)", *measure(lambda: parse_log(data), args.repeats)),
            ("pandas: counts only", *measure(lambda: pandas_counts(path), args.repeats)),
            ("pandas: same answers", *measure(lambda: pandas_same_answers(path), args.repeats)),
        ]
    lines = data.count(b"\n")
    print(f"log file: {size_mb:,.1f} MB, {lines:,} lines; best of {args.repeats} runs")
    print(f"{'approach':<28}{'time (s)':>10}{'MB/s':>8}{'peak mem':>12}{'x file':>8}{'vs ours':>9}")
    ours = rows[0][1]
    for name, secs, peak in rows:
        print(
            f"{name:<28}{secs:>10.3f}{size_mb / secs:>8.0f}{peak / 1e6:>10.0f}MB"
            f"{peak / len(data):>8.2f}{secs / ours:>8.1f}x"
        )


if __name__ == "__main__":
    main()
