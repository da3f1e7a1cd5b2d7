#!/usr/bin/env python3
"""What pairing reports costs a folder check: time and peak memory with and without the cross-year rules.

    .venv/bin/python bench/crossyear.py              # 20 copies of examples/cross-year/reports (300 reports)
    .venv/bin/python bench/crossyear.py --copies 60

The batch is the cross-year examples copied with every place renamed (other agencies' reports, so
that each copy pairs within itself). Each run is ``giklint check FOLDER --format json`` in a fresh
process; ``--ignore GK6`` switches the cross-year rules off, so the batch keeps no per-report record and
pairs nothing. Peak memory is the largest resident set of the run's processes (the parent keeps the
records; with ``--jobs 1`` it also reads every report itself). Also printed: the size of the record a
batch keeps per report (its model and suppression comments, pickled and compressed).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "examples" / "cross-year" / "make_cross_year.py"
NUMERALS = "二三四五六七八九"
# one run in a child that reports its own children's peak resident set (KiB on Linux)
MEASURED = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def make_batch(target: Path, copies: int) -> int:
    spec = importlib.util.spec_from_file_location("make_cross_year", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_cross_year"] = module
    spec.loader.exec_module(module)
    count = 0
    for number in range(copies):
        numeral = NUMERALS[number % len(NUMERALS)] * (number // len(NUMERALS) + 1)
        count += len(module.write_renamed_copy(target / f"copy-{number:03d}", numeral))
    return count


def run(folder: Path, jobs: str, *extra: str):
    command = [sys.executable, "-m", "giklint", "check", str(folder), "--format", "json", "--jobs", jobs, *extra]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURED, *command], capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - start, int(done.stdout.strip() or 0) / 1024


def record_sizes(folder: Path) -> list:
    sys.path.insert(0, str(ROOT))
    from giklint.crossyear import YearRecord
    from giklint.reader import read_report

    sizes = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file())[:30]:
        report = read_report(str(path))
        sizes.append(len(YearRecord.of(report.model, report.document).packed))
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="giklint-crossyear-"))
    try:
        count = make_batch(tmp, args.copies)
        findings = json.loads(subprocess.run([sys.executable, "-m", "giklint", "check", str(tmp), "--format", "json"],
                                             capture_output=True, text=True, cwd=ROOT).stdout)
        print(f"{count} reports, {args.copies} copies of the cross-year examples; "
              f"{len(findings)} cross-year findings (the copies' {len(findings) // args.copies} each)")
        sizes = record_sizes(tmp)
        print(f"record kept per report: median {statistics.median(sizes) / 1024:.1f} KiB (max {max(sizes) / 1024:.1f})")
        print("| run | --jobs | time (s) | peak RSS (MiB) |")
        print("| --- | --- | ---: | ---: |")
        for jobs in ("1", "2"):
            for label, extra in (("cross-year rules on (pairing)", ()), ("--ignore GK6 (no pairing)", ("--ignore", "GK6"))):
                seconds, peak = run(tmp, jobs, *extra)
                print(f"| {label} | {jobs} | {seconds:.1f} | {peak:.0f} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
