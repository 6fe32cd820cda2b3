"""The raw log viewer's model: a file's lines, filtered by level and text, served in blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from parsing.lines import NO_LEVEL, LineTable, scan_lines
from parsing.model import LEVELS, format_offset

LevelFilter = Literal["all", "trouble", "ERROR", "WARNING"]
Positions = npt.NDArray[np.int64]
_TROUBLE = np.array([LEVELS.index("WARNING"), LEVELS.index("ERROR")], dtype=np.int8)


@dataclass
class LogLines:
    """One file's non-empty lines; views (level and text filters) are cached."""

    raw: bytes
    table: LineTable = field(init=False)
    _views: dict[tuple[str, str], Positions] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.table = scan_lines(self.raw)

    def view(self, level: LevelFilter = "all", search: str = "") -> Positions:
        """Indices (into the file's lines) of the non-empty lines that pass both filters."""
        key = (level, search.lower())
        if key not in self._views:
            keep = self.table.nonempty.copy()
            if level == "trouble":
                keep &= np.isin(self.table.level, _TROUBLE)
            elif level in ("ERROR", "WARNING"):
                keep &= self.table.level == LEVELS.index(level)
            if search:
                keep &= self._containing(search)
            self._views[key] = np.flatnonzero(keep)
        return self._views[key]

    def _containing(self, search: str) -> npt.NDArray[np.bool_]:
        needle = re.escape(search.encode("utf-8", errors="replace"))
        hits = np.fromiter(
            (m.start() for m in re.finditer(needle, self.raw, flags=re.IGNORECASE)), dtype=np.int64
        )
        lines = np.searchsorted(self.table.starts, hits, side="right") - 1
        found = np.zeros(self.table.starts.size, dtype=bool)
        found[lines[lines >= 0]] = True
        return found

    def rows(self, view: Positions, start: int, end: int) -> list[dict[str, Any]]:
        """Grid rows for positions ``start:end`` of a view: number, time, level, text."""
        out = []
        for line in view[start:end].tolist():
            level = int(self.table.level[line])
            begin = int(self.table.message_at[line]) if level != NO_LEVEL else -1
            text_from = begin if begin >= 0 else int(self.table.starts[line])
            text = self.raw[text_from : self.table.ends[line]].decode("utf-8", errors="replace")
            out.append(
                {
                    "n": line + 1,
                    "time": (
                        format_offset(None, int(self.table.time_us[line]))
                        if level != NO_LEVEL
                        else ""
                    ),
                    "level": LEVELS[level] if level != NO_LEVEL else "",
                    "text": text.rstrip(),
                }
            )
        return out

    def nearest(self, view: Positions, offset_us: int) -> int | None:
        """The position in ``view`` of the headed line closest in time to ``offset_us``."""
        headed = view[self.table.level[view] != NO_LEVEL]
        if headed.size == 0:
            return None
        times = self.table.time_us[headed]
        best = int(headed[int(np.argmin(np.abs(times - offset_us)))])
        return int(np.searchsorted(view, best))

    def next_trouble(self, view: Positions, after: int, step: int) -> int | None:
        """The position in ``view`` of the next ERROR (or WARNING) line after position ``after``
        (``step`` -1 looks backwards); errors first, warnings when there is no error."""
        for wanted in (LEVELS.index("ERROR"), LEVELS.index("WARNING")):
            positions = np.flatnonzero(self.table.level[view] == wanted)
            ahead = positions[positions > after] if step > 0 else positions[positions < after][::-1]
            if ahead.size:
                return int(ahead[0])
        return None
