"""Pure log parsing: bytes in, a typed :class:`ParsedLog` out.

Nothing in this package touches the network or Dash. See ``log-format.md`` in the brief for the
format it reads; :func:`parse_log` never raises on a file's content.
"""

from parsing.metrics import METRICS, Metric
from parsing.model import ErrorKind, MetricSeries, MetricSummary, ParsedLog
from parsing.parser import parse_log
from parsing.templates import to_template

__all__ = [
    "METRICS",
    "ErrorKind",
    "Metric",
    "MetricSeries",
    "MetricSummary",
    "ParsedLog",
    "parse_log",
    "to_template",
]
