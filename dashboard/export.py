"""CSV exports, as pure functions: the table's current view, and one connection's series."""

from __future__ import annotations

import io

import pandas as pd

from dashboard.data.logs import LogReport
from dashboard.figures import to_datetimes
from parsing.metrics import METRICS


def table_csv(rows: pd.DataFrame, metrics: dict[str, pd.Series]) -> str:
    """The connections of a view, in its order, with their summary columns."""
    out = rows[["connection_id", "username", "ip", "last_updated", "version"]].copy()
    out["last_updated"] = out["last_updated"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    out["client_log"] = rows["client_logs"]
    out["server_log"] = rows["server_logs"]
    for name, values in metrics.items():
        out[name] = values.to_numpy()
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, float_format="%.4f")
    return buffer.getvalue()


def series_csv(connection_id: int, client: LogReport, server: LogReport) -> str:
    """Every sample of the four metrics, long format: one row per sample, in the log's units."""
    frames = []
    for metric in METRICS:
        report = client if metric.side == "client" else server
        if report.parsed is None:
            continue
        series = report.parsed.series[metric.key]
        frames.append(
            pd.DataFrame(
                {
                    "connection_id": connection_id,
                    "side": metric.side,
                    "metric": metric.key,
                    "time_utc": pd.to_datetime(to_datetimes(report.parsed.day0, series.offsets_us)),
                    "value": series.values,
                    "unit": metric.unit,
                }
            )
        )
    columns = ["connection_id", "side", "metric", "time_utc", "value", "unit"]
    table = pd.concat(frames) if frames else pd.DataFrame(columns=columns)
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, date_format="%Y-%m-%dT%H:%M:%S.%fZ")
    return buffer.getvalue()
