"""What the page says about each log state: plain words, never a stack trace."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.data.logs import LogReport, LogState
from dashboard.ids import Side


@dataclass(frozen=True, slots=True)
class StateMessage:
    title: str
    text: str
    tone: str
    retryable: bool


def describe(side: Side, report: LogReport) -> StateMessage:
    """The headline and explanation for one side's log, with whether a retry could help."""
    name = f"{side} log"
    detail = f" ({report.detail})" if report.detail else ""
    match report.state:
        case LogState.OK:
            return StateMessage("Loaded", f"The {name} was read.", "success", False)
        case LogState.NOT_RECORDED:
            return StateMessage(
                "Not recorded",
                f"No {name} was recorded for this connection.",
                "secondary",
                False,
            )
        case LogState.NOT_FOUND:
            return StateMessage(
                "Not found",
                f"The {name} is listed in the index, but the storage has no such file (404).",
                "danger",
                True,
            )
        case LogState.TIMED_OUT:
            return StateMessage(
                "Timed out",
                f"The storage did not answer in time for the {name}{detail}.",
                "warning",
                True,
            )
        case LogState.UNREACHABLE:
            return StateMessage(
                "Unreachable",
                f"The storage holding the {name} could not be reached{detail}.",
                "warning",
                True,
            )
        case LogState.TOO_LARGE:
            return StateMessage(
                "Cut short",
                f"The {name} is larger than the size limit: only its beginning is shown{detail}.",
                "warning",
                False,
            )
        case LogState.NOT_ALLOWED:
            return StateMessage(
                "Not allowed",
                f"The {name} is at an address this dashboard is not configured to fetch{detail}.",
                "danger",
                False,
            )
        case LogState.EMPTY:
            return StateMessage("Empty", f"The {name} exists but is empty.", "secondary", False)
        case LogState.UNRECOGNIZED:
            return StateMessage(
                "Unknown format",
                f"The {name} was downloaded but is not in a log format this dashboard knows.",
                "danger",
                False,
            )
        case _:
            return StateMessage(
                "Failed", f"The {name} could not be downloaded{detail}.", "danger", True
            )
