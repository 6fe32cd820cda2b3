"""``python -m parsing summarize FILE``: print a log's summary as one JSON object."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from parsing.parser import parse_log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parsing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    summarize = commands.add_parser("summarize", help="print one log file's summary as JSON")
    summarize.add_argument("file", type=Path)
    summarize.add_argument("--top", type=int, default=10, help="error kinds to list")
    args = parser.parse_args(argv)
    try:
        data = args.file.read_bytes()
    except OSError as error:
        print(f"cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(json.dumps(parse_log(data).summary(top=args.top), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
