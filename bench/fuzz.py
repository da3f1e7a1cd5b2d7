#!/usr/bin/env python3
"""The fuzz suite's long run: the properties of tests/test_fuzz.py with a large budget and fresh seeds.

    .venv/bin/python bench/fuzz.py                      # 300 examples per format
    .venv/bin/python bench/fuzz.py --examples 2000 --formats .pdf .docx
    .venv/bin/python bench/fuzz.py --seed 12345         # repeat a run

Each example is random bytes or a mutated example report (for Word, also a mutated document.xml in a
valid package), checked and parsed in this process. The first failing input of a format is shrunk by
hypothesis and saved under bench/fuzz-failures/ (not committed), with the assertion printed.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from _fuzz import SUFFIXES, check_survives, hostile_file  # noqa: E402
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

FAILURES = ROOT / "bench" / "fuzz-failures"


def fuzz(suffix: str, examples: int, run_seed: int) -> bool:
    failing = {}

    @seed(run_seed)
    @settings(max_examples=examples, deadline=None, database=None, print_blob=True,
              suppress_health_check=list(HealthCheck))
    @given(data=hostile_file(suffix))
    def survives(data: bytes) -> None:
        try:
            check_survives(suffix, data)
        except BaseException:
            failing["data"] = data
            raise

    started = time.perf_counter()
    try:
        survives()
    except BaseException as exc:  # report, keep the input, go on with the next format
        FAILURES.mkdir(exist_ok=True)
        saved = FAILURES / f"failure-{run_seed}{suffix}"
        saved.write_bytes(failing.get("data", b""))
        print(f"{suffix:6} FAILED after {time.perf_counter() - started:.0f} s: {str(exc)[:500]}\n       input: {saved}")
        return False
    print(f"{suffix:6} {examples} examples ok in {time.perf_counter() - started:.0f} s")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=300)
    parser.add_argument("--formats", nargs="*", default=list(SUFFIXES), choices=SUFFIXES)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    run_seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print(f"seed {run_seed}")
    results = [fuzz(suffix, args.examples, run_seed) for suffix in args.formats]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
