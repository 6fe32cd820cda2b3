"""The demo generator: deterministic, realistic shape, readable by the parser."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from dashboard.demo.generator import (
    BAD_VERSION,
    POOR_NETWORK_USER,
    GenerationResult,
    generate,
    plan_connections,
)
from parsing import parse_log


def test_same_seed_same_plan() -> None:
    assert plan_connections(50, seed=3) == plan_connections(50, seed=3)
    assert plan_connections(50, seed=3) != plan_connections(50, seed=4)


def test_index_shape_matches_the_original(demo_data: GenerationResult) -> None:
    records = json.loads(demo_data.index_path.read_text())
    assert len(records) == 120
    assert set(records[0]) == {
        "client_logs",
        "server_logs",
        "connection_id",
        "ip",
        "last_updated",
        "username",
        "version",
    }
    sides = Counter((r["client_logs"] is not None, r["server_logs"] is not None) for r in records)
    assert sides[(False, True)] > sides[(True, True)] > 0
    assert any(r["username"] is None for r in records)
    assert len({r["connection_id"] for r in records}) == 120


def test_logs_parse_with_realistic_rates(demo_data: GenerationResult) -> None:
    logs = demo_data.index_path.parent / "logs"
    totals = Counter()
    for path in sorted(logs.iterdir())[:40]:
        parsed = parse_log(path.read_bytes())
        assert parsed.recognized, path.name
        totals["lines"] += parsed.headed_lines
        totals["info"] += parsed.levels["INFO"]
        side = "client" if path.name.startswith("client") else "server"
        metrics = ("latency", "decode_time") if side == "client" else ("encode_time",)
        for metric in metrics:
            assert parsed.series[metric].values.size > 0, (path.name, metric)
    assert 0.97 <= totals["info"] / totals["lines"] <= 0.995


def test_plausible_metric_values(demo_data: GenerationResult) -> None:
    logs = demo_data.index_path.parent / "logs"
    client = next(p for p in sorted(logs.iterdir()) if p.name.startswith("client"))
    server = next(p for p in sorted(logs.iterdir()) if p.name.startswith("server"))
    c, s = parse_log(client.read_bytes()), parse_log(server.read_bytes())
    assert 0.01 < c.series["latency"].summary().median < 0.12  # type: ignore[operator]
    assert 0.001 < c.series["decode_time"].summary().median < 0.012  # type: ignore[operator]
    assert 0.003 < s.series["encode_time"].summary().median < 0.025  # type: ignore[operator]
    assert 15_000 < s.series["encode_size"].summary().median < 45_000  # type: ignore[operator]


def test_planted_names_exist() -> None:
    plans = plan_connections(400, seed=7)
    assert any(p.version == BAD_VERSION for p in plans)
    assert any(p.username == POOR_NETWORK_USER for p in plans)


def test_more_records_than_files_reuse_logs(tmp_path: Path) -> None:
    result = generate(tmp_path, records=50, files=5, seed=1, processes=1)
    records = json.loads(result.index_path.read_text())
    assert len(records) == 50
    assert len({r["connection_id"] for r in records}) == 50
    assert result.log_files <= 10
    names = {r["server_logs"] for r in records} | {r["client_logs"] for r in records}
    assert len(names - {None}) <= 10
