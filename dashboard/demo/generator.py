"""A deterministic generator of realistic client and server logs and their index.

Each connection is planned from the seed (user, version, time, length, which logs exist), then
its files are written from a random stream of its own, so the output depends only on the seed,
the sizes asked for and the template list at hand. The story it plants for the insights to find:
one release (``BAD_VERSION``) with clearly more trouble, one user (``POOR_NETWORK_USER``) with a
poor network, and trouble episodes in which warnings and errors cluster while latency rises.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np

from dashboard.demo import catalogue as cat
from dashboard.demo.catalogue import Side, Template

Era = Literal["early", "mid", "late"]


@dataclass(frozen=True, slots=True)
class Release:
    version: str
    era: Era
    trouble: float
    share: float


RELEASES: tuple[Release, ...] = (
    Release("3f1c0a2-1B1D1F08", "early", 1.0, 0.26),
    Release("5d86106-419F01E4", "mid", 1.0, 0.20),
    Release("8a2be41-0C6E22A1", "mid", 0.8, 0.16),
    Release("b7f4e90-77D01C3B", "mid", 1.0, 0.12),
    Release("c19d5e7-5E0A9F44", "late", 5.0, 0.11),
    Release("e60a3b8-2303735A", "late", 0.9, 0.09),
    Release("f2d8c61-2C2C0A7E", "late", 1.0, 0.06),
)
BAD_VERSION = "c19d5e7-5E0A9F44"
POOR_NETWORK_USER = "priya.natarajan@example.com"
_FIRST_NAMES = (
    "alex",
    "sam",
    "jordan",
    "taylor",
    "morgan",
    "casey",
    "riley",
    "jamie",
    "avery",
    "quinn",
    "li",
    "omar",
    "sofia",
    "mateo",
    "hana",
    "noah",
    "zara",
    "ivan",
    "elena",
    "kofi",
)
_LAST_NAMES = (
    "kim",
    "garcia",
    "nguyen",
    "smith",
    "rossi",
    "okafor",
    "tanaka",
    "silva",
    "novak",
    "cohen",
)
_LAST_RECEIVED = dt.datetime(2026, 11, 20, 23, 50)
_SPAN_DAYS = 14
_DAY_US = 86_400 * 1_000_000
_WINDOWS_ROOT = "C:\\Users\\Fractal\\protocol\\server\\"


@dataclass(frozen=True, slots=True)
class Connection:
    """The plan of one connection: what its index record says and how its logs behave."""

    connection_id: int
    username: str | None
    ip: str
    version: str | None
    era: Era
    trouble: float
    received: dt.datetime
    end: dt.datetime
    duration_s: float
    client_file: str | None
    server_file: str | None
    microsecond_client: bool
    poor_network: bool

    def record(self, base_url: str) -> dict[str, object]:
        def url(name: str | None) -> str | None:
            return None if name is None else f"{base_url}{name}"

        return {
            "client_logs": url(self.client_file),
            "server_logs": url(self.server_file),
            "connection_id": self.connection_id,
            "ip": self.ip,
            "last_updated": self.received.strftime("%m/%d/%Y, %H:%M"),
            "username": self.username,
            "version": self.version,
        }


def _users(rng: np.random.Generator, count: int) -> tuple[list[str], np.ndarray]:
    names = {POOR_NETWORK_USER}
    while len(names) < count:
        names.add(f"{rng.choice(_FIRST_NAMES)}.{rng.choice(_LAST_NAMES)}@example.com")
    users = sorted(names)
    weights = 1.0 / np.arange(1, count + 1) ** 0.9
    rng.shuffle(weights)
    weights[users.index(POOR_NETWORK_USER)] = max(weights.mean(), 0.08 * weights.sum())
    return users, weights / weights.sum()


def plan_connections(count: int, seed: int) -> list[Connection]:
    """Plan ``count`` connections with the index shape of the original challenge."""
    rng = np.random.default_rng(seed)
    users, user_weights = _users(rng, 40)
    user_ips = {
        user: f"{rng.integers(13, 53)}.{rng.integers(60, 250)}.{rng.integers(0, 255)}."
        f"{rng.integers(1, 255)}"
        for user in users
    }
    release_shares = np.array([r.share for r in RELEASES])
    ids = rng.choice(np.arange(10_000, 10_000 + 5 * count), size=count, replace=False)
    plans = []
    for i in range(count):
        user = users[rng.choice(len(users), p=user_weights)]
        release = RELEASES[rng.choice(len(RELEASES), p=release_shares / release_shares.sum())]
        duration = float(np.clip(rng.lognormal(np.log(300), 0.9), 60, 4 * 3600))
        if rng.random() < 0.004:
            duration = float(rng.uniform(4, 8) * 3600)
        received = _LAST_RECEIVED - dt.timedelta(seconds=float(rng.uniform(0, _SPAN_DAYS * 86400)))
        if rng.random() < 0.03:
            received = received.replace(hour=0, minute=int(rng.integers(1, 20)))
        end = received - dt.timedelta(seconds=float(rng.uniform(1, 50)))
        sides = rng.random()
        has_server, has_client = (True, False) if sides < 0.80 else (True, True)
        if sides > 0.98:
            has_server = False
        plans.append(
            Connection(
                connection_id=int(ids[i]),
                username=None if rng.random() < 0.1 else user,
                ip=user_ips[user],
                version=None if rng.random() < 0.025 else release.version,
                era=release.era,
                trouble=release.trouble,
                received=received.replace(second=0, microsecond=0) + dt.timedelta(minutes=1),
                end=end,
                duration_s=duration,
                client_file=f"client{ids[i]}.txt" if has_client else None,
                server_file=f"server{ids[i]}.txt" if has_server else None,
                microsecond_client=bool(rng.random() < 0.4),
                poor_network=user == POOR_NETWORK_USER,
            )
        )
    return plans


@dataclass(frozen=True, slots=True)
class Event:
    offset_us: int
    template: Template | None
    message: str
    continuation: tuple[str, ...] = ()


class _LogWriter:
    """Builds one side's log for one connection from its own random stream."""

    def __init__(self, plan: Connection, side: Side, extra: Sequence[Template], seed: int) -> None:
        self.plan = plan
        self.side = side
        self.extra_info = [t for t in extra if t.level == "INFO"]
        self.extra_trouble = [t for t in extra if t.level != "INFO"]
        self.rng = np.random.default_rng([seed, plan.connection_id, side == "server"])
        self.duration_us = int(plan.duration_s * 1_000_000)
        self.events: list[Event] = []
        self.episodes = self._episodes()

    def _episodes(self) -> np.ndarray:
        rate = 2.0 * self.plan.trouble * (3.0 if self.plan.poor_network else 1.0)
        count = self.rng.poisson(rate * self.plan.duration_s / 3600)
        starts = np.sort(self.rng.uniform(0, self.plan.duration_s, count))
        lengths = self.rng.uniform(20, 120, count)
        return np.stack([starts, starts + lengths], axis=1) * 1_000_000

    def in_episode(self, offsets: np.ndarray) -> np.ndarray:
        inside = np.zeros(offsets.shape, dtype=bool)
        for start, stop in self.episodes:
            inside |= (offsets >= start) & (offsets < stop)
        return inside

    def ticks(self, every_s: float) -> np.ndarray:
        base = np.arange(0, self.plan.duration_s, every_s) * 1_000_000
        return (base + self.rng.uniform(0, every_s * 0.1, base.size) * 1_000_000).astype(np.int64)

    def poisson_times(self, rate_per_s: float, mask_episode: bool = False) -> np.ndarray:
        count = self.rng.poisson(rate_per_s * self.plan.duration_s)
        times = np.sort(self.rng.uniform(0, self.duration_us, count)).astype(np.int64)
        return times[self.in_episode(times)] if mask_episode else times

    def add(
        self, offsets: np.ndarray, template: Template, values: np.ndarray | None = None
    ) -> None:
        text = template.text.removesuffix("\\n")
        if values is None:
            self.events.extend(Event(int(t), template, template.render(self.rng)) for t in offsets)
        else:
            prefix = text.split("%f")[0]
            self.events.extend(
                Event(int(t), template, f"{prefix}{v:f}")
                for t, v in zip(offsets, values, strict=True)
            )

    def add_random(self, offsets: np.ndarray, templates: Sequence[Template], zipf: bool) -> None:
        if not templates or offsets.size == 0:
            return
        weights = 1.0 / np.arange(1, len(templates) + 1) ** (1.3 if zipf else 0.0)
        picks = self.rng.choice(len(templates), size=offsets.size, p=weights / weights.sum())
        for t, pick in zip(offsets, picks, strict=True):
            template = templates[pick]
            self.events.append(Event(int(t), template, template.render(self.rng)))

    def trouble(self, own: Sequence[Template]) -> None:
        calm = 0.01 * self.plan.trouble
        self.add_random(self.poisson_times(calm), own, zipf=True)
        self.add_random(self.poisson_times(1.2, mask_episode=True), own, zipf=True)
        self.add_random(self.poisson_times(0.002), self.extra_trouble, zipf=False)

    def client(self) -> None:
        start = np.arange(len(cat.CLIENT_START)) * 150_000
        for t, template in zip(start, cat.CLIENT_START, strict=True):
            self.add(np.array([t]), template)
        pings = self.ticks(0.5)
        base = 0.025 * (3.2 if self.plan.poor_network else 1.0) * self.rng.lognormal(0, 0.15)
        latency = base * self.rng.lognormal(0, 0.22, pings.size)
        spikes = self.rng.random(pings.size) < 0.015
        latency[spikes] *= self.rng.uniform(3, 10, spikes.sum())
        latency[self.in_episode(pings)] *= self.rng.uniform(2.5, 6)
        self.add(pings + 20_000, cat.LATENCY, latency)
        self.add(pings[::5], cat.PING)
        frames = self.ticks(1 / 3)
        decode = self.rng.uniform(0.003, 0.006) * self.rng.lognormal(0, 0.2, frames.size)
        decode[self.in_episode(frames)] *= 1.6
        self.add(frames, cat.DECODE, np.clip(decode, 0.0015, 0.04))
        self.add(self.ticks(10.0), cat.FRAME_DECODE)
        self.add_random(
            self.poisson_times(0.25), cat.CLIENT_BACKGROUND + tuple(self.extra_info), False
        )
        self.trouble(cat.CLIENT_TROUBLE)

    def server(self) -> None:
        if self.rng.random() < 0.2:
            self.events.extend(Event(0, None, text) for text in cat.HEADERLESS[:2])
        for i, template in enumerate(cat.SERVER_START):
            self.add(np.array([i * 400_000]), template)
        frames = self.ticks(1.0)
        encode = self.rng.uniform(0.004, 0.011) * self.rng.lognormal(0, 0.18, frames.size)
        encode[self.in_episode(frames)] *= self.rng.uniform(1.4, 2.2)
        size = 25_000 * self.rng.lognormal(0, 0.25) * self.rng.lognormal(0, 0.2, frames.size)
        bursts = self.rng.random(frames.size) < 0.03
        size[bursts] *= self.rng.uniform(3, 6, bursts.sum())
        self.add(frames, cat.LONGEST_ENCODE_TIME, encode * self.rng.uniform(1.2, 2.5, frames.size))
        self.add(frames + 1, cat.ENCODE_TIME, np.clip(encode, 0.003, 0.08))
        self.add(frames + 2, cat.LONGEST_ENCODE_SIZE, size * self.rng.uniform(1.3, 3, frames.size))
        self.add(frames + 3, cat.ENCODE_SIZE, size)
        self.add_random(
            self.poisson_times(0.4), cat.SERVER_BACKGROUND + tuple(self.extra_info), False
        )
        version = self.plan.version or "unknown"
        for t in self.ticks(30.0):
            body = tuple(line.replace("%s", version) for line in cat.POST_BODY)
            self.events.append(Event(int(t), cat.POST_REQUEST, cat.POST_REQUEST.text, body))
        self.trouble(cat.SERVER_TROUBLE)

    def render(self) -> str:
        getattr(self, self.side)()
        self.events.sort(key=lambda e: e.offset_us)
        start_of_day = self.plan.end - dt.timedelta(seconds=self.plan.duration_s)
        day_start_us = (
            (start_of_day.hour * 60 + start_of_day.minute) * 60 + start_of_day.second
        ) * 1_000_000 + start_of_day.microsecond
        micro = self.side == "client" and self.plan.microsecond_client
        lines = [self._format(event, day_start_us, micro) for event in self.events]
        text = "".join(lines)
        if self.side == "server" and self.rng.random() < 0.4:
            text = text[int(self.rng.integers(5, 40)) :]
        return text

    def _format(self, event: Event, day_start_us: int, micro: bool) -> str:
        if event.template is None:
            return event.message + "\n"
        clock = (day_start_us + event.offset_us) % _DAY_US
        seconds, fraction = divmod(clock, 1_000_000)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        stamp = (
            f"{hour:02d}:{minute:02d}:{second:02d}:{fraction:06d}"
            if micro
            else f"{hour:02d}:{minute:02d}:{second:02d}:{fraction // 1000:03d}"
        )
        t = event.template
        era = self.plan.era
        file = _WINDOWS_ROOT + t.file if era == "late" and self.side == "server" else t.file
        if era == "early":
            head = f"{stamp} | {t.level:<7} | {file:<15} | {t.function}:{t.line} | "
        else:
            head = f"{stamp} | {t.level:<7} | {file:<15} | {t.function:>30}:{t.line:<5} | "
        tail = " " if era == "late" else ""
        text = head + event.message + tail + "\n"
        if event.continuation:
            marker = "|    " if era == "late" else ""
            text += "".join(f"{marker}{line}{tail}\n" for line in event.continuation)
        if t.ends_in_newline and era != "late":
            text += "\n"
        return text


_worker_templates: dict[Side, tuple[Template, ...]] = {}


def _init_worker(templates: Path | None) -> None:
    for side in ("client", "server"):
        _worker_templates[side] = cat.load_templates(templates, side)


def _write_connection(job: tuple[Connection, Path, int]) -> int:
    plan, logs_dir, seed = job
    written = 0
    for side, name in (("client", plan.client_file), ("server", plan.server_file)):
        if name is not None:
            text = _LogWriter(plan, side, _worker_templates[side], seed).render()
            written += (logs_dir / name).write_text(text, encoding="utf-8")
    return written


def _records(plans: list[Connection], total: int, seed: int) -> Iterator[Connection]:
    """The unique connections, then as many reusing their log files as ``total`` asks."""
    yield from plans
    rng = np.random.default_rng([seed, total])
    ids = rng.choice(np.arange(10, 20 * total), size=max(total - len(plans), 0), replace=False)
    taken = {p.connection_id for p in plans}
    for i, new_id in enumerate(ids):
        if int(new_id) not in taken:
            yield replace(plans[i % len(plans)], connection_id=int(new_id))


@dataclass(frozen=True, slots=True)
class GenerationResult:
    index_path: Path
    records: int
    log_files: int
    bytes_written: int


def generate(
    out_dir: Path,
    *,
    records: int = 2000,
    files: int = 2000,
    seed: int = 7,
    base_url: str = "",
    templates: Path | None = None,
    processes: int | None = None,
) -> GenerationResult:
    """Write ``out_dir/index.json`` and ``out_dir/logs/*.txt``; return what was written."""
    logs_dir = out_dir / "logs"
    logs_dir.mkdir(parents=True, exist_ok=True)
    plans = plan_connections(min(records, files), seed)
    jobs = [(plan, logs_dir, seed) for plan in plans]
    workers = processes or os.cpu_count() or 1
    with multiprocessing.get_context("fork").Pool(workers, _init_worker, (templates,)) as pool:
        written = sum(pool.imap_unordered(_write_connection, jobs, chunksize=8))
    index = sorted(_records(plans, records, seed), key=lambda c: c.received, reverse=True)
    index_path = out_dir / "index.json"
    with index_path.open("w", encoding="utf-8") as handle:
        json.dump([c.record(base_url) for c in index], handle, indent=0)
    log_files = sum((p.client_file is not None) + (p.server_file is not None) for p in plans)
    return GenerationResult(index_path, len(index), log_files, written)
