"""Debian's tesseract (``tesseract-ocr`` + ``tesseract-ocr-chi-sim``) as the text reader, for the engine
comparison in bench/README.md only: the page is cleaned and its table borders found exactly as for
RapidOCR (``giklint.loaders.ocr.recognise``); the words and their confidence (0-100, as the score)
come from tesseract's TSV output."""
from __future__ import annotations

import csv
import io
import subprocess
from functools import partial

from giklint.loaders import ocr


def tesseract_text(grey, horizontal, vertical, dpi: float):
    from PIL import Image

    png = io.BytesIO()
    Image.fromarray(grey).save(png, format="PNG", dpi=(dpi, dpi))
    out = subprocess.run(["tesseract", "stdin", "stdout", "-l", "chi_sim", "--psm", "11", "--dpi", str(int(dpi)),
                          "tsv"], input=png.getvalue(), capture_output=True, check=True).stdout.decode("utf-8")
    found = []
    for row in csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top, width, height = (int(row[k]) for k in ("left", "top", "width", "height"))
        quad = [(left, top), (left + width, top), (left + width, top + height), (left, top + height)]
        found.append((quad, text, float(row["conf"]) / 100, None))
    return found


def recognise_with_tesseract(image, dpi: float) -> ocr.PageScan:
    return ocr.recognise(image, dpi, reader=partial(tesseract_text, dpi=dpi))
