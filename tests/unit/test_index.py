"""Loading the index: three formats, a path or a URL, bad records reported and skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data.index import IndexUnavailable, build_index, load_index, parse_records
from tests.logserver import LogServer

GOOD = {
    "client_logs": None,
    "server_logs": "https://bucket.example.com/server1.txt",
    "connection_id": 17071,
    "ip": "13.90.135.104",
    "last_updated": "06/30/2020, 21:06",
    "username": "user001@example.com",
    "version": "e2cd777-1B1D1F08",
}


def test_real_challenge_index(reference: Path) -> None:
    loaded = load_index(str(reference / "challenge-index.json"))
    assert len(loaded.frame) == 626
    assert loaded.problems == ()
    frame = loaded.frame
    assert (frame["client_logs"].isna() & frame["server_logs"].notna()).sum() == 520
    assert frame["username"].isna().sum() == 70
    assert str(frame["last_updated"].dt.tz) == "UTC"


def test_bad_records_are_reported_with_position_and_skipped() -> None:
    records = [
        GOOD,
        "not an object",
        {**GOOD, "connection_id": "abc"},
        {**GOOD, "connection_id": 2, "last_updated": "yesterday"},
        {**GOOD, "connection_id": 3, "username": 42},
        {**GOOD},
        {**GOOD, "connection_id": None},
        {**GOOD, "connection_id": 4, "last_updated": "2020-06-30T21:06:00Z"},
    ]
    loaded = build_index(records)
    assert loaded.frame["connection_id"].tolist() == [17071, 4]
    assert [p.position for p in loaded.problems] == [1, 2, 3, 4, 5, 6]
    assert "duplicate" in str(loaded.problems[4])
    assert loaded.frame["last_updated"].iloc[1] == pd.Timestamp("2020-06-30 21:06", tz="UTC")


def test_json_lines_and_csv(tmp_path: Path) -> None:
    lines = tmp_path / "index.jsonl"
    lines.write_text(json.dumps(GOOD) + "\n{broken\n" + json.dumps({**GOOD, "connection_id": 5}))
    loaded = load_index(str(lines))
    assert loaded.frame["connection_id"].tolist() == [17071, 5]
    assert [p.position for p in loaded.problems] == [1]
    table = tmp_path / "index.csv"
    pd.DataFrame([GOOD, {**GOOD, "connection_id": 6, "username": None}]).to_csv(table, index=False)
    frame = load_index(str(table)).frame
    assert frame["connection_id"].tolist() == [17071, 6]
    assert frame["username"].isna().tolist() == [False, True]


def test_index_over_http(log_server: LogServer) -> None:
    log_server.files["index.json"] = json.dumps([GOOD]).encode()
    assert len(load_index(log_server.url("index.json")).frame) == 1
    with pytest.raises(IndexUnavailable):
        load_index(log_server.url("none.json"))


def test_relative_urls_are_resolved_against_the_base() -> None:
    loaded = build_index(
        [{**GOOD, "server_logs": "server1.txt", "client_logs": "/abs/c.txt"}],
        base_url="http://127.0.0.1:8050/demo-logs/",
    )
    assert loaded.frame["server_logs"].iloc[0] == "http://127.0.0.1:8050/demo-logs/server1.txt"
    assert loaded.frame["client_logs"].iloc[0] == "/abs/c.txt"


@pytest.mark.parametrize("raw", [b"[1, 2", b'{"a": 1}'])
def test_unreadable_index(raw: bytes) -> None:
    if raw.startswith(b"["):
        with pytest.raises(IndexUnavailable):
            parse_records(raw)
    else:
        assert build_index(parse_records(raw)).problems[0].reason == "no connection_id"


def test_missing_index_file(tmp_path: Path) -> None:
    with pytest.raises(IndexUnavailable):
        load_index(str(tmp_path / "none.json"))
