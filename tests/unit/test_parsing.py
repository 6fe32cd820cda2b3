"""The parser on small inline samples: every line variant and every kind of bad input."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from parsing import parse_log, to_template

CLIENT = (
    b"21:02:13:048213 | INFO    | server_message_handler.c |              handlePongMessage:82    "
    b"| Latency: 0.024405\n"
    b"21:02:13:051877 | INFO    | videodecode.c   |           video_decoder_decode:490   "
    b"| Avg Decode Time: 0.003121\n"
    b"\n"
    b"21:02:14:120662 | WARNING | main.c          |                         update:193   "
    b"| Ping received no response: 58\n"
    b"21:02:14:200000 | INFO    | main.c          |                         update:181   "
    b"| Ping! 57\n"
    b"21:02:14:300000 | INFO    | video.c         |                   RenderScreen:338   "
    b"| Decode Time: 0.5\n"
)
SERVER = (
    b"21:02:16:311 | INFO    | main.c          |                      SendVideo:347   "
    b"| Longest Encode Time: 0.009\n"
    b"21:02:16:311 | INFO    | main.c          |                      SendVideo:348   "
    b"| Average Encode Time: 0.004512\n"
    b"21:02:16:311 | INFO    | main.c          |                      SendVideo:349   "
    b"| Longest Encode Size: 90000.0\n"
    b"21:02:16:311 | INFO    | main.c          |                      SendVideo:350   "
    b"| Average Encode Size: 26008.000000\n"
    b"21:02:20:004 | ERROR   | main.c          |                      SendVideo:323   "
    b"| Error encoding video frame!\n"
)


def test_client_metrics_match_exact_messages_only() -> None:
    parsed = parse_log(CLIENT)
    assert parsed.series["latency"].values.tolist() == [0.024405]
    assert parsed.series["decode_time"].values.tolist() == [0.003121]
    assert parsed.series["encode_time"].values.size == 0
    assert parsed.lines == 5
    assert parsed.headed_lines == 5
    assert parsed.levels == {"DEBUG": 0, "INFO": 4, "WARNING": 1, "ERROR": 0}


def test_server_metrics_ignore_longest_decoys() -> None:
    parsed = parse_log(SERVER)
    assert parsed.series["encode_time"].values.tolist() == [0.004512]
    assert parsed.series["encode_size"].values.tolist() == [26008.0]
    assert parsed.errors == 1
    assert parsed.error_pct == pytest.approx(20.0)


def test_times_in_both_precisions() -> None:
    parsed = parse_log(CLIENT + SERVER)
    latency = parsed.series["latency"]
    encode = parsed.series["encode_time"]
    assert latency.offsets_us.tolist() == [((21 * 60 + 2) * 60 + 13) * 1_000_000 + 48213]
    assert encode.offsets_us.tolist() == [((21 * 60 + 2) * 60 + 16) * 1_000_000 + 311_000]
    assert parsed.duration_s == pytest.approx(20.004 - 13.048213)


def test_unpadded_function_windows_path_and_trailing_space() -> None:
    data = (
        b"21:55:46:734 | WARNING | network.c       | CreateUDPClientContext:1102 | Connected!\n"
        b"15:36:46:001 | INFO    | C:\\Users\\Fractal\\protocol\\server\\main.c |"
        b"                      SendVideo:348   | Average Encode Time: 0.015 \n"
    )
    parsed = parse_log(data)
    assert parsed.headed_lines == 2
    assert parsed.series["encode_time"].values.tolist() == [0.015]


def test_message_may_contain_pipes() -> None:
    data = b"10:00:00:000 | INFO    | a.c             | f:1 | Latency: 0.5 | extra\n"
    parsed = parse_log(data)
    assert parsed.headed_lines == 1
    assert parsed.series["latency"].values.size == 0


@pytest.mark.parametrize(
    "value", [b"nan", b"-nan(ind)", b"inf", b"-inf", b"", b"0.02 ms", b"abc", b"1e999"]
)
def test_values_that_are_not_finite_numbers_are_skipped(value: bytes) -> None:
    line = b"10:00:00:000 | INFO    | a.c             | f:1 | Latency: " + value + b"\n"
    good = b"10:00:01:000 | INFO    | a.c             | f:1 | Latency: 0.03\n"
    parsed = parse_log(line + good)
    assert parsed.series["latency"].values.tolist() == [0.03]


def test_continuation_and_headerless_lines_count_but_never_as_errors() -> None:
    data = (
        b"10:00:00:000 | INFO    | network.c       | SendJSONPost:1 | POST Request: ERROR\n"
        b"|    Host: example.com ERROR WARNING\n"
        b"Failed to start connection | ERROR   | x\n"
        b"OLD MESSAGE: 10:00:00:000 | ERROR   | main.c | f:1 | boom\n"
        b"   \t  \n"
        b"10:00:01:000 | ERROR   | main.c          | f:2 | real error\n"
    )
    parsed = parse_log(data)
    assert parsed.lines == 5
    assert parsed.headed_lines == 2
    assert parsed.errors == 1
    assert parsed.error_pct == pytest.approx(20.0)


def test_first_line_cut_in_half_is_a_headerless_line() -> None:
    data = b"0:13:048 | INFO    | main.c | f:1 | Latency: 0.9\n" + SERVER
    parsed = parse_log(data)
    assert parsed.lines == 6
    assert parsed.headed_lines == 5
    assert parsed.series["latency"].values.size == 0


def test_long_line_cut_with_dots() -> None:
    message = b"x" * 2000 + b"..."
    data = b"10:00:00:000 | WARNING | main.c | f:1 | " + message + b"\n"
    parsed = parse_log(data)
    assert parsed.warnings == 1
    assert parsed.error_kinds[0].template == "x" * 2000 + "..."


def test_bom_crlf_nul_and_invalid_utf8() -> None:
    data = (
        b"\xef\xbb\xbf10:00:00:000 | INFO    | a.c | f:1 | Latency: 0.02\r\n"
        b"10:00:00:500 | ERROR   | a.c | f:1 | bad \xff\xfe bytes \x00 here\r\n"
        b"\x00\x00\x00\r\n"
        b"10:00:01:000 | INFO    | a.c | f:1 | Latency: 0.04\r\n"
    )
    parsed = parse_log(data)
    assert parsed.series["latency"].values.tolist() == [0.02, 0.04]
    assert parsed.lines == 4
    assert parsed.errors == 1
    assert "\ufffd" in parsed.error_kinds[0].example


@pytest.mark.parametrize("data", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_files(data: bytes) -> None:
    parsed = parse_log(data)
    assert not parsed.recognized
    assert parsed.lines == 0
    assert parsed.error_pct == 0.0
    assert parsed.duration_s is None


def test_a_file_in_another_format_is_not_recognized() -> None:
    data = b"         0.0067: Sending info request to STUN...\n" * 50
    assert not parse_log(data).recognized
    assert not parse_log(b"<html><body>Access denied</body></html>").recognized
    assert not parse_log(bytes(range(256)) * 40).recognized


def test_no_trailing_newline_and_file_ending_mid_header() -> None:
    parsed = parse_log(b"10:00:00:000 | INFO    | a.c | f:1 | Latency: 0.02\n10:00:0")
    assert parsed.series["latency"].values.tolist() == [0.02]
    assert parsed.lines == 2


def test_invalid_clock_values_are_not_headers() -> None:
    parsed = parse_log(
        b"25:00:00:000 | INFO    | a.c | f:1 | x\n10:61:00:000 | INFO    | a.c | f:1 | x\n"
    )
    assert parsed.headed_lines == 0


def test_midnight_wrap_adds_a_day() -> None:
    data = (
        b"23:59:59:000 | INFO    | a.c | f:1 | Latency: 0.01\n"
        b"00:00:01:000 | INFO    | a.c | f:1 | Latency: 0.02\n"
        b"00:30:00:000 | INFO    | a.c | f:1 | Latency: 0.03\n"
    )
    received = dt.datetime(2020, 6, 30, 0, 31)
    parsed = parse_log(data, received=received)
    assert parsed.day0 == dt.date(2020, 6, 29)
    assert parsed.duration_s == pytest.approx(30 * 60 + 1)
    offsets = parsed.series["latency"].offsets_us
    assert np.diff(offsets).min() > 0
    assert parsed.format_time(int(offsets[-1])) == "2020-06-30T00:30:00.000"


def test_small_clock_step_back_is_not_a_new_day() -> None:
    data = b"10:00:00:000 | INFO    | a.c | f:1 | x\n09:30:00:000 | INFO    | a.c | f:1 | x\n"
    parsed = parse_log(data)
    assert parsed.duration_s == pytest.approx(-1800)


def test_received_before_last_line_time_of_day_means_previous_day() -> None:
    data = b"23:50:00:000 | INFO    | a.c | f:1 | x\n"
    parsed = parse_log(data, received=dt.datetime(2020, 7, 1, 0, 5))
    assert parsed.day0 == dt.date(2020, 6, 30)


def test_error_kinds_group_by_template() -> None:
    data = (
        b"10:00:00:000 | WARNING | video.c | f:1 | Frame dropped with ID 2: 18/23\n"
        b"10:00:01:000 | WARNING | video.c | f:1 | Frame dropped with ID 9: 3/23\n"
        b"10:00:02:000 | ERROR   | main.c | f:1 | Lost TCP Connection (Error: 10054)\n"
    )
    kinds = parse_log(data).error_kinds
    assert [(k.level, k.template, k.count) for k in kinds] == [
        ("WARNING", "Frame dropped with ID <n>: <n>/<n>", 2),
        ("ERROR", "Lost TCP Connection (Error: <n>)", 1),
    ]
    assert kinds[0].first_us == 36_000_000_000
    assert kinds[0].last_us == 36_001_000_000
    assert kinds[0].samples[1] == (2, data.splitlines()[1].decode())


@pytest.mark.parametrize(
    ("message", "template"),
    [
        ("Connected to server on 52.168.66.248:32262!", "Connected to server on <ip>!"),
        ("Opened 'C:\\ProgramData\\Cache\\x.bin' ok", "Opened <str> ok"),
        ("Cannot open C:\\ProgramData\\FractalCache", "Cannot open <path>"),
        ("read /var/log/fractal/a.log failed", "read <path> failed"),
        ("bad pointer 0x7ffd1234 in 3fa9c2e1d0", "bad pointer <hex> in <hex>"),
        ("Latency -12.5e-3 now", "Latency <n> now"),
        ('Said "hello 12"', "Said <str>"),
    ],
)
def test_templates(message: str, template: str) -> None:
    assert to_template(message) == template


def test_summary_statistics_are_exact() -> None:
    lines = b"".join(
        b"10:00:%02d:000 | INFO    | a.c | f:1 | Latency: %d\n" % (i, v)
        for i, v in enumerate([5, 1, 4, 2, 3])
    )
    summary = parse_log(lines).series["latency"].summary()
    assert (summary.count, summary.min, summary.median, summary.max) == (5, 1.0, 3.0, 5.0)
    assert summary.p95 == pytest.approx(4.8)


def test_summary_dict_has_the_cli_keys() -> None:
    summary = parse_log(CLIENT + SERVER).summary()
    assert set(summary) >= {
        "recognized",
        "lines",
        "headed_lines",
        "levels",
        "errors",
        "warnings",
        "error_pct",
        "warning_pct",
        "duration_s",
        "metrics",
        "top_errors",
    }
    assert set(summary["metrics"]) == {"latency", "decode_time", "encode_time", "encode_size"}  # type: ignore[arg-type]
