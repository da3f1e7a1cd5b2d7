"""Scanned pages: read by OCR into the characters and strokes a text layer gives, then laid out alike.

Which pages (``--ocr``, i.e. the ``GIKLINT_OCR`` variable): ``auto`` (default) reads the pages that
have no text layer but an image; ``always`` every page (a text layer that is garbage, e.g. a broken
font encoding); ``never`` none. PDF pages are rendered by pypdfium2 at :data:`~giklint.loaders.ocr.RENDER_DPI`.

Each OCR'd character becomes a :class:`~giklint.loaders.pdf.Char` and each border found in the image a
stroke (:data:`~giklint.loaders.pdf.Stroke`), so :func:`~giklint.loaders.pdf.layout_page` rebuilds lines, table
rows and cells, and gives every character its (page, line, column), exactly as for a text layer. The
characters of a text box read with low confidence are listed in :attr:`Document.uncertain`; the
extractor marks table cells there as uncertain (not as wrong numbers).

Notices: ``ocr-pages:1,2/4`` (pages read by OCR, of all pages) so that findings resting on OCR are
marked; when scanned pages stay unread, ``no-text-layer`` / ``image-only-pages:3,4`` carry why:
``:ocr-missing`` (the extra is not installed) or ``:ocr-off`` (``--ocr never``).
"""
from __future__ import annotations

import os
import sys
from dataclasses import field
from typing import Dict, Iterable, List, Sequence, Tuple

from giklint.document import Line, Location
from giklint.loaders.ocr import RENDER_DPI, PageScan, engine_version, ocr_installed, ocr_mode, recognise
from giklint.loaders.pdf import IMAGE_ONLY_PAGES, NO_TEXT_LAYER, Char, layout_page, location_of, too_little_text
from giklint.records import dataclass

OCR_PAGES = "ocr-pages:"
OCR_MISSING = "ocr-missing"
OCR_OFF = "ocr-off"
QUIET_VARIABLE = "GIKLINT_QUIET"  # set by ``--quiet``: no OCR progress either


class ScannedChar(Char):
    """A character OCR read; ``uncertain`` when its text box was read with low confidence."""

    __slots__ = ("uncertain",)

    def __init__(self, text: str, box: Tuple[float, float, float, float], uncertain: bool) -> None:
        super().__init__(text, box[0], box[2], box[1], box[3])
        self.uncertain = uncertain


@dataclass
class ScanResult:
    """What OCR read from a document's scanned pages, and why pages stay unread when it read none."""
    lines: Dict[int, List[Line]] = field(default_factory=dict)  # page -> its lines, read by OCR
    uncertain: List[Location] = field(default_factory=list)
    hint: str = ""  # why scanned pages stay unread: OCR_MISSING, OCR_OFF or ""
    pages: int = 0  # pages in the document


def scan_lines(scan: PageScan, page_number: int) -> Tuple[List[Line], List[Location]]:
    """The page's lines, and the locations of the characters read with low confidence."""
    chars = [ScannedChar(" " if char.isspace() else char, box, text.uncertain)
             for text in scan.texts for char, box in zip(text.text, text.boxes)]
    if not chars:
        return [], []
    horizontal = [(y, x0, x1) for y, x0, x1 in scan.horizontal]  # strokes: (position, start, end)
    vertical = [(x, y0, y1) for x, y0, y1 in scan.vertical]
    lines = layout_page(chars, horizontal, vertical, scan.height, page_number)
    return lines, [location_of(char, page_number) for char in chars if char.uncertain]


class OcrProgress:
    """``OCR 识别 report.pdf 第2/4页…`` on a terminal's standard error, wiped when done."""

    def __init__(self, path: str, total: int) -> None:
        self.path, self.total = os.path.basename(path), total
        self.shown = ""
        try:
            self.on = sys.stderr.isatty() and os.environ.get(QUIET_VARIABLE, "") in ("", "0")
        except (AttributeError, ValueError):
            self.on = False

    def page(self, done: int) -> None:
        if self.on:
            self._show(f"OCR 识别 {self.path} 第{done}/{self.total}页…")

    def close(self) -> None:
        if self.on and self.shown:
            self._show("")

    def _show(self, text: str) -> None:
        width = max(len(self.shown) * 2, len(text) * 2)
        sys.stderr.write("\r" + text.ljust(width) + ("\r" if not text else ""))
        sys.stderr.flush()
        self.shown = text


def pages_to_read(page_count: int, scanned: Sequence[int]) -> Tuple[List[int], str]:
    """(pages to OCR, hint why scanned pages are left unread)."""
    mode = ocr_mode()
    wanted = list(range(1, page_count + 1)) if mode == "always" else list(scanned)
    if mode == "never":
        return [], OCR_OFF if scanned else ""
    if wanted and not ocr_installed():
        return [], OCR_MISSING
    return wanted, ""


def read_scans(data: bytes, path: str, numbers: Sequence[int], scan_page) -> ScanResult:
    """OCR each page number (``scan_page(number)`` gives its PageScan), through the cache."""
    from giklint.limits import limit
    from giklint.loaders._child import grant_time
    from giklint.loaders.ocr_cache import OcrCache

    cache = OcrCache(data, RENDER_DPI, engine_version())
    progress = OcrProgress(path, len(numbers))
    result = ScanResult()
    try:
        for done, number in enumerate(numbers, 1):
            progress.page(done)
            scan = cache.get(number)
            if scan is None:
                grant_time(limit("ocr_page_seconds"))  # the PDF's time limit does not count OCR
                scan = scan_page(number)
                cache.put(number, scan)
            lines, uncertain = scan_lines(scan, number)
            if lines:
                result.lines[number] = lines
                result.uncertain.extend(uncertain)
    finally:
        progress.close()
    return result


def read_scanned_pages(data: bytes, path: str, counts: Sequence[int], scanned: Sequence[int]) -> ScanResult:
    """The PDF pages OCR reads (see the module docstring), rendered by pypdfium2."""
    numbers, hint = pages_to_read(len(counts), scanned)
    if not numbers:
        return ScanResult(hint=hint, pages=len(counts))
    from giklint.loaders.pdf import open_pdf_to_render

    document = open_pdf_to_render(data, path)

    def scan_page(number: int) -> PageScan:
        page = document[number - 1]
        try:
            image = page.render(scale=RENDER_DPI / 72).to_pil()
        finally:
            page.close()
        return recognise(image, RENDER_DPI)

    try:
        result = read_scans(data, path, numbers, scan_page)
    finally:
        document.close()
    result.pages = len(counts)
    return result


def scan_notices(counts: Sequence[int], scanned: Sequence[int], scans: ScanResult) -> List[str]:
    """The PDF's notices: pages read by OCR; pages (or the whole document) left without text, and why."""
    notices: List[str] = []
    hint = f":{scans.hint}" if scans.hint else ""
    read_text = sum(counts) + sum(len(line.text) for lines in scans.lines.values() for line in lines)
    unread = [number for number in scanned if number not in scans.lines]
    if too_little_text(read_text, len(counts)):
        notices.append(NO_TEXT_LAYER + hint)
    elif unread:
        notices.append(IMAGE_ONLY_PAGES + ",".join(map(str, unread)) + (";" + scans.hint if scans.hint else ""))
    if scans.lines:
        notices.append(ocr_pages_notice(scans.lines, scans.pages))
    return notices


def ocr_pages_notice(pages: Iterable[int], total: int) -> str:
    return OCR_PAGES + ",".join(map(str, sorted(pages))) + f"/{total}"
