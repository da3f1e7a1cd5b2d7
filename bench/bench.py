#!/usr/bin/env python3
"""Benchmarks for giklint: start-up, single-file latency, batch throughput and peak memory.

Targets are measured here, never asserted in tests (timings vary by machine):

    .venv/bin/python bench/bench.py               # all
    .venv/bin/python bench/bench.py --copies 300  # a larger batch

Prints one line per measurement. What it measures:
- start-up: ``giklint --version`` in a fresh process (what every pre-commit run pays), and which heavy
  modules ``import giklint.cli`` pulls in (there should be none of jsonschema, lxml, docx, pypdfium2);
- one file: ``giklint check`` on each bundled example, median of several runs;
- batch: ``giklint check`` over a folder of N copies of the examples (with --jobs 1 and the default);
- memory: peak RSS of the batch run.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GIKLINT = [sys.executable, "-m", "giklint"]
HEAVY = ("jsonschema", "lxml", "docx", "pypdfium2", "ruamel", "charset_normalizer")


def timed(cmd, runs=5):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def heavy_imports_at_startup():
    code = "import sys, giklint.cli; print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in %r)))" % (HEAVY,)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return sorted({m.split(".")[0] for m in out.split()})


def examples():
    folder = ROOT / "examples" / "reports"
    suffixes = {".md", ".txt", ".html", ".htm", ".docx", ".pdf"}
    found = sorted(p for p in folder.glob("*") if p.suffix in suffixes) if folder.is_dir() else []
    formats = ROOT / "examples" / "formats"
    if formats.is_dir():
        found += sorted(p for p in formats.glob("*") if p.suffix in suffixes)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=100, help="files in the batch folder")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    print(f"start-up  giklint --version: {timed(GIKLINT + ['--version'], args.runs) * 1000:.0f} ms (median of {args.runs})")
    heavy = heavy_imports_at_startup()
    print(f"start-up  heavy modules imported by giklint.cli: {', '.join(heavy) or 'none'}")
    files = examples()
    for path in files:
        ms = timed(GIKLINT + ["check", str(path), "--fail-on", "error", "--quiet"], args.runs) * 1000
        print(f"one file  {path.relative_to(ROOT)}: {ms:.0f} ms")
    if not files:
        print("batch     no examples found")
        return
    tmp = Path(tempfile.mkdtemp(prefix="giklint-bench-"))
    try:
        for i in range(args.copies):
            source = files[i % len(files)]
            shutil.copy(source, tmp / f"{i:05d}{source.suffix}")
        for jobs in ("1", str(os.cpu_count() or 1)):
            start = time.perf_counter()
            subprocess.run(GIKLINT + ["check", str(tmp), "--jobs", jobs, "--format", "json"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            elapsed = time.perf_counter() - start
            print(f"batch     {args.copies} files, --jobs {jobs}: {elapsed:.2f} s ({args.copies / elapsed:.1f} files/s)")
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(f"memory    peak RSS of a child run: {peak_kb / 1024:.0f} MiB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
