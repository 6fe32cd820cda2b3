"""``python -m dashboard.demo``: write the demo index and logs."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dashboard.demo.generator import generate
from dashboard.settings import DEFAULT_TEMPLATES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.demo", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("data/demo"), help="output directory")
    parser.add_argument("--records", type=int, default=2000, help="index records (≤ 1,000,000)")
    parser.add_argument("--files", type=int, default=2000, help="connections with their own logs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--base-url", default="", help="prefix for log URLs in the index")
    parser.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES)
    args = parser.parse_args(argv)
    if not 1 <= args.records <= 1_000_000:
        parser.error("--records must be between 1 and 1,000,000")
    began = time.perf_counter()
    result = generate(
        args.out,
        records=args.records,
        files=args.files,
        seed=args.seed,
        base_url=args.base_url,
        templates=args.templates,
    )
    print(
        f"wrote {result.records:,} records and {result.log_files:,} log files "
        f"({result.bytes_written / 1e6:,.0f} MB) to {args.out} "
        f"in {time.perf_counter() - began:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
