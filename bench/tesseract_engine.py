"""Debian's tesseract (``tesseract-ocr`` + ``tesseract-ocr-chi-sim``) as the character source, for the
engine comparison in bench/README.md only: same cleaning (red channel, straightening), same table
borders, words from tesseract's TSV output (its confidence 0-100 as the score)."""
from __future__ import annotations

import csv
import io
import subprocess

from giklint.loaders.ocr import PageScan, TextBox, border_strokes, char_boxes, grey_without_red, straighten


def recognise_with_tesseract(image, dpi: float) -> PageScan:
    from PIL import Image

    grey = straighten(grey_without_red(image))
    scale = 72.0 / dpi
    height_px, width_px = grey.shape
    page = PageScan(width_px * scale, height_px * scale)
    page.horizontal, page.vertical = ocr.points_of(border_strokes(grey), scale, page.height)
    png = io.BytesIO()
    Image.fromarray(grey).save(png, format="PNG", dpi=(dpi, dpi))
    out = subprocess.run(["tesseract", "stdin", "stdout", "-l", "chi_sim", "--psm", "11", "--dpi", str(int(dpi)),
                          "tsv"], input=png.getvalue(), capture_output=True, check=True).stdout.decode("utf-8")
    for row in csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top, width, height = (int(row[k]) for k in ("left", "top", "width", "height"))
        quad = [(left, top), (left + width, top), (left + width, top + height), (left, top + height)]
        page.texts.append(TextBox(text, float(row["conf"]) / 100, char_boxes(text, quad, None, scale, page.height)))
    return page
