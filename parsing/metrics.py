"""The four metrics the dashboard plots, declared as data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Side = Literal["client", "server"]


@dataclass(frozen=True, slots=True)
class Metric:
    """A metric is the float after an exact message prefix in one side's log."""

    key: str
    side: Side
    prefix: str
    label: str
    unit: str


METRICS: tuple[Metric, ...] = (
    Metric("latency", "client", "Latency: ", "Round-trip latency", "s"),
    Metric("decode_time", "client", "Avg Decode Time: ", "Average decode time", "s"),
    Metric("encode_time", "server", "Average Encode Time: ", "Average encode time", "s"),
    Metric("encode_size", "server", "Average Encode Size: ", "Average encode size", "bytes"),
)

METRICS_BY_KEY: dict[str, Metric] = {m.key: m for m in METRICS}
