"""One typed settings object, read once from the environment. Nothing else reads ``os.environ``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEMO_DIR = ROOT / "data" / "demo"
DEFAULT_TEMPLATES = ROOT.parent / "shared" / "reference" / "message-templates-2020-06-30.tsv"
DEMO_LOGS_ROUTE = "/demo-logs/"


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str) -> tuple[str, ...]:
    return tuple(part.strip().lower() for part in value.split(",") if part.strip())


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of the app. ``README.md`` lists each variable with its default."""

    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False
    index: str = str(DEFAULT_DEMO_DIR / "index.json")
    log_base_url: str = f"http://127.0.0.1:8050{DEMO_LOGS_ROUTE}"
    demo_dir: Path = DEFAULT_DEMO_DIR
    serve_demo_logs: bool = True
    allowed_schemes: tuple[str, ...] = ("http", "https")
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost")
    cache_dir: Path = ROOT / "cache"
    cache_size_mb: int = 2048
    connect_timeout_s: float = 3.05
    read_timeout_s: float = 15.0
    retries: int = 2
    max_log_mb: float = 200.0
    fleet_autostart: bool = False
    fleet_workers: int = 4

    @property
    def assets_dir(self) -> Path:
        return ROOT / "assets"

    @property
    def max_log_bytes(self) -> int:
        return int(self.max_log_mb * 1024 * 1024)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Read ``LOGDASH_*`` variables; anything unset keeps its default."""

        defaults = cls()

        def get(name: str, default: object) -> str:
            return environ.get(f"LOGDASH_{name}", str(default))

        port = int(get("PORT", environ.get("PORT", defaults.port)))
        return cls(
            host=get("HOST", defaults.host),
            port=port,
            debug=_bool(get("DEBUG", defaults.debug)),
            index=get("INDEX", defaults.index),
            log_base_url=get("LOG_BASE_URL", f"http://127.0.0.1:{port}{DEMO_LOGS_ROUTE}"),
            demo_dir=Path(get("DEMO_DIR", defaults.demo_dir)),
            serve_demo_logs=_bool(get("SERVE_DEMO_LOGS", defaults.serve_demo_logs)),
            allowed_schemes=_list(get("ALLOWED_SCHEMES", ",".join(defaults.allowed_schemes))),
            allowed_hosts=_list(get("ALLOWED_HOSTS", ",".join(defaults.allowed_hosts))),
            cache_dir=Path(get("CACHE_DIR", defaults.cache_dir)),
            cache_size_mb=int(get("CACHE_SIZE_MB", defaults.cache_size_mb)),
            connect_timeout_s=float(get("CONNECT_TIMEOUT_S", defaults.connect_timeout_s)),
            read_timeout_s=float(get("READ_TIMEOUT_S", defaults.read_timeout_s)),
            retries=int(get("RETRIES", defaults.retries)),
            max_log_mb=float(get("MAX_LOG_MB", defaults.max_log_mb)),
            fleet_autostart=_bool(get("FLEET_AUTOSTART", get("SERVE_DEMO_LOGS", "true"))),
            fleet_workers=int(get("FLEET_WORKERS", defaults.fleet_workers)),
        )
