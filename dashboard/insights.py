"""Fleet insights: pure functions from the index and the per-log summaries to tables and numbers.

No Dash and no I/O here: the callbacks hand in the index frame and the summaries by URL.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from dashboard.data.fleet import LogSummary


def per_log(summaries: Mapping[str, LogSummary]) -> pd.DataFrame:
    """One row per analysed log URL."""
    rows = [
        {
            "url": url,
            "ok": s.ok,
            "lines": s.lines if s.ok else np.nan,
            "errors": s.errors if s.ok else np.nan,
            "warnings": s.warnings if s.ok else np.nan,
            "latency_median": s.medians.get("latency"),
            "latency_p95": s.p95s.get("latency"),
            "encode_median": s.medians.get("encode_time"),
        }
        for url, s in summaries.items()
    ]
    columns = ["url", "ok", "lines", "errors", "warnings", "latency_median", "latency_p95"]
    frame = pd.DataFrame(rows, columns=[*columns, "encode_median"])
    return frame.set_index("url").astype({c: float for c in frame.columns[2:]})


def connection_metrics(index: pd.DataFrame, summaries: Mapping[str, LogSummary]) -> pd.DataFrame:
    """Per connection (aligned with ``index``): error and warning % of both logs' lines,
    the client's median and p95 latency (seconds) and the server's median encode time."""
    logs = per_log(summaries)
    client = logs.reindex(index["client_logs"].to_numpy())
    server = logs.reindex(index["server_logs"].to_numpy())

    def both(column: str) -> npt.NDArray[np.float64]:
        c, s = client[column].to_numpy(), server[column].to_numpy()
        total = np.nansum(np.stack([c, s]), axis=0)
        return np.where(np.isnan(c) & np.isnan(s), np.nan, total)

    lines = both("lines")
    with np.errstate(invalid="ignore", divide="ignore"):
        error_pct = np.where(lines > 0, 100 * both("errors") / lines, np.nan)
        warning_pct = np.where(lines > 0, 100 * both("warnings") / lines, np.nan)
    return pd.DataFrame(
        {
            "errors": both("errors"),
            "warnings": both("warnings"),
            "lines": lines,
            "error_pct": error_pct,
            "warning_pct": warning_pct,
            "latency_median": client["latency_median"].to_numpy(),
            "latency_p95": client["latency_p95"].to_numpy(),
            "encode_median": server["encode_median"].to_numpy(),
        },
        index=index.index,
    )


def table_columns(metrics: pd.DataFrame) -> dict[str, npt.NDArray[np.float64]]:
    """The connections table's summary columns, in the units it shows (% and ms)."""
    return {
        "error_pct": metrics["error_pct"].to_numpy(),
        "warning_pct": metrics["warning_pct"].to_numpy(),
        "latency_ms": metrics["latency_median"].to_numpy() * 1e3,
        "latency_p95_ms": metrics["latency_p95"].to_numpy() * 1e3,
        "encode_ms": metrics["encode_median"].to_numpy() * 1e3,
    }


@dataclass(frozen=True, slots=True)
class Correlation:
    n: int
    pearson: float | None
    spearman: float | None


def _pearson(x: npt.NDArray[np.float64], y: npt.NDArray[np.float64]) -> float | None:
    if x.size < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return None
    value = float(np.corrcoef(x, y)[0, 1])
    return value if math.isfinite(value) else None


def correlation(x: npt.ArrayLike, y: npt.ArrayLike) -> Correlation:
    """Pearson and Spearman (average ranks for ties) over the pairs where both are known.

    Undefined (None) for fewer than 3 pairs or when either side is constant.
    """
    a, b = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    keep = np.isfinite(a) & np.isfinite(b)
    a, b = a[keep], b[keep]
    ranks_a = pd.Series(a).rank(method="average").to_numpy()
    ranks_b = pd.Series(b).rank(method="average").to_numpy()
    return Correlation(int(a.size), _pearson(a, b), _pearson(ranks_a, ranks_b))


def by_group(index: pd.DataFrame, metrics: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per value of ``column`` (version, username): connections, pooled error rate (% of lines),
    median of the connections' median latency and of their median encode time."""
    joined = metrics.assign(group=index[column].fillna("(none)").to_numpy())
    grouped = joined.groupby("group", sort=False)
    table = pd.DataFrame(
        {
            "connections": grouped.size(),
            "analysed": grouped["lines"].count(),
            "error_rate": 100 * grouped["errors"].sum() / grouped["lines"].sum(),
            "latency_median": grouped["latency_median"].median(),
            "encode_median": grouped["encode_median"].median(),
        }
    )
    table.loc[table["analysed"] == 0, "error_rate"] = np.nan
    return table.sort_values(["error_rate", "connections"], ascending=False, na_position="last")


@dataclass(frozen=True, slots=True)
class FleetKind:
    level: str
    template: str
    count: int
    logs: int
    connections: int
    first: str
    last: str
    example: str
    urls: frozenset[str]


def top_error_kinds(
    index: pd.DataFrame, summaries: Mapping[str, LogSummary], limit: int = 12
) -> list[FleetKind]:
    """The most frequent error and warning kinds across every analysed log."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    urls: dict[tuple[str, str], set[str]] = defaultdict(set)
    first: dict[tuple[str, str], str] = {}
    last: dict[tuple[str, str], str] = {}
    example: dict[tuple[str, str], str] = {}
    for url, summary in summaries.items():
        for kind in summary.kinds:
            key = (kind.level, kind.template)
            counts[key] += kind.count
            urls[key].add(url)
            first[key] = min(first.get(key, kind.first), kind.first)
            last[key] = max(last.get(key, kind.last), kind.last)
            example.setdefault(key, kind.example)
    ranked = sorted(counts, key=lambda key: (-counts[key], key))[:limit]
    client = index["client_logs"].to_numpy()
    server = index["server_logs"].to_numpy()
    out = []
    for key in ranked:
        members = np.fromiter(urls[key], dtype=object)
        affected = int((np.isin(client, members) | np.isin(server, members)).sum())
        out.append(
            FleetKind(
                key[0],
                key[1],
                counts[key],
                len(urls[key]),
                affected,
                first[key],
                last[key],
                example[key],
                frozenset(urls[key]),
            )
        )
    return out


def connections_with_urls(index: pd.DataFrame, urls: frozenset[str]) -> frozenset[int]:
    """Ids of the connections whose client or server log is one of ``urls``."""
    members = np.fromiter(urls, dtype=object)
    hit = index["client_logs"].isin(members) | index["server_logs"].isin(members)
    return frozenset(int(i) for i in index.loc[hit, "connection_id"])


def worst_latency(index: pd.DataFrame, metrics: pd.DataFrame, limit: int = 8) -> pd.DataFrame:
    """The connections with the highest median latency."""
    joined = index[["connection_id", "username"]].join(metrics[["latency_median", "latency_p95"]])
    return joined.dropna(subset=["latency_median"]).nlargest(limit, "latency_median")


@dataclass(frozen=True, slots=True)
class FleetInsights:
    """Everything the insights section shows, computed in one place."""

    metrics: pd.DataFrame
    kinds: list[FleetKind]
    trouble: Correlation
    versions: pd.DataFrame
    users: pd.DataFrame
    worst: pd.DataFrame

    @property
    def analysed(self) -> int:
        return int(self.metrics["lines"].notna().sum())


def compute_insights(index: pd.DataFrame, summaries: Mapping[str, LogSummary]) -> FleetInsights:
    metrics = connection_metrics(index, summaries)
    return FleetInsights(
        metrics=metrics,
        kinds=top_error_kinds(index, summaries),
        trouble=correlation(metrics["error_pct"], metrics["latency_median"]),
        versions=by_group(index, metrics, "version"),
        users=by_group(index, metrics, "username"),
        worst=worst_latency(index, metrics),
    )
