"""What the page says for each log state."""

from __future__ import annotations

import pytest

from dashboard.data.fetch import FetchResult, FetchStatus
from dashboard.data.logs import LogReport, LogState, report_from_fetch
from dashboard.messages import describe

RETRYABLE = {LogState.NOT_FOUND, LogState.TIMED_OUT, LogState.UNREACHABLE, LogState.FAILED}


@pytest.mark.parametrize("state", list(LogState))
def test_every_state_has_plain_words(state: LogState) -> None:
    message = describe("client", LogReport("http://x/a.txt", state, detail="why"))
    assert message.title and message.text.endswith(".")
    assert "client log" in message.text
    assert message.retryable == (state in RETRYABLE)
    assert "Traceback" not in message.text


def test_titles_tell_states_apart() -> None:
    titles = {describe("server", LogReport("u", state)).title for state in LogState}
    assert len(titles) == len(LogState)


def test_the_brief_wording_for_a_missing_log() -> None:
    text = describe("client", LogReport(None, LogState.NOT_RECORDED)).text
    assert text == "No client log was recorded for this connection."


@pytest.mark.parametrize(
    ("result", "state"),
    [
        (FetchResult("u", FetchStatus.NOT_FOUND, http_status=404), LogState.NOT_FOUND),
        (FetchResult("u", FetchStatus.TIMED_OUT), LogState.TIMED_OUT),
        (FetchResult("u", FetchStatus.OK, b""), LogState.EMPTY),
        (FetchResult("u", FetchStatus.OK, b"just text\n"), LogState.UNRECOGNIZED),
        (
            FetchResult("u", FetchStatus.TOO_LARGE, b"10:00:00:000 | INFO    | a | f:1 | x\n"),
            LogState.TOO_LARGE,
        ),
        (
            FetchResult("u", FetchStatus.OK, b"10:00:00:000 | INFO    | a | f:1 | x\n"),
            LogState.OK,
        ),
    ],
)
def test_fetch_outcomes_become_states(result: FetchResult, state: LogState) -> None:
    report = report_from_fetch(result)
    assert report.state is state
    assert (report.parsed is not None) == (result.status in (FetchStatus.OK, FetchStatus.TOO_LARGE))
