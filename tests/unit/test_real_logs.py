"""The parser and the CLI on the real 2020 logs in the shared reference (skipped without it).

Expected numbers come from a plain, independent reading of each file (the equivalent of
``grep -c``), never from the parser itself.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parsing import parse_log

HEADER = re.compile(rb"^\d\d:\d\d:\d\d:(?:\d{3}|\d{6}) \| (INFO |WARNING|ERROR  |DEBUG  ) ")
REAL_FILES = (
    "client-2020-05-15-windows.txt",
    "client-early-2020-older-format.txt",
    "server-2020-05-08-windows-memory-debug.txt",
    "server-2020-08-19-windows-devvm.txt",
)
PREFIXES = {
    "latency": b"Latency: ",
    "decode_time": b"Avg Decode Time: ",
    "encode_time": b"Average Encode Time: ",
    "encode_size": b"Average Encode Size: ",
}


def grep_counts(data: bytes) -> dict[str, object]:
    lines = [line for line in data.split(b"\n") if line.strip()]
    levels = {"DEBUG": 0, "INFO": 0, "WARNING": 0, "ERROR": 0}
    metrics = dict.fromkeys(PREFIXES, 0)
    for line in lines:
        match = HEADER.match(line)
        if not match:
            continue
        levels[match.group(1).decode().strip()] += 1
        message = line.split(b" | ", 4)[4]
        for key, prefix in PREFIXES.items():
            metrics[key] += message.startswith(prefix)
    return {"lines": len(lines), "levels": levels, "metrics": metrics}


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_file_counts(reference: Path, name: str) -> None:
    data = (reference / "real-logs" / name).read_bytes()
    expected = grep_counts(data)
    summary = parse_log(data).summary()
    assert summary["lines"] == expected["lines"]
    assert summary["levels"] == expected["levels"]
    counts = {k: v["count"] for k, v in summary["metrics"].items()}  # type: ignore[attr-defined]
    assert counts == expected["metrics"]


def test_hand_checked_figures(reference: Path) -> None:
    """Figures read off the files by hand (grep -c and a look at first and last lines)."""
    client = parse_log((reference / "real-logs" / REAL_FILES[0]).read_bytes())
    assert client.series["latency"].values.size == 569
    assert client.warnings == 71
    assert client.duration_s == pytest.approx(426.744)
    older = parse_log((reference / "real-logs" / REAL_FILES[1]).read_bytes())
    assert not older.recognized
    devvm = parse_log((reference / "real-logs" / REAL_FILES[3]).read_bytes())
    assert devvm.series["encode_time"].values.size == 343
    assert devvm.series["encode_size"].values.size == 343
    assert (devvm.errors, devvm.warnings) == (1, 3)
    assert devvm.headed_lines == 12790


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parsing", *args], capture_output=True, text=True, check=False
    )


def test_cli_summarize_prints_one_json_object(reference: Path) -> None:
    result = run_cli("summarize", str(reference / "real-logs" / REAL_FILES[3]))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["recognized"] is True
    assert summary["errors"] == 1
    assert summary["metrics"]["encode_time"]["count"] == 343
    assert summary["top_errors"][0]["level"] in ("ERROR", "WARNING")


def test_cli_missing_file_fails_with_one_line(tmp_path: Path) -> None:
    result = run_cli("summarize", str(tmp_path / "nope.txt"))
    assert result.returncode != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nope.txt" in result.stderr


def test_cli_on_a_directory_fails_cleanly(tmp_path: Path) -> None:
    result = run_cli("summarize", str(tmp_path))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
