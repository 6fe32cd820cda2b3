"""Turn a log message into its template, so that messages differing only in values group."""

from __future__ import annotations

import re

_PLACEHOLDERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\"[^\"]*\"|'[^']*'"), "<str>"),
    (re.compile(r"(?:[A-Za-z]:\\|\\\\)[^\s:]+|(?<![\w.])/[\w.\-]+(?:/[\w.\-]*)+"), "<path>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<ip>"),
    (
        re.compile(
            r"\b0[xX][0-9a-fA-F]+\b|\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}\b"
        ),
        "<hex>",
    ),
    (re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?"), "<n>"),
)


def to_template(message: str) -> str:
    """Replace quoted strings, paths, IPs, hex and numbers with placeholders.

    >>> to_template("Frame dropped with ID 2: 18/23")
    'Frame dropped with ID <n>: <n>/<n>'
    """
    text = message.strip()
    for pattern, placeholder in _PLACEHOLDERS:
        text = pattern.sub(placeholder, text)
    return text
