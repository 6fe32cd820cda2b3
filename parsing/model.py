"""The typed records the parser returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

LEVELS: tuple[str, ...] = ("DEBUG", "INFO", "WARNING", "ERROR")

US_PER_SECOND = 1_000_000


def format_offset(day0: dt.date | None, offset_us: int) -> str:
    """Render a time as ISO-8601 when the date is known, else as ``HH:MM:SS.ffffff`` (+days)."""
    if day0 is not None:
        moment = dt.datetime.combine(day0, dt.time()) + dt.timedelta(microseconds=offset_us)
        return moment.isoformat(timespec="milliseconds")
    days, rest = divmod(offset_us, 86_400 * US_PER_SECOND)
    clock = (dt.datetime.min + dt.timedelta(microseconds=rest)).time().isoformat("milliseconds")
    return clock if days == 0 else f"{clock} (+{days}d)"


@dataclass(frozen=True, slots=True)
class MetricSummary:
    """Exact summary statistics of one metric series, in the log's units."""

    count: int
    min: float | None
    median: float | None
    p95: float | None
    max: float | None

    @classmethod
    def of(cls, values: npt.NDArray[np.float64]) -> MetricSummary:
        if values.size == 0:
            return cls(0, None, None, None, None)
        return cls(
            count=int(values.size),
            min=float(values.min()),
            median=float(np.median(values)),
            p95=float(np.percentile(values, 95)),
            max=float(values.max()),
        )


@dataclass(frozen=True, slots=True)
class MetricSeries:
    """One metric over time. ``offsets_us`` counts microseconds from midnight of ``day0``."""

    name: str
    offsets_us: npt.NDArray[np.int64]
    values: npt.NDArray[np.float64]

    def summary(self) -> MetricSummary:
        return MetricSummary.of(self.values)


@dataclass(frozen=True, slots=True)
class ErrorKind:
    """ERROR or WARNING lines that share one message template."""

    level: str
    template: str
    count: int
    first_us: int
    last_us: int
    example: str
    samples: tuple[tuple[int, str], ...] = field(default=())
    """Up to a few hundred (line number, full line) pairs, for showing the lines of a kind."""


@dataclass(frozen=True, slots=True)
class ParsedLog:
    """Everything the dashboard needs from one log file.

    ``lines`` counts non-empty lines; ``headed_lines`` those with a valid time and level header.
    Times are microseconds from midnight of ``day0`` (the date of the first headed line), which is
    known only when the caller gave the time the log was received.
    """

    recognized: bool
    size_bytes: int
    lines: int
    headed_lines: int
    levels: dict[str, int]
    day0: dt.date | None
    first_us: int | None
    last_us: int | None
    series: dict[str, MetricSeries]
    error_kinds: tuple[ErrorKind, ...]

    @property
    def errors(self) -> int:
        return self.levels["ERROR"]

    @property
    def warnings(self) -> int:
        return self.levels["WARNING"]

    @property
    def error_pct(self) -> float:
        return 100.0 * self.errors / self.lines if self.lines else 0.0

    @property
    def warning_pct(self) -> float:
        return 100.0 * self.warnings / self.lines if self.lines else 0.0

    @property
    def duration_s(self) -> float | None:
        if self.first_us is None or self.last_us is None:
            return None
        return (self.last_us - self.first_us) / US_PER_SECOND

    def format_time(self, offset_us: int) -> str:
        return format_offset(self.day0, offset_us)

    def summary(self, top: int = 10) -> dict[str, object]:
        """The JSON-ready summary that ``python -m parsing summarize`` prints."""
        metric_summaries = {name: s.summary() for name, s in self.series.items()}
        return {
            "recognized": self.recognized,
            "lines": self.lines,
            "headed_lines": self.headed_lines,
            "levels": dict(self.levels),
            "errors": self.errors,
            "warnings": self.warnings,
            "error_pct": self.error_pct,
            "warning_pct": self.warning_pct,
            "duration_s": self.duration_s,
            "metrics": {
                name: {
                    "count": m.count,
                    "min": m.min,
                    "median": m.median,
                    "p95": m.p95,
                    "max": m.max,
                }
                for name, m in metric_summaries.items()
            },
            "top_errors": [
                {
                    "level": kind.level,
                    "template": kind.template,
                    "count": kind.count,
                    "first": self.format_time(kind.first_us),
                    "last": self.format_time(kind.last_us),
                }
                for kind in self.error_kinds[:top]
            ],
        }
