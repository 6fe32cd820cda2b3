"""Fetch log files over HTTP(S), or from local paths where allowed, with typed outcomes.

One pooled ``requests.Session`` with connect/read timeouts, retries with backoff on 5xx and
connection errors, and a streamed size cap: a file over it is cut, and the outcome says so.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from dashboard.settings import Settings

_CHUNK = 1 << 16
_RETRY_STATUSES = (500, 502, 503, 504)


class FetchStatus(StrEnum):
    OK = "ok"
    NOT_RECORDED = "not_recorded"
    NOT_ALLOWED = "not_allowed"
    NOT_FOUND = "not_found"
    UNREACHABLE = "unreachable"
    TIMED_OUT = "timed_out"
    TOO_LARGE = "too_large"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What came back for one URL. ``content`` holds what was read (cut when too large)."""

    url: str | None
    status: FetchStatus
    content: bytes = b""
    http_status: int | None = None
    detail: str = ""

    @property
    def has_content(self) -> bool:
        return self.status in (FetchStatus.OK, FetchStatus.TOO_LARGE)


def host_allowed(host: str, patterns: tuple[str, ...]) -> bool:
    """Whether ``host`` matches one of the allowed patterns (``*.example.com`` style)."""
    host = host.lower()
    return any(fnmatch.fnmatchcase(host, pattern) for pattern in patterns)


def _is_local(url: str) -> bool:
    return url.startswith(("/", "./", "../", "file:")) or urlsplit(url).scheme == ""


class LogFetcher:
    """Fetches one URL at a time; safe to share between threads (requests pools connections)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.session = requests.Session()
        retry = Retry(
            total=settings.retries,
            connect=settings.retries,
            read=0,
            status=settings.retries,
            backoff_factor=0.2,
            status_forcelist=_RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_connections=8, pool_maxsize=16)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = "log-dashboard"

    def fetch(self, url: str | None) -> FetchResult:
        """Fetch ``url``; never raises for network or HTTP trouble."""
        if not url:
            return FetchResult(url, FetchStatus.NOT_RECORDED)
        return self._read_local(url) if _is_local(url) else self._download(url)

    def _read_local(self, url: str) -> FetchResult:
        if "file" not in self.settings.allowed_schemes:
            return FetchResult(url, FetchStatus.NOT_ALLOWED, detail="local files are not allowed")
        path = Path(unquote(urlsplit(url).path) if url.startswith("file:") else url)
        try:
            with path.open("rb") as handle:
                content = handle.read(self.settings.max_log_bytes + 1)
        except FileNotFoundError:
            return FetchResult(url, FetchStatus.NOT_FOUND, detail="no such file")
        except OSError as error:
            return FetchResult(url, FetchStatus.FAILED, detail=error.strerror or str(error))
        return self._capped(url, content, None)

    def _download(self, url: str) -> FetchResult:
        parts = urlsplit(url)
        if parts.scheme not in self.settings.allowed_schemes or parts.scheme not in (
            "http",
            "https",
        ):
            return FetchResult(url, FetchStatus.NOT_ALLOWED, detail=f"scheme {parts.scheme!r}")
        if not host_allowed(parts.hostname or "", self.settings.allowed_hosts):
            return FetchResult(url, FetchStatus.NOT_ALLOWED, detail=f"host {parts.hostname!r}")
        timeout = (self.settings.connect_timeout_s, self.settings.read_timeout_s)
        try:
            with self.session.get(url, timeout=timeout, stream=True) as response:
                if response.status_code == 404:
                    return FetchResult(url, FetchStatus.NOT_FOUND, http_status=404)
                if response.status_code >= 400:
                    return FetchResult(
                        url,
                        FetchStatus.FAILED,
                        http_status=response.status_code,
                        detail=f"HTTP {response.status_code} {response.reason}",
                    )
                content = self._read_capped(response)
                promised = int(response.headers.get("Content-Length") or 0)
                received = response.raw.tell()
                if len(content) <= self.settings.max_log_bytes and received < promised:
                    return FetchResult(
                        url,
                        FetchStatus.FAILED,
                        http_status=response.status_code,
                        detail=f"cut short: {received:,} of {promised:,} bytes arrived",
                    )
                return self._capped(url, content, response.status_code)
        except (requests.Timeout, TimeoutError) as error:
            return FetchResult(url, FetchStatus.TIMED_OUT, detail=_first_line(error))
        except requests.exceptions.ChunkedEncodingError as error:
            return FetchResult(url, FetchStatus.FAILED, detail=f"cut short: {_first_line(error)}")
        except requests.ConnectionError as error:
            if _caused_by_timeout(error):
                return FetchResult(url, FetchStatus.TIMED_OUT, detail=_first_line(error))
            return FetchResult(url, FetchStatus.UNREACHABLE, detail=_first_line(error))
        except requests.RequestException as error:
            return FetchResult(url, FetchStatus.FAILED, detail=_first_line(error))

    def _read_capped(self, response: requests.Response) -> bytes:
        limit = self.settings.max_log_bytes
        parts: list[bytes] = []
        size = 0
        for chunk in response.iter_content(_CHUNK):
            parts.append(chunk)
            size += len(chunk)
            if size > limit:
                break
        return b"".join(parts)

    def _capped(self, url: str, content: bytes, http_status: int | None) -> FetchResult:
        limit = self.settings.max_log_bytes
        if len(content) > limit:
            return FetchResult(
                url,
                FetchStatus.TOO_LARGE,
                content=content[:limit],
                http_status=http_status,
                detail=f"cut at {self.settings.max_log_mb:g} MB",
            )
        return FetchResult(url, FetchStatus.OK, content=content, http_status=http_status)


def _caused_by_timeout(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, TimeoutError) or "timed out" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]
