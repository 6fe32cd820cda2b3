"""Answer the connections grid's block requests over the whole index: search, filter, sort, slice.

Pure and in memory. Work that does not depend on the block (the filter mask, the sort order)
is cached per query, so that scrolling on through a 1,000,000-record index only slices.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd

Mask = npt.NDArray[np.bool_]
Order = npt.NDArray[np.int64]
MissingFilter = Literal["all", "client", "server", "either"]

TEXT_COLUMNS = ("username", "ip", "version")
METRIC_COLUMNS = ("error_pct", "warning_pct", "latency_ms", "latency_p95_ms", "encode_ms")
NUMBER_COLUMNS = ("connection_id", *METRIC_COLUMNS)
DATE_COLUMNS = ("last_updated",)
LOG_COLUMNS = {"client_state": "client_logs", "server_state": "server_logs"}
SORTABLE = (*NUMBER_COLUMNS, *TEXT_COLUMNS, *DATE_COLUMNS, *LOG_COLUMNS)
FILTERABLE = (*NUMBER_COLUMNS, *TEXT_COLUMNS, *DATE_COLUMNS)
DEFAULT_SORT = (("last_updated", "desc"),)
_CACHE_SIZE = 32


class QueryError(ValueError):
    """A request the grid should never send: unknown column, filter type or sort direction."""


@dataclass(frozen=True, slots=True)
class RowQuery:
    """One block request, with the page's own search and quick filter."""

    start: int = 0
    end: int = 100
    sort: tuple[tuple[str, str], ...] = ()
    filters: tuple[tuple[str, str], ...] = ()
    search: str = ""
    missing: MissingFilter = "all"
    only_ids: frozenset[int] | None = None

    @classmethod
    def from_grid(
        cls,
        request: Mapping[str, Any],
        search: str = "",
        missing: MissingFilter = "all",
        only_ids: frozenset[int] | None = None,
    ) -> RowQuery:
        """Build a query from AG Grid's ``getRowsRequest``, checking every column it names."""
        sort = []
        for item in request.get("sortModel") or []:
            column, direction = item.get("colId"), item.get("sort")
            if column not in SORTABLE:
                raise QueryError(f"cannot sort by {column!r}")
            if direction not in ("asc", "desc"):
                raise QueryError(f"unknown sort direction {direction!r}")
            sort.append((column, direction))
        filters = []
        for column, spec in sorted((request.get("filterModel") or {}).items()):
            if column not in FILTERABLE:
                raise QueryError(f"cannot filter by {column!r}")
            filters.append((column, _freeze(spec)))
        if missing not in ("all", "client", "server", "either"):
            raise QueryError(f"unknown quick filter {missing!r}")
        start = max(int(request.get("startRow") or 0), 0)
        end = max(int(request.get("endRow") or start + 100), start)
        return cls(start, end, tuple(sort), tuple(filters), search.strip(), missing, only_ids)


def _freeze(spec: Any) -> str:
    return json.dumps(spec, sort_keys=True)


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[dict[str, Any]]
    matched: int
    total: int


def _text_match(values: pd.Series, kind: str, needle: str) -> Mask:
    """AG Grid's text filter types, case-insensitive, on a column of text (or missing)."""
    text = values.fillna("").str.lower()
    needle = needle.lower()
    matchers = {
        "contains": lambda: text.str.contains(needle, regex=False),
        "notContains": lambda: ~text.str.contains(needle, regex=False),
        "equals": lambda: text == needle,
        "notEqual": lambda: text != needle,
        "startsWith": lambda: text.str.startswith(needle),
        "endsWith": lambda: text.str.endswith(needle),
        "blank": lambda: values.isna(),
        "notBlank": lambda: values.notna(),
    }
    if kind not in matchers:
        raise QueryError(f"unknown text filter {kind!r}")
    return np.asarray(matchers[kind](), dtype=bool)


def _compare(values: npt.NDArray[Any], kind: str, low: Any, high: Any) -> Mask:
    comparisons = {
        "equals": lambda: values == low,
        "notEqual": lambda: values != low,
        "greaterThan": lambda: values > low,
        "greaterThanOrEqual": lambda: values >= low,
        "lessThan": lambda: values < low,
        "lessThanOrEqual": lambda: values <= low,
        "inRange": lambda: (values >= low) & (values <= high),
    }
    if kind not in comparisons:
        raise QueryError(f"unknown comparison {kind!r}")
    return np.asarray(comparisons[kind](), dtype=bool)


def _day(text: Any) -> np.datetime64:
    try:
        return np.datetime64(dt.date.fromisoformat(str(text)[:10]), "us")
    except ValueError as error:
        raise QueryError(f"not a date: {text!r}") from error


@dataclass
class ConnectionTable:
    """The index, ready to answer grid queries fast."""

    frame: pd.DataFrame
    _codes: dict[str, tuple[npt.NDArray[np.int64], pd.Index]] = field(default_factory=dict)
    _masks: OrderedDict[tuple[Any, ...], Mask] = field(default_factory=OrderedDict)
    _orders: OrderedDict[tuple[Any, ...], Order] = field(default_factory=OrderedDict)
    _matches: OrderedDict[tuple[Any, ...], Order] = field(default_factory=OrderedDict)

    def __post_init__(self) -> None:
        for column in TEXT_COLUMNS:
            codes, uniques = pd.factorize(self.frame[column], use_na_sentinel=True)
            self._codes[column] = (codes, pd.Index(uniques))
        self._times = self.frame["last_updated"].to_numpy(dtype="datetime64[us]")
        self._ids = self.frame["connection_id"].to_numpy(dtype=np.int64)
        self._has_client = self.frame["client_logs"].notna().to_numpy()
        self._has_server = self.frame["server_logs"].notna().to_numpy()
        self._metrics = {name: np.full(self.size, np.nan) for name in METRIC_COLUMNS}
        self.order(DEFAULT_SORT)

    def set_metrics(self, metrics: Mapping[str, npt.NDArray[np.float64]]) -> None:
        """Take new per-connection summary columns (aligned with the frame); cached masks and
        orders may depend on them, so they are forgotten."""
        self._metrics = {name: np.asarray(metrics[name], dtype=np.float64) for name in METRIC_COLUMNS}
        self._masks.clear()
        self._matches.clear()
        default = self._orders.get(DEFAULT_SORT)
        self._orders.clear()
        if default is not None:
            self._orders[DEFAULT_SORT] = default

    @property
    def size(self) -> int:
        return len(self.frame)

    def _text_mask(self, column: str, kind: str, needle: str) -> Mask:
        """Match the few distinct values, then map back through the codes (fast at 1M rows)."""
        codes, uniques = self._codes[column]
        hits = _text_match(pd.Series(uniques, dtype=object), kind, needle)
        lookup = np.append(hits, kind in ("blank", "notContains", "notEqual"))
        if kind == "notBlank":
            lookup[-1] = False
        return lookup[codes]

    def _condition(self, column: str, spec: Mapping[str, Any]) -> Mask:
        if "conditions" in spec:
            parts = [self._condition(column, c) for c in spec["conditions"]]
            operator = spec.get("operator", "AND")
            return np.logical_and.reduce(parts) if operator == "AND" else np.logical_or.reduce(parts)
        kind = spec.get("type", "contains")
        if column in TEXT_COLUMNS:
            return self._text_mask(column, kind, str(spec.get("filter") or ""))
        if column in NUMBER_COLUMNS:
            try:
                low, high = float(spec.get("filter") or 0), float(spec.get("filterTo") or 0)
            except (TypeError, ValueError) as error:
                raise QueryError(f"not a number: {spec.get('filter')!r}") from error
            values = self._ids if column == "connection_id" else self._metrics[column]
            if kind in ("blank", "notBlank"):
                blank = np.isnan(values.astype(np.float64))
                return blank if kind == "blank" else ~blank
            return _compare(values, kind, low, high)
        start = _day(spec.get("dateFrom"))
        if kind == "equals":
            return (self._times >= start) & (self._times < start + np.timedelta64(1, "D"))
        if kind == "inRange":
            end = _day(spec.get("dateTo")) + np.timedelta64(1, "D")
            return (self._times >= start) & (self._times < end)
        return _compare(self._times, kind, start, start)

    def mask(self, query: RowQuery) -> Mask:
        key = (query.filters, query.search.lower(), query.missing, query.only_ids)
        if key in self._masks:
            self._masks.move_to_end(key)
            return self._masks[key]
        mask = np.ones(self.size, dtype=bool)
        for column, spec in query.filters:
            mask &= self._condition(column, json.loads(spec))
        if query.search:
            mask &= self._text_mask("username", "contains", query.search)
        if query.missing in ("client", "either"):
            mask &= ~self._has_client if query.missing == "client" else ~(
                self._has_client & self._has_server
            )
        if query.missing == "server":
            mask &= ~self._has_server
        if query.only_ids is not None:
            mask &= np.isin(self._ids, np.fromiter(query.only_ids, dtype=np.int64))
        return _remember(self._masks, key, mask)

    def _sort_key(self, column: str, direction: str) -> npt.NDArray[np.int64]:
        """An integer key per row that sorts ``column`` as asked, missing values always last."""
        if column in TEXT_COLUMNS:
            codes, uniques = self._codes[column]
            lowered = np.asarray(uniques.str.lower(), dtype=object)
            ranks = np.argsort(np.argsort(lowered, kind="stable"), kind="stable")
            values = ranks[np.maximum(codes, 0)].astype(np.int64)
            missing = codes < 0
        elif column in LOG_COLUMNS:
            values = self.frame[LOG_COLUMNS[column]].notna().to_numpy().astype(np.int64)
            missing = np.zeros(self.size, dtype=bool)
        elif column in METRIC_COLUMNS:
            raw_metric = self._metrics[column]
            missing = np.isnan(raw_metric)
            ranks = np.argsort(np.argsort(np.where(missing, np.inf, raw_metric), kind="stable"))
            values = ranks.astype(np.int64)
        else:
            raw = self._times if column in DATE_COLUMNS else self._ids
            values = raw.astype(np.int64)
            missing = np.zeros(self.size, dtype=bool)
        key = -values if direction == "desc" else values
        if missing.any():
            key = np.where(missing, key.max(initial=0) + 1, key)
        return key

    def order(self, sort: Sequence[tuple[str, str]]) -> Order:
        """Row positions in sort order; ties go newest first, then by id."""
        key = tuple(sort) or DEFAULT_SORT
        if key in self._orders:
            self._orders.move_to_end(key)
            return self._orders[key]
        keys = [self._ids, -self._times.astype(np.int64)]
        keys.extend(self._sort_key(column, direction) for column, direction in reversed(key))
        order = np.lexsort(keys).astype(np.int64)
        return _remember(self._orders, key, order)

    def matched(self, query: RowQuery) -> Order:
        """Positions of the rows the query matches, in its sort order (cached per query)."""
        key = (query.filters, query.search.lower(), query.missing, query.only_ids, query.sort)
        if key in self._matches:
            self._matches.move_to_end(key)
            return self._matches[key]
        order = self.order(query.sort)
        return _remember(self._matches, key, order[self.mask(query)[order]])

    def query(self, query: RowQuery) -> Page:
        matched = self.matched(query)
        block = matched[query.start : query.end]
        return Page(self.rows(block), int(matched.size), self.size)

    def export(self, query: RowQuery) -> tuple[pd.DataFrame, dict[str, pd.Series]]:
        """Every row the query matches, in its order, and their summary columns."""
        matched = self.matched(query)
        metrics = {name: pd.Series(values[matched]) for name, values in self._metrics.items()}
        return self.frame.iloc[matched], metrics

    def rows(self, positions: Order) -> list[dict[str, Any]]:
        """Grid rows: text as text (never HTML), times in one format with their zone."""
        part = self.frame.iloc[positions]
        metrics = {name: values[positions] for name, values in self._metrics.items()}
        out = []
        for i, record in enumerate(part.to_dict("records")):
            out.append(
                {
                    **{name: _number(values[i]) for name, values in metrics.items()},
                    "connection_id": int(record["connection_id"]),
                    "username": _or_none(record["username"]),
                    "ip": _or_none(record["ip"]),
                    "last_updated": record["last_updated"].strftime("%Y-%m-%d %H:%M"),
                    "version": _or_none(record["version"]),
                    "client_state": "recorded" if _or_none(record["client_logs"]) else "missing",
                    "server_state": "recorded" if _or_none(record["server_logs"]) else "missing",
                }
            )
        return out

    def record(self, connection_id: int) -> dict[str, Any] | None:
        """One connection's index record, or None when the index has no such id."""
        hits = np.flatnonzero(self._ids == connection_id)
        if hits.size == 0:
            return None
        row = self.frame.iloc[int(hits[0])]
        return {name: _or_none(row[name]) for name in self.frame.columns}


def _number(value: float) -> float | None:
    return None if np.isnan(value) else round(float(value), 3)


def _or_none(value: Any) -> Any:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


K = TypeVar("K")
V = TypeVar("V")


def _remember(cache: OrderedDict[K, V], key: K, value: V) -> V:
    cache[key] = value
    if len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)
    return value
