"""Find every line of a log and read its header, vectorised with numpy.

A *headed* line starts ``HH:MM:SS:fff | LEVEL   | `` (or ``HH:MM:SS:ffffff``) and has its five
``|``-separated fields. Every other non-empty line (continuation, plain print, a line cut in
half) is kept as a line with no level.

Speed comes from touching the file as few times as possible: one pass finds every ``\\n`` and
``|``; one gather copies the first bytes of every line into a small table, read as 64-bit words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import as_strided

from parsing.model import LEVELS, US_PER_SECOND

Bytes = npt.NDArray[np.uint8]
Ints = npt.NDArray[np.int64]

BOM = b"\xef\xbb\xbf"
NO_LEVEL = -1
WINDOW = 32
_CHUNK = 1 << 20
_WHITESPACE = b" \t\r\x0b\x0c"
_LEVEL_WIDTH = 12
_LEVEL_PATTERNS = tuple(f" | {level:<7} |".encode() for level in LEVELS)
_DAY_US = 86_400 * US_PER_SECOND
_WRAP_US = 3_600 * US_PER_SECOND
_MESSAGE_PIPE = 4


def _bytes_mask(positions: tuple[int, ...]) -> np.uint64:
    return np.uint64(sum(0xFF << (8 * p) for p in positions))


def _bytes_value(text: str, positions: tuple[int, ...]) -> np.uint64:
    return np.uint64(sum(ord(text[p]) << (8 * p) for p in positions))


# "HH:MM:SS" is exactly the first 64-bit word of a headed line (little-endian).
_CLOCK_DIGITS = (0, 1, 3, 4, 6, 7)
_CLOCK_COLONS = (2, 5)
# The second word: ":fff | L" (milliseconds) or ":ffffff " (microseconds).
_MILLI_DIGITS = (1, 2, 3)
_MICRO_DIGITS = (1, 2, 3, 4, 5, 6)


def _all_digits(word: npt.NDArray[np.uint64], positions: tuple[int, ...]) -> npt.NDArray[np.bool_]:
    """Whether every byte at ``positions`` of each word is an ASCII digit (SWAR)."""
    mask = _bytes_mask(positions)
    high = np.uint64(sum(0xF0 << (8 * p) for p in positions))
    threes = np.uint64(sum(0x30 << (8 * p) for p in positions))
    sixes = np.uint64(sum(0x06 << (8 * p) for p in positions))
    digits: npt.NDArray[np.bool_] = (word & high) == threes
    digits &= ((word & mask) + sixes) & high == threes
    return digits


def _byte(word: npt.NDArray[np.uint64], position: int) -> npt.NDArray[np.uint64]:
    return (word >> np.uint64(8 * position)) & np.uint64(0xFF)


def _weighted(word: npt.NDArray[np.uint64], weights: dict[int, int]) -> Ints:
    """Sum of ``weight * digit`` over the digit bytes of each word (bytes minus ``'0'``)."""
    total = np.zeros(word.size, dtype=np.uint64)
    for position, weight in weights.items():
        total += _byte(word, position) * np.uint64(weight)
    offset = sum(ord("0") * weight for weight in weights.values())
    return (total - np.uint64(offset)).astype(np.int64)


# Microseconds contributed by each digit of "HH:MM:SS" and of ":ffffff".
_CLOCK_WEIGHTS = {0: 36_000, 1: 3_600, 3: 600, 4: 60, 6: 10, 7: 1}
_MILLI_WEIGHTS = {1: 100_000, 2: 10_000, 3: 1_000}
_MICRO_WEIGHTS = {1: 100_000, 2: 10_000, 3: 1_000, 4: 100, 5: 10, 6: 1}


@dataclass(frozen=True, slots=True)
class LineTable:
    """Where each line of a file sits, and what its header says.

    ``level`` indexes :data:`parsing.model.LEVELS` (or is ``NO_LEVEL``); ``time_us`` holds, for
    headed lines, microseconds since midnight of the first headed line's day, midnight wraps
    counted; ``message_at`` is where a headed line's message starts (-1 for other lines).
    """

    starts: Ints
    ends: Ints
    nonempty: npt.NDArray[np.bool_]
    level: npt.NDArray[np.int8]
    time_us: Ints
    message_at: Ints

    @property
    def headed(self) -> npt.NDArray[np.bool_]:
        headed: npt.NDArray[np.bool_] = self.level != NO_LEVEL
        return headed


def _separators(view: Bytes) -> tuple[Ints, Ints]:
    """Positions of every ``\\n``, and for each its rank among all ``\\n`` and ``|`` bytes.

    Found in chunks, so the temporary masks stay small whatever the file's size.
    """
    found = []
    for offset in range(0, view.size, _CHUNK):
        chunk = view[offset : offset + _CHUNK]
        mask = chunk == ord("\n")
        mask |= chunk == ord("|")
        found.append(np.flatnonzero(mask) + offset)
    positions = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
    rank = np.flatnonzero(view[positions] == ord("\n"))
    return positions, rank


def windows(view: Bytes, starts: Ints, width: int = WINDOW) -> Bytes:
    """The first ``width`` bytes from every start as rows (zeros past the end of the file).

    One gather of whole rows touches each line once; gathering a byte column at a time would
    walk the whole file again for every column.
    """
    out = np.zeros((starts.size, width), dtype=np.uint8)
    limit = view.size - width
    inside = int(np.searchsorted(starts, limit, side="right")) if limit >= 0 else 0
    if inside:
        rows = as_strided(view, shape=(limit + 1, width), strides=(1, 1), writeable=False)
        out[:inside] = rows[starts[:inside]]
    for i in range(inside, starts.size):
        tail = view[starts[i] : starts[i] + width]
        out[i, : tail.size] = tail
    return out


def _nonempty(data: bytes, view: Bytes, starts: Ints, ends: Ints) -> npt.NDArray[np.bool_]:
    """A line is empty when it holds only whitespace."""
    nonempty = ends > starts
    first = view[np.minimum(starts, max(view.size - 1, 0))] if view.size else starts
    maybe_blank = np.flatnonzero(nonempty & np.isin(first, np.frombuffer(_WHITESPACE, np.uint8)))
    for i in maybe_blank.tolist():
        nonempty[i] = bool(data[starts[i] : ends[i]].strip(_WHITESPACE))
    return nonempty


def _level_of(window: Bytes, offset: int) -> npt.NDArray[np.int8]:
    """Which level pattern sits at ``offset`` of each row (``NO_LEVEL`` if none)."""
    field = np.ascontiguousarray(window[:, offset : offset + _LEVEL_WIDTH])
    as_text = field.view(f"S{_LEVEL_WIDTH}").ravel()
    level = np.full(window.shape[0], NO_LEVEL, dtype=np.int8)
    for code, pattern in enumerate(_LEVEL_PATTERNS):
        level[as_text == pattern] = code
    return level


def _read_headers(view: Bytes, starts: Ints, ends: Ints) -> tuple[npt.NDArray[np.int8], Ints]:
    """Level and clock (microseconds since midnight, midnight wraps counted) of every line."""
    level = np.full(starts.size, NO_LEVEL, dtype=np.int8)
    time_us = np.zeros(starts.size, dtype=np.int64)
    rows = np.flatnonzero(ends - starts >= 12 + _LEVEL_WIDTH)
    if rows.size == 0:
        return level, time_us
    window = windows(view, starts[rows])
    words = window.view("<u8")
    clock, fraction = words[:, 0], words[:, 1]
    ok = _all_digits(clock, _CLOCK_DIGITS)
    ok &= (clock & _bytes_mask(_CLOCK_COLONS)) == _bytes_value("HH:MM:SS", _CLOCK_COLONS)
    ok &= window[:, 8] == ord(":")
    micro = _all_digits(fraction, _MICRO_DIGITS) & (window[:, 15] == ord(" "))
    milli = _all_digits(fraction, _MILLI_DIGITS) & (window[:, 12] == ord(" ")) & ~micro
    row_level = np.where(micro, _level_of(window, 15), _level_of(window, 12))
    ok &= (micro | milli) & (row_level != NO_LEVEL)
    ok &= (_byte(clock, 0) < ord("2")) | (
        (_byte(clock, 0) == ord("2")) & (_byte(clock, 1) < ord("4"))
    )
    ok &= (_byte(clock, 3) < ord("6")) & (_byte(clock, 6) < ord("6"))
    clock_us = _weighted(clock, _CLOCK_WEIGHTS) * US_PER_SECOND
    clock_us[~micro] += _weighted(fraction[~micro], _MILLI_WEIGHTS)
    clock_us[micro] += _weighted(fraction[micro], _MICRO_WEIGHTS)
    headed = rows[ok]
    level[headed] = row_level[ok]
    clock_us = clock_us[ok]
    wraps = np.concatenate(([0], np.cumsum(np.diff(clock_us) < -_WRAP_US)))
    time_us[headed] = clock_us + wraps * _DAY_US
    return level, time_us


def _message_starts(positions: Ints, newline_rank: Ints, level: npt.NDArray[np.int8]) -> Ints:
    """Where each headed line's message starts: two bytes past its fourth ``|``."""
    first_separator = np.concatenate(([0], newline_rank + 1))[: level.size]
    line_end_rank = np.concatenate((newline_rank, [positions.size]))[: level.size]
    fourth = first_separator + _MESSAGE_PIPE - 1
    found = (level != NO_LEVEL) & (fourth < line_end_rank)
    message_at = np.full(level.size, -1, dtype=np.int64)
    message_at[found] = positions[fourth[found]] + 2
    return message_at


def scan_lines(data: bytes) -> LineTable:
    """Split ``data`` into lines (LF or CRLF, optional BOM) and read each header."""
    view = np.frombuffer(data, dtype=np.uint8)
    positions, newline_rank = _separators(view)
    newlines = positions[newline_rank]
    starts = np.concatenate(([0], newlines + 1))
    ends = np.concatenate((newlines, [len(data)]))
    if starts[-1] == len(data):
        starts, ends = starts[:-1], ends[:-1]
    if data.startswith(BOM) and starts.size:
        starts[0] = len(BOM)
    carriage = ends > starts
    carriage[carriage] = view[ends[carriage] - 1] == ord("\r")
    ends = ends - carriage
    level, time_us = _read_headers(view, starts, ends)
    return LineTable(
        starts=starts,
        ends=ends,
        nonempty=_nonempty(data, view, starts, ends),
        level=level,
        time_us=time_us,
        message_at=_message_starts(positions, newline_rank, level),
    )
