"""Parse one log file: :func:`parse_log` is the package's entry point."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

import numpy as np
import numpy.typing as npt

from parsing.lines import Ints, LineTable, scan_lines, windows
from parsing.metrics import METRICS
from parsing.model import LEVELS, US_PER_SECOND, ErrorKind, MetricSeries, ParsedLog
from parsing.templates import to_template

_MIN_HEADED_SHARE = 0.05
_MAX_SAMPLES = 200
_TROUBLE_LEVELS = (LEVELS.index("WARNING"), LEVELS.index("ERROR"))


def _to_float(raw: bytes) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _values(
    data: bytes, view: npt.NDArray[np.uint8], starts: Ints, ends: Ints
) -> npt.NDArray[np.float64]:
    """Parse ``data[start:end]`` as floats; NaN where it is not one finite number.

    Fast path: all values at once through numpy. Any odd value sends the batch to the careful
    path, one value at a time.
    """
    longest = int((ends - starts).max()) if starts.size else 0
    width = 16 if longest <= 16 else 32
    if starts.size and longest <= width:
        cells = windows(view, starts, width)
        cells[np.arange(width)[None, :] >= (ends - starts)[:, None]] = 0
        try:
            values = cells.view(f"S{width}").ravel().astype(np.float64)
        except ValueError:
            pass
        else:
            values[~np.isfinite(values)] = np.nan
            return values
    parsed = [_to_float(data[a:b]) for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
    return np.array([np.nan if v is None else v for v in parsed], dtype=np.float64)


def _extract_metrics(data: bytes, table: LineTable) -> dict[str, MetricSeries]:
    """Each metric's values: headed lines whose message starts exactly with its prefix."""
    view = np.frombuffer(data, dtype=np.uint8)
    rows = np.flatnonzero(table.message_at >= 0)
    width = max(len(m.prefix) for m in METRICS)
    heads = windows(view, table.message_at[rows], width)
    series = {}
    for metric in METRICS:
        prefix = metric.prefix.encode()
        head = np.ascontiguousarray(heads[:, : len(prefix)]).view(f"S{len(prefix)}").ravel()
        hits = rows[head == prefix]
        values = _values(data, view, table.message_at[hits] + len(prefix), table.ends[hits])
        keep = ~np.isnan(values)
        series[metric.key] = MetricSeries(metric.key, table.time_us[hits][keep], values[keep])
    return series


def _group_errors(data: bytes, table: LineTable) -> tuple[ErrorKind, ...]:
    """Group ERROR and WARNING lines by message template, most frequent first."""
    rows = np.flatnonzero(np.isin(table.level, _TROUBLE_LEVELS))
    templates: dict[str, str] = {}
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], int] = {}
    example: dict[tuple[str, str], str] = {}
    samples: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for row in rows.tolist():
        raw = data[table.message_at[row] : table.ends[row]] if table.message_at[row] >= 0 else b""
        message = raw.decode("utf-8", errors="replace").strip()
        template = templates.get(message)
        if template is None:
            template = templates[message] = to_template(message)
        key = (LEVELS[table.level[row]], template)
        when = int(table.time_us[row])
        counts[key] += 1
        first.setdefault(key, when)
        last[key] = when
        example.setdefault(key, message)
        kept = samples.setdefault(key, [])
        if len(kept) < _MAX_SAMPLES:
            line = data[table.starts[row] : table.ends[row]]
            kept.append((row + 1, line.decode("utf-8", errors="replace")))
    return tuple(
        ErrorKind(
            level=level,
            template=template,
            count=count,
            first_us=first[(level, template)],
            last_us=last[(level, template)],
            example=example[(level, template)],
            samples=tuple(samples[(level, template)]),
        )
        for (level, template), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def first_day(received: dt.datetime | None, last_us: int | None) -> dt.date | None:
    """The date of the first headed line, given that the log was received after its last line."""
    if received is None or last_us is None:
        return None
    days, clock_us = divmod(last_us, 86_400 * US_PER_SECOND)
    received_clock = dt.timedelta(
        hours=received.hour, minutes=received.minute, seconds=received.second
    ) + dt.timedelta(microseconds=received.microsecond)
    last_day = received.date()
    if dt.timedelta(microseconds=clock_us) > received_clock + dt.timedelta(minutes=1):
        last_day -= dt.timedelta(days=1)
    return last_day - dt.timedelta(days=days)


def parse_log(data: bytes, received: dt.datetime | None = None) -> ParsedLog:
    """Parse a whole log file. Never raises on content: unknown formats come back unrecognized.

    ``received`` is the index's ``last_updated`` (at or after the last line); with it, times get
    a date. The clock may wrap past midnight: a jump back of more than an hour is a new day.
    """
    table = scan_lines(data)
    headed = table.headed
    headed_times = table.time_us[headed]
    level_counts = np.bincount(table.level[headed], minlength=len(LEVELS))
    lines = int(table.nonempty.sum())
    headed_lines = int(headed.sum())
    first_us = int(headed_times[0]) if headed_lines else None
    last_us = int(headed_times[-1]) if headed_lines else None
    return ParsedLog(
        recognized=headed_lines > 0 and headed_lines >= _MIN_HEADED_SHARE * lines,
        size_bytes=len(data),
        lines=lines,
        headed_lines=headed_lines,
        levels={name: int(level_counts[i]) for i, name in enumerate(LEVELS)},
        day0=first_day(received, last_us),
        first_us=first_us,
        last_us=last_us,
        series=_extract_metrics(data, table),
        error_kinds=_group_errors(data, table),
    )
