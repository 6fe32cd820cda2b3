"""Fixtures shared by every test: the reference files, a real log server, small demo data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.demo.generator import GenerationResult, generate
from tests.logserver import LogServer

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
REAL_LOGS = REFERENCE / "real-logs"


@pytest.fixture(scope="session")
def reference() -> Path:
    if not REFERENCE.is_dir():
        pytest.skip(f"the shared reference files are not at {REFERENCE}")
    return REFERENCE


@pytest.fixture
def log_server() -> Iterator[LogServer]:
    server = LogServer(slow_s=2.5).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> GenerationResult:
    """120 connections of demo data, made once per test session."""
    out = tmp_path_factory.mktemp("demo")
    templates = REFERENCE / "message-templates-2020-06-30.tsv"
    return generate(out, records=120, files=120, seed=11, templates=templates, processes=2)
