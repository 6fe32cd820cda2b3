"""The messages the demo generator writes, as data.

The built-in catalogue holds the messages whose rates carry the demo's story (the metrics, the
trouble that clusters in bad episodes, the connection lifecycle). When the protocol's full list of
message templates is at hand (``message-templates-2020-06-30.tsv`` in the shared reference), the
background INFO chatter and rare warnings are drawn from it too.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

Side = Literal["client", "server"]

_PRINTF = re.compile(r"%[-0-9.]*(?:l{0,2})([dfsScXxpu])")


@dataclass(frozen=True, slots=True)
class Template:
    level: str
    file: str
    function: str
    line: int
    text: str

    @property
    def ends_in_newline(self) -> bool:
        return self.text.endswith("\\n")

    def render(self, rng: np.random.Generator) -> str:
        """Fill the printf placeholders with plausible values."""
        body = self.text.removesuffix("\\n")
        return _PRINTF.sub(lambda m: _fill(m.group(1), rng), body)


def _fill(conversion: str, rng: np.random.Generator) -> str:
    if conversion in "du":
        return str(int(rng.integers(0, 400)))
    if conversion == "f":
        return f"{rng.uniform(0, 50):f}"
    if conversion in "xXp":
        return f"{int(rng.integers(0, 2**32)):08x}"
    if conversion == "c":
        return "k"
    return str(rng.choice(["ok", "timeout", "connection reset", "default"]))


def _t(level: str, file: str, function: str, line: int, text: str) -> Template:
    return Template(level, file, function, line, text)


LATENCY = _t("INFO", "server_message_handler.c", "handlePongMessage", 82, "Latency: %f")
PING = _t("INFO", "main.c", "update", 181, "Ping! %d")
DECODE = _t("INFO", "videodecode.c", "video_decoder_decode", 490, "Avg Decode Time: %f\\n")
FRAME_DECODE = _t("INFO", "video.c", "RenderScreen", 338, "Decode Time: %f\\n")
LONGEST_ENCODE_TIME = _t("INFO", "main.c", "SendVideo", 347, "Longest Encode Time: %f\\n")
ENCODE_TIME = _t("INFO", "main.c", "SendVideo", 348, "Average Encode Time: %f\\n")
LONGEST_ENCODE_SIZE = _t("INFO", "main.c", "SendVideo", 349, "Longest Encode Size: %f\\n")
ENCODE_SIZE = _t("INFO", "main.c", "SendVideo", 350, "Average Encode Size: %f\\n")

CLIENT_START = (
    _t("INFO", "video.c", "initMultithreadedVideo", 523, "Creating renderer for 1920x1080 display"),
    _t("INFO", "network.c", "CreateUDPClientContext", 1070, "Connecting to server..."),
    _t("INFO", "main.c", "ReceiveMessage", 478, "Received init message!"),
    _t("INFO", "audio.c", "initAudio", 58, "Freq: 48000"),
)
SERVER_START = (
    _t("INFO", "network.c", "CreateUDPServerContext", 887, "Waiting for client to connect..."),
    _t("INFO", "network.c", "CreateUDPServerContext", 907, "Client received!"),
    _t("INFO", "main.c", "main", 1002, "Server is ready for the client"),
)
CLIENT_BACKGROUND = (
    _t("INFO", "audio.c", "updateAudio", 123, "Audio Queue too low: %d. Needs to catch up!"),
    _t("INFO", "video.c", "updateVideo", 636, "MBPS: %f %f"),
    _t(
        "INFO",
        "clipboard_synchronizer.c",
        "ClipboardSynchronizerGetNewClipboard",
        235,
        "Pushing update to clipboard",
    ),
)
SERVER_BACKGROUND = (
    _t("INFO", "handle_client_message.c", "handleBitrateMessage", 148, "MSG RECEIVED FOR MBPS: %f"),
    _t(
        "INFO",
        "handle_client_message.c",
        "handleUserInputMessage",
        100,
        "Handle user input message received",
    ),
    _t("INFO", "main.c", "SendVideo", 295, "Sending current frame!"),
)
CLIENT_TROUBLE = (
    _t("WARNING", "video.c", "updateVideo", 694, "Frame dropped with ID %d: %d/%d"),
    _t("WARNING", "main.c", "update", 193, "Ping received no response: %d"),
    _t("WARNING", "audio.c", "updateAudio", 216, "Could not play audio!"),
    _t("WARNING", "video.c", "RenderScreen", 333, "Failed to video_decoder_decode!"),
    _t("ERROR", "main.c", "update", 127, "Lost TCP Connection (Error: %d)"),
    _t("ERROR", "main.c", "update", 199, "Server disconnected: 3 consecutive ping failures."),
)
SERVER_TROUBLE = (
    _t("WARNING", "network.c", "SendUDPPacket", 436, "Failed to send UDP packet: %d"),
    _t("WARNING", "main.c", "SendVideo", 381, "Frame too large to send: %d bytes"),
    _t("ERROR", "main.c", "SendVideo", 323, "Error encoding video frame!"),
    _t(
        "WARNING",
        "nvidiacapture.c",
        "nvidia_capture_screen",
        211,
        "NvFBCToSysGrabFrame failed with code %d",
    ),
    _t(
        "ERROR",
        "network.c",
        "CreateUDPServerContext",
        896,
        "Did not receive response from client! %d",
    ),
)
HEADERLESS = ("Failed to start connection", "Checking for updates...", "Buffer maxed out!!!")
POST_REQUEST = _t("INFO", "network.c", "SendJSONPost", 1478, "POST Request: POST /vm/ping HTTP/1.0")
POST_BODY = (
    "Host: webserver.example.com",
    "Content-Type: application/json",
    "{",
    '            "version" : "%s",',
    '            "available" : false',
    "}",
)

_WRITTEN_BY_THE_GENERATOR = frozenset(
    t.text
    for t in (
        LATENCY,
        PING,
        DECODE,
        FRAME_DECODE,
        LONGEST_ENCODE_TIME,
        ENCODE_TIME,
        LONGEST_ENCODE_SIZE,
        ENCODE_SIZE,
    )
)

_SIDE_PREFIXES: dict[Side, tuple[str, ...]] = {
    "client": ("desktop/", "fractal/"),
    "server": ("server/", "fractal/"),
}


def load_templates(path: Path | None, side: Side) -> tuple[Template, ...]:
    """Templates for one side from the protocol's TSV list, or none when it is not there."""
    if path is None or not path.is_file():
        return ()
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if len(row) == 5]
    return tuple(
        Template(level, Path(file).name, function, int(line), text)
        for level, file, function, line, text in rows
        if file.startswith(_SIDE_PREFIXES[side])
        and line.isdigit()
        and level != "DEBUG"
        and text not in _WRITTEN_BY_THE_GENERATOR
    )
