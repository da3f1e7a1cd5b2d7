#!/usr/bin/env python3
"""OCR accuracy and speed: the project's own PDFs, printed, sealed and scanned back in, read by giklint.

    .venv/bin/pip install -e '.[ocr]'
    .venv/bin/python bench/ocr.py                      # 200 dpi, every example PDF with a text layer
    .venv/bin/python bench/ocr.py --dpi 150 200 300 --engine tesseract   # compare (Debian tesseract-ocr)
    .venv/bin/python bench/ocr.py --files --generated report-2021-faulty.md   # with errors put in, printed first

Each PDF of ``examples/formats`` that has a text layer (and each report given with ``--generated``,
printed to a PDF first: ``report-2021-faulty.md`` is report-2021.md with a 表三 total changed, so
that the scan must give the same arithmetic errors) is the fact sheet: its model (read from the
text layer) is what the scan must give. ``bench/scanner.py`` turns every page into a scan (the
resolution given, a rotation of 0.2-0.8 degrees, a red seal over part of the tables, sensor noise,
JPEG at quality 75) and the scan is parsed with OCR (into a fresh cache, so only
the first read of a scan is timed). Printed per file and resolution:
table cells right / uncertain (reported by cell-uncertain, kept out of the sums) / wrong (a different
number, or a number lost or invented), seconds per page (wall clock, and CPU time of all the
process's threads: the fairer figure on a shared machine), and whether the findings of
``giklint check`` are the same as the text-layer original's (codes and pages; OCR's marks aside).

``--engine tesseract`` runs the same scans through Debian's ``tesseract`` (chi_sim, TSV output) as
the character source instead of RapidOCR, for the comparison written down in bench/README.md.
Measured, never asserted: timings depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
FORMATS = ROOT / "examples" / "formats"
PDFS = ["report-2021.pdf", "report-2021-borderless.pdf"]


def table_cells(model: Dict[str, Any]) -> Dict[str, Any]:
    cells = {}
    for name, rows in (model.get("tables") or {}).items():
        for row, values in (rows or {}).items():
            for column, value in (values or {}).items():
                if column != "amount_unit":
                    cells[f"{name}.{row}.{column}"] = value
    return cells


def uncertain_keys(model: Dict[str, Any]) -> set:
    keys = set()
    for name, info in (model.get("table_info") or {}).items():
        for key in (info or {}).get("uncertain_cells") or {}:
            keys.add(f"{name}.{key}")
    return keys


def compare(facts: Dict[str, Any], read: Dict[str, Any]) -> Tuple[int, int, int, List[str]]:
    cells, doubtful = table_cells(facts), uncertain_keys(read)
    got = table_cells(read)
    right = uncertain = 0
    wrong = []
    for key, value in cells.items():
        if key in doubtful:
            uncertain += 1
        elif got.get(key) == value:
            right += 1
        else:
            wrong.append(f"{key}: {value!r} read {got.get(key)!r}")
    return right, uncertain, len(cells), wrong


def finding_keys(findings) -> List[Tuple[str, Any]]:
    return sorted((f.code, f.page) for f in findings if f.code not in ("GK005", "GK306"))


# report-2021.md with errors put in: 表三 （七）总计 自然人 20 -> 21 (balance and row-total break)
FAULTY = {"report-2021-faulty.md": ("report-2021.md", "| | （七）总计 | | 20 |", "| | （七）总计 | | 21 |")}


def generated_pdf(name: str) -> Path:
    """A Markdown report of examples/formats (or a faulty variant from FAULTY) printed as a PDF with a
    text layer, the way examples/formats/make_formats.py prints report-2021.md (needs fpdf2 and
    Debian's fonts-wqy-microhei), in a temporary folder."""
    import tempfile

    sys.path.insert(0, str(FORMATS))
    from make_formats import DEFAULT_FONT, parse_markdown, write_pdf

    source, old, new = FAULTY.get(name, (name, "", ""))
    text = (FORMATS / source).read_text(encoding="utf-8")
    if old:
        assert old in text, f"{source} no longer has {old!r}"
        text = text.replace(old, new)
    path = Path(tempfile.mkdtemp(prefix="giklint-bench-")) / (Path(name).stem + ".pdf")
    path.write_bytes(write_pdf(parse_markdown(text), DEFAULT_FONT))
    return path


def use_tesseract() -> None:
    """Swap the text reader for Debian's tesseract (chi_sim), keeping everything else."""
    import giklint.loaders.scan as scan
    from tesseract_engine import recognise_with_tesseract

    scan.recognise = recognise_with_tesseract


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dpi", type=float, nargs="+", default=[200])
    parser.add_argument("--files", nargs="*", default=PDFS)
    parser.add_argument("--generated", nargs="*", default=[],
                        help="Markdown reports to print as PDFs first: report-2021-faulty.md (errors put in)")
    parser.add_argument("--engine", choices=("rapidocr", "tesseract"), default="rapidocr")
    args = parser.parse_args()
    import tempfile

    # a fresh cache: each scan is OCR'd once (timed), and the check of the same bytes reuses it
    os.environ["GIKLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="giklint-bench-ocr-")
    os.environ["GIKLINT_OCR"] = "auto"
    if args.engine == "tesseract":
        use_tesseract()
    from giklint.api import parse
    from giklint import lint
    from scanner import scanned_copy

    print("| file | dpi | engine | cells right | uncertain | wrong | s/page (wall) | CPU s/page | same findings |")
    print("|---|---|---|---|---|---|---|---|---|")
    originals = [FORMATS / name for name in args.files] + [generated_pdf(name) for name in args.generated]
    for original in originals:
        name = original.name
        facts = parse(str(original))
        expected = finding_keys(lint(str(original)))
        for dpi in args.dpi:
            data = scanned_copy(str(original), dpi)
            start, cpu_start = time.perf_counter(), time.process_time()
            model = parse(data, name)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            pages = len(__import__("pypdfium2").PdfDocument(data))
            right, uncertain, total, wrong = compare(facts, model)
            same = finding_keys(lint(data, name=name)) == expected
            print(f"| {name} | {dpi:g} | {args.engine} | {right}/{total} ({100 * right / total:.1f}%) | {uncertain} | "
                  f"{len(wrong)} | {seconds / pages:.1f} | {cpu / pages:.1f} | {'yes' if same else 'no'} |", flush=True)
            for line in wrong[:10]:
                print(f"    wrong: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
