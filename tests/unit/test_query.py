"""The server-side row query behind the infinite grid."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from dashboard.callbacks.grid import count_text, serve_rows
from dashboard.data.index import build_index
from dashboard.data.query import ConnectionTable, QueryError, RowQuery


def record(i: int, **fields: Any) -> dict[str, Any]:
    base = {
        "connection_id": 1000 + i,
        "username": f"user{i % 7}@example.com",
        "ip": f"10.0.0.{i % 5}",
        "last_updated": f"06/{1 + i % 28:02d}/2020, {i % 24:02d}:{i % 60:02d}",
        "version": f"v{i % 3}",
        "client_logs": f"http://x/c{i}.txt" if i % 4 == 0 else None,
        "server_logs": f"http://x/s{i}.txt" if i % 10 else None,
    }
    return base | fields


@pytest.fixture
def table() -> ConnectionTable:
    records = [record(i) for i in range(250)]
    records[3] = record(3, username=None, version=None)
    records[4] = record(4, username="Alice.Smith@Example.com")
    return ConnectionTable(build_index(records).frame)


def grid(start: int = 0, end: int = 100, **request: Any) -> dict[str, Any]:
    return {"startRow": start, "endRow": end, **request}


def ids(table: ConnectionTable, query: RowQuery) -> list[int]:
    return [row["connection_id"] for row in table.query(query).rows]


def test_blocks_and_the_last_partial_block(table: ConnectionTable) -> None:
    pages = [table.query(RowQuery.from_grid(grid(s, s + 100))) for s in (0, 100, 200)]
    assert [len(p.rows) for p in pages] == [100, 100, 50]
    assert all(p.matched == 250 and p.total == 250 for p in pages)
    seen = [r["connection_id"] for p in pages for r in p.rows]
    assert len(set(seen)) == 250
    assert table.query(RowQuery.from_grid(grid(300, 400))).rows == []


def test_default_order_is_newest_first(table: ConnectionTable) -> None:
    rows = table.query(RowQuery()).rows
    times = [r["last_updated"] for r in rows]
    assert times == sorted(times, reverse=True)


@pytest.mark.parametrize(
    "column", ["connection_id", "username", "ip", "last_updated", "version", "client_state"]
)
@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_every_sort(table: ConnectionTable, column: str, direction: str) -> None:
    query = RowQuery.from_grid(grid(0, 300, sortModel=[{"colId": column, "sort": direction}]))
    rows = table.query(query).rows
    values = [r[column] for r in rows]
    present = [v for v in values if v is not None]
    displayed = {"recorded": "Present", "missing": "Not recorded"}
    key = (lambda v: displayed.get(v, v).lower()) if isinstance(present[0], str) else (lambda v: v)
    assert present == sorted(present, key=key, reverse=direction == "desc")
    if column == "username":
        assert values[-1] is None


def test_search_is_a_case_insensitive_substring_over_the_whole_index(
    table: ConnectionTable,
) -> None:
    page = table.query(RowQuery.from_grid(grid(0, 10), search="ALICE"))
    assert [r["connection_id"] for r in page.rows] == [1004]
    assert page.matched == 1
    page = table.query(RowQuery.from_grid(grid(0, 10), search="user3@"))
    assert page.matched == len([i for i in range(250) if i % 7 == 3 and i not in (3, 4)])


def test_empty_result(table: ConnectionTable) -> None:
    page = table.query(RowQuery.from_grid(grid(), search="nobody-at-all"))
    assert (page.rows, page.matched, page.total) == ([], 0, 250)


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ({"version": {"filterType": "text", "type": "equals", "filter": "V1"}}, 83),
        ({"version": {"filterType": "text", "type": "blank"}}, 1),
        ({"username": {"filterType": "text", "type": "startsWith", "filter": "alice"}}, 1),
        ({"ip": {"filterType": "text", "type": "contains", "filter": "0.0.4"}}, 50),
        ({"connection_id": {"filterType": "number", "type": "lessThan", "filter": 1010}}, 10),
        (
            {
                "connection_id": {
                    "filterType": "number",
                    "type": "inRange",
                    "filter": 1010,
                    "filterTo": 1019,
                }
            },
            10,
        ),
        (
            {
                "last_updated": {
                    "filterType": "date",
                    "type": "equals",
                    "dateFrom": "2020-06-01 00:00:00",
                }
            },
            9,
        ),
        (
            {
                "version": {
                    "filterType": "text",
                    "operator": "OR",
                    "conditions": [
                        {"type": "equals", "filter": "v0"},
                        {"type": "equals", "filter": "v2"},
                    ],
                }
            },
            166,
        ),
    ],
)
def test_column_filters(table: ConnectionTable, model: dict[str, Any], expected: int) -> None:
    assert table.query(RowQuery.from_grid(grid(filterModel=model))).matched == expected


def test_missing_log_quick_filter(table: ConnectionTable) -> None:
    def matched(missing: str) -> int:
        return table.query(RowQuery.from_grid(grid(), missing=missing)).matched  # type: ignore[arg-type]

    assert matched("client") == 250 - len(range(0, 250, 4))
    assert matched("server") == 25
    assert matched("either") == 250 - len([i for i in range(250) if i % 4 == 0 and i % 10])
    assert matched("all") == 250


def test_only_ids(table: ConnectionTable) -> None:
    query = RowQuery.from_grid(grid(), only_ids=frozenset({1001, 1002, 99}))
    assert sorted(ids(table, query)) == [1001, 1002]


@pytest.mark.parametrize(
    "request_",
    [
        grid(sortModel=[{"colId": "password", "sort": "asc"}]),
        grid(sortModel=[{"colId": "username", "sort": "sideways"}]),
        grid(filterModel={"client_logs": {"type": "contains", "filter": "x"}}),
        grid(filterModel={"username": {"filterType": "text", "type": "regex", "filter": "x"}}),
    ],
)
def test_unknown_columns_and_types_are_rejected(
    table: ConnectionTable, request_: dict[str, Any]
) -> None:
    with pytest.raises(QueryError):
        table.query(RowQuery.from_grid(request_))


def test_rows_are_plain_text_with_placeholders_as_none(table: ConnectionTable) -> None:
    row = next(
        r for r in table.query(RowQuery.from_grid(grid(0, 300))).rows if r["connection_id"] == 1003
    )
    assert row["username"] is None and row["version"] is None
    assert row["client_state"] == "missing"
    assert row["server_state"] == "recorded"
    assert row["last_updated"] == pd.Timestamp("2020-06-04 03:03").strftime("%Y-%m-%d %H:%M")


def test_serve_rows_contract(table: ConnectionTable) -> None:
    assert serve_rows(table, None, "", "all")[0].__class__.__name__ == "NoUpdate"
    response, count, empty = serve_rows(table, grid(0, 100), "alice", "all")
    assert response["rowCount"] == 1 and len(response["rowData"]) == 1
    assert count == "1 of 250 connections"
    assert empty == ""
    response, count, _ = serve_rows(
        table, grid(sortModel=[{"colId": "x", "sort": "asc"}]), "", "all"
    )
    assert response == {"rowData": [], "rowCount": 0}
    assert "could not be answered" in count


def test_count_text() -> None:
    assert count_text(2000, 2000, "", "all") == "2,000 connections"
    assert count_text(1234, 2000, "bob", "all") == "1,234 of 2,000 connections"
    assert count_text(0, 2000, "bob", "all").startswith("No connections match “bob”")
