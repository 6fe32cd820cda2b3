"""Load the connection index (JSON array, JSON lines or CSV; a path or an http(s) URL).

Every record is checked; a bad one is reported with its position and skipped, never fatal.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import numpy as np
import pandas as pd
import requests

COLUMNS = (
    "connection_id",
    "username",
    "ip",
    "last_updated",
    "version",
    "client_logs",
    "server_logs",
)
TEXT_FIELDS = ("username", "ip", "version", "client_logs", "server_logs")
_DATE_FORMATS = ("%m/%d/%Y, %H:%M", "ISO8601")


class IndexUnavailable(Exception):
    """The index as a whole could not be read (missing, unreachable, not a known format)."""


@dataclass(frozen=True, slots=True)
class IndexProblem:
    position: int
    reason: str

    def __str__(self) -> str:
        return f"record {self.position}: {self.reason}"


@dataclass(frozen=True, slots=True)
class LoadedIndex:
    """The valid records as a frame (one row per connection), and what was skipped."""

    frame: pd.DataFrame
    problems: tuple[IndexProblem, ...] = field(default=())
    source: str = ""


def _read_source(source: str, timeout_s: float) -> bytes:
    if urlsplit(source).scheme in ("http", "https"):
        try:
            response = requests.get(source, timeout=timeout_s)
            response.raise_for_status()
        except requests.RequestException as error:
            raise IndexUnavailable(f"cannot download the index from {source}: {error}") from error
        return response.content
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise IndexUnavailable(f"cannot read the index at {source}: {error.strerror}") from error


def parse_records(raw: bytes) -> list[Any]:
    """Raw records from a JSON array, JSON lines or CSV (told apart by their first character)."""
    text = raw.decode("utf-8-sig", errors="replace").lstrip()
    if not text:
        return []
    if text[0] == "[":
        try:
            records = json.loads(text)
        except json.JSONDecodeError as error:
            raise IndexUnavailable(f"the index is not valid JSON: {error}") from error
        if not isinstance(records, list):
            raise IndexUnavailable("the index JSON is not an array of records")
        return records
    if text[0] == "{":
        out: list[Any] = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                out.append(line)
        return out
    return [dict(row) for row in csv.DictReader(io.StringIO(text))]


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, str):
        return value.strip() or None
    raise TypeError(type(value).__name__)


def _check(position: int, record: Any) -> tuple[dict[str, Any] | None, IndexProblem | None]:
    if not isinstance(record, dict):
        return None, IndexProblem(position, "not an object")
    raw_id = record.get("connection_id")
    try:
        if isinstance(raw_id, bool):
            raise ValueError
        connection_id = int(str(raw_id).strip()) if raw_id not in (None, "") else None
    except ValueError:
        return None, IndexProblem(position, f"connection_id {raw_id!r} is not a whole number")
    if connection_id is None:
        return None, IndexProblem(position, "no connection_id")
    row: dict[str, Any] = {"connection_id": connection_id, "last_updated": record.get("last_updated")}
    for name in TEXT_FIELDS:
        try:
            row[name] = _text(record.get(name))
        except TypeError as error:
            return None, IndexProblem(position, f"{name} is a {error}, not text")
    return row, None


def _to_timestamps(values: pd.Series) -> pd.Series:
    parsed = pd.to_datetime(values, format=_DATE_FORMATS[0], errors="coerce", utc=True)
    missing = parsed.isna() & values.notna()
    if missing.any():
        parsed[missing] = pd.to_datetime(
            values[missing], format=_DATE_FORMATS[1], errors="coerce", utc=True
        )
    return parsed


def _resolve(urls: pd.Series, base_url: str) -> pd.Series:
    """Relative log URLs (``server123.txt``) are resolved against the configured base."""
    if not base_url:
        return urls
    relative = urls.notna() & ~urls.fillna("").str.contains(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^/")
    resolved = urls.copy()
    resolved[relative] = [urljoin(base_url, url) for url in urls[relative]]
    return resolved


def build_index(records: list[Any], base_url: str = "", source: str = "") -> LoadedIndex:
    """Validate raw records into a typed frame; duplicate ids keep the first record."""
    rows: list[dict[str, Any]] = []
    positions: list[int] = []
    problems: list[IndexProblem] = []
    for position, record in enumerate(records):
        row, problem = _check(position, record)
        if problem is not None:
            problems.append(problem)
        else:
            rows.append(row)  # type: ignore[arg-type]
            positions.append(position)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["last_updated"] = _to_timestamps(frame["last_updated"].astype(object))
    bad_date = frame["last_updated"].isna()
    duplicate = frame["connection_id"].duplicated(keep="first")
    for i in np.flatnonzero(bad_date | duplicate):
        reason = "last_updated is missing or not a date" if bad_date.iloc[i] else "duplicate id"
        problems.append(IndexProblem(positions[i], reason))
    frame = frame[~(bad_date | duplicate)].reset_index(drop=True)
    frame["connection_id"] = frame["connection_id"].astype(np.int64)
    for name in ("client_logs", "server_logs"):
        frame[name] = _resolve(frame[name], base_url)
    problems.sort(key=lambda p: p.position)
    return LoadedIndex(frame=frame, problems=tuple(problems), source=source)


def load_index(source: str, base_url: str = "", timeout_s: float = 30.0) -> LoadedIndex:
    """Read and validate the index at ``source`` (a path or an http(s) URL)."""
    return build_index(parse_records(_read_source(source, timeout_s)), base_url, source)
