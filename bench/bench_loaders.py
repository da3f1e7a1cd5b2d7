#!/usr/bin/env python3
"""Loader timings: each format of the example report, loaded (bytes -> Document) and parsed (-> model).

    .venv/bin/python bench/bench_loaders.py            # median of 20 runs per file
    .venv/bin/python bench/bench_loaders.py --runs 50

Prints one line per file: load ms, parse ms (load + extract + validate), pages/lines. A first
line gives the one-off cost of importing each format's library in a fresh process (what the first
file of that format pays). Measured, never asserted: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FORMATS = ROOT / "examples" / "formats"
FILES = ["report-2021.md", "report-2021.html", "report-2021-gbk.html", "report-2021.docx", "report-2021.pdf",
         "report-2021-borderless.pdf", "scanned.pdf"]
LIBRARIES = {"html/docx": "lxml.etree", "pdf": "pypdfium2"}


def median_ms(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    return float(out.strip() or "nan")


def plain_pdf_text(data: bytes) -> str:
    """pypdfium2's own text, no layout: the floor the PDF loader's time is compared with."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from giklint.api import default_loaders, read_report
    from giklint.loaders import load_document

    print("import: " + ", ".join(f"{fmt} ({module}) {import_ms(module):.0f} ms" for fmt, module in LIBRARIES.items()))
    loaders = default_loaders()
    for name in FILES:
        data = (FORMATS / name).read_bytes()
        document = load_document(data, name, loaders)  # warm up: imports, caches
        load = median_ms(lambda: load_document(data, name, loaders), args.runs)
        parse = median_ms(lambda: read_report(data, name=name, loaders=loaders), args.runs)
        pages = max((line.location.page or 0 for line in document.lines), default=0)
        size = f"{pages} pages, " if pages else ""
        print(f"{name:28s} load {load:7.1f} ms   parse {parse:7.1f} ms   ({size}{len(document.lines)} lines, "
              f"{len(data) // 1024} KiB)")
        if name.endswith(".pdf") and pages:
            plain = median_ms(lambda: plain_pdf_text(data), args.runs)
            print(f"{'':28s} (pypdfium2 plain text, no layout: {plain:.1f} ms)")


if __name__ == "__main__":
    main()
