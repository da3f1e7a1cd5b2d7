#!/usr/bin/env python3
"""The round-trip share: how many random layouts of the examples' facts parse back exactly.

    .venv/bin/python bench/layouts.py                       # 1000 layouts per format
    .venv/bin/python bench/layouts.py --per-format 250 --formats pdf,docx --failures 10

For each format, renders ``--per-format`` layouts (``tests/_layouts.py``: random column widths,
fonts, rulings, page breaks, merges, flattenings …) of the clean examples' facts, parses them with
giklint and prints the share whose three tables come back cell for cell, per format and per layout
feature, then the first failures (which cells differ) to look at. The goal is >= 99% for every feature.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from _layouts import FORMATS, cjk_font, random_layout, round_trip  # noqa: E402
from test_layouts import clean_sources  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-format", type=int, default=1000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--seed", type=int, default=0, help="first layout seed")
    parser.add_argument("--failures", type=int, default=5, help="failures to print")
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    if "pdf" in formats and cjk_font() is None:
        print("skipping pdf: no CJK TrueType font (Debian fonts-wqy-zenhei)")
        formats.remove("pdf")
    sources = clean_sources()
    counts = collections.defaultdict(lambda: [0, 0])
    failures = []
    for fmt in formats:
        started = time.perf_counter()
        for index in range(args.per_format):
            seed = args.seed + index
            path, facts = sources[index % len(sources)]
            layout = random_layout(fmt, seed, facts)
            try:
                wrong = round_trip(facts, layout)
            except Exception as exc:  # a crash is a layout not read, and worth seeing
                wrong = [f"{type(exc).__name__}: {exc}"]
            for feature in ("(all)",) + layout.features:
                counts[(fmt, feature)][0] += not wrong
                counts[(fmt, feature)][1] += 1
            if wrong:
                failures.append((path.name, layout.name(), len(wrong), wrong[:3]))
        print(f"{fmt}: {args.per_format} layouts in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(f"{'format':<6} {'feature':<22} {'exact':>7} {'layouts':>8} {'share':>8}")
    for (fmt, feature), (exact, total) in sorted(counts.items()):
        print(f"{fmt:<6} {feature:<22} {exact:>7} {total:>8} {100 * exact / total:>7.1f}%")
    for failure in failures[: args.failures]:
        print("FAILED", *failure)
    return 0


if __name__ == "__main__":
    sys.exit(main())
