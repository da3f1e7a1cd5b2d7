"""OCR of one page image: text boxes with their characters and confidence, and the table borders.

The optional extra ``giklint[ocr]`` installs RapidOCR (``rapidocr-onnxruntime``: PaddleOCR's PP-OCRv4
Chinese detection and recognition models, shipped inside the wheel and run by onnxruntime, so it works
offline). It is imported only when a page is actually read by OCR: start-up stays fast.

Before recognition a scan is cleaned the way a reader looks past its flaws:

- the red channel is used as the grey image, so a red seal (公章) printed over a table almost vanishes
  while black text stays black;
- a slightly rotated scan is turned straight (the angle whose rows of ink are sharpest), so table
  borders are horizontal and vertical again and the PDF loader's grid reconstruction applies unchanged.

Table borders are found in the image (long thin runs of ink, by morphological opening) and returned
as strokes in the same page coordinates as the characters: the PDF loader builds its grids from them
exactly as it does from the strokes a PDF draws.

Coordinates are PDF points with y growing upwards (as pypdfium2 gives them), so what OCR reads can
go through the same layout code as a text layer.
"""
from __future__ import annotations

import importlib.util
from dataclasses import field
from functools import lru_cache
from typing import Any, Callable, Dict, List, Tuple

from giklint import lazy_re
from giklint.loaders.ocr_mode import MODE_VARIABLE, MODES, ocr_mode  # noqa: F401 - the OCR modes, here too
from giklint.records import dataclass

ENGINE_MODULE = "rapidocr_onnxruntime"
ENGINE_NAME = "RapidOCR PP-OCRv4"
INSTALL_HINT = "pip install 'giklint[ocr]'"
RENDER_DPI = 200  # render scale for PDF pages: the benchmark's 99% target is met from here up
LOW_CONFIDENCE = 0.85  # a text box read with a lower score is uncertain (bench/ocr.py calibrates it)
# A lone round glyph scores low even when read right (PP-OCR weighs 0 against O, o, 〇 and 。, which in
# a table cell all mean nought): it is uncertain only below this.
ZERO_GLYPHS = {"0", "O", "o", "〇"}
LOW_CONFIDENCE_ZERO = 0.45
# A lone "1" is a bare stroke: it scores 0.8-0.9 when read right on a noisy 200 dpi scan (PP-OCR weighs it
# against l, I and |, which in a number cell all mean one): it is uncertain only below this.
LOW_CONFIDENCE_ONE = 0.7
SPECKS = set(".,·'`:;、，。．")  # a box of only these (one or two) is a speck of dirt or seal, not text
NUMBER_TEXT = lazy_re.compile(r"^[-－]?\d[\d,，]*(?:\.\d+)?%?$")
KEEP_SCORE = 0.3  # boxes scored below this are noise; between it and the threshold they are kept as uncertain
PAPER_LEVEL = 175  # grey level (0-255) from which a scan's pixel counts as paper
MAX_SKEW = 3.0  # degrees: a scan more crooked than this is not straightened (it is rather a photo)


def ocr_installed() -> bool:
    """Whether the OCR extra is installed (looked up without importing it)."""
    return importlib.util.find_spec(ENGINE_MODULE) is not None


@dataclass
class TextBox:
    """One line of text OCR found: its characters' boxes (x0, y0, x1, y1) and the score of the reading."""

    text: str
    score: float
    boxes: List[Tuple[float, float, float, float]]

    @property
    def uncertain(self) -> bool:
        if self.text in ZERO_GLYPHS:
            return self.score < LOW_CONFIDENCE_ZERO
        return self.score < (LOW_CONFIDENCE_ONE if self.text == "1" else LOW_CONFIDENCE)


@dataclass
class PageScan:
    """What OCR read on one page, in PDF points (y upwards): text boxes and table border strokes."""

    width: float
    height: float
    texts: List[TextBox] = field(default_factory=list)
    horizontal: List[Tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    vertical: List[Tuple[float, float, float]] = field(default_factory=list)  # (x, y0, y1)

    def to_dict(self) -> Dict[str, Any]:
        return {"width": self.width, "height": self.height, "horizontal": self.horizontal,
                "vertical": self.vertical,
                "texts": [{"text": t.text, "score": t.score, "boxes": t.boxes} for t in self.texts]}

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "PageScan":
        texts = [TextBox(t["text"], float(t["score"]), [tuple(b) for b in t["boxes"]]) for t in data["texts"]]
        return cls(float(data["width"]), float(data["height"]), texts,
                   [tuple(r) for r in data["horizontal"]], [tuple(r) for r in data["vertical"]])


@lru_cache(maxsize=1)
def engine():
    """The OCR engine, loaded once per process (about a second: the models are read and compiled)."""
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def engine_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{ENGINE_MODULE}-{version('rapidocr-onnxruntime')}"
    except PackageNotFoundError:
        return ENGINE_MODULE


# ---------------------------------------------------------------- cleaning the scan

def grey_without_red(image) -> Any:
    """The page as 8-bit grey from its red channel: a red seal turns light, black ink stays dark."""
    import numpy as np

    if image.mode in ("RGB", "RGBA", "P", "CMYK", "YCbCr"):
        grey = np.asarray(image.convert("RGB"))[:, :, 0].astype(np.float32)
    else:
        grey = np.asarray(image.convert("L")).astype(np.float32)
    # what is lighter than PAPER_LEVEL is paper: the seal's remains (light grey in the red channel, darker
    # at its JPEG-blurred edges) and scanner noise go white, black ink keeps its anti-aliased edges
    return np.clip(grey * (255.0 / PAPER_LEVEL), 0, 255).astype(np.uint8)


def skew_angle(grey) -> float:
    """The small rotation (degrees) that makes the rows of ink sharpest: the scan's skew, to undo."""
    import cv2
    import numpy as np

    small = cv2.resize(grey, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.float32)
    height, width = ink.shape
    centre = (width / 2, height / 2)

    def sharpness(angle: float) -> float:
        turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1.0), (width, height))
        return float(np.var(turned.sum(axis=1)))

    best = max((a / 10 for a in range(int(-MAX_SKEW * 10), int(MAX_SKEW * 10) + 1)), key=sharpness)
    return max((best + a / 100 for a in range(-10, 11)), key=sharpness)


def straighten(grey) -> Any:
    import cv2

    angle = skew_angle(grey)
    if abs(angle) < 0.05:
        return grey
    height, width = grey.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(grey, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=255)


# ---------------------------------------------------------------- table borders

Stroke = Tuple[int, int, int]  # pixels: (y, x0, x1) of a horizontal stroke, (x, y0, y1) of a vertical one


def border_strokes(grey) -> Tuple[List[Stroke], List[Stroke]]:
    """Long horizontal and vertical ink runs (table borders), in pixels."""
    import cv2
    import numpy as np

    ink = (grey < 150).astype(np.uint8)
    height, width = ink.shape
    found = []
    # a vertical border is at least one (short) table row high; a character's stroke may be as long,
    # so a vertical run counts only where it meets a horizontal border (below)
    for kernel_size, horizontal in (((max(width // 25, 20), 1), True), ((1, max(height // 90, 15)), False)):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, kernel_size)
        runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        runs = cv2.dilate(runs, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))  # close JPEG gaps
        count, _, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
        strokes = []
        for x, y, w, h, _ in stats[1:count]:
            if horizontal and h <= 12:
                strokes.append((int(y + h // 2), int(x), int(x + w)))
            elif not horizontal and w <= 12:
                strokes.append((int(x + w // 2), int(y), int(y + h)))
        found.append(strokes)
    horizontal, vertical = found

    def meets(stroke: Stroke) -> bool:
        x, top, bottom = stroke
        return any(x0 - 6 <= x <= x1 + 6 and (abs(y - top) <= 8 or abs(y - bottom) <= 8) for y, x0, x1 in horizontal)

    return horizontal, [stroke for stroke in vertical if meets(stroke)]


def grid_cells(horizontal: List[Stroke], vertical: List[Stroke]) -> List[Tuple[int, int, int, int]]:
    """Cells (x0, y0, x1, y1) closed on all four sides by consecutive borders."""
    def positions(strokes: List[Stroke]) -> List[int]:
        out: List[int] = []
        for value in sorted(s[0] for s in strokes):
            if not out or value - out[-1] > 6:
                out.append(value)
        return out

    def covered(strokes: List[Stroke], at: int, start: int, end: int) -> bool:
        return any(abs(s[0] - at) <= 6 and s[1] - 6 <= start and s[2] + 6 >= end for s in strokes)

    ys, xs = positions(horizontal), positions(vertical)
    cells = []
    for top, bottom in zip(ys, ys[1:]):
        for left, right in zip(xs, xs[1:]):
            if (covered(horizontal, top, left, right) and covered(horizontal, bottom, left, right)
                    and covered(vertical, left, top, bottom) and covered(vertical, right, top, bottom)):
                cells.append((left, top, right, bottom))
    return cells


def missed_cells(grey, cells, boxes) -> List[Tuple[int, int, int, int]]:
    """Ink boxes of table cells that hold ink but no text box: a lone digit the detector passed over."""
    import numpy as np

    found = []
    for left, top, right, bottom in cells:
        inner = grey[top + 5: bottom - 4, left + 5: right - 4]
        if inner.size == 0 or any(bx0 < right and bx1 > left and by0 < bottom and by1 > top
                                  for bx0, by0, bx1, by1 in boxes):
            continue
        rows, cols = np.nonzero(inner < 128)
        if len(rows) < 12:
            continue
        found.append((left + 5 + int(cols.min()), top + 5 + int(rows.min()),
                      left + 5 + int(cols.max()) + 1, top + 5 + int(rows.max()) + 1))
    return found


def missed_numbers(grey, boxes, strokes: Tuple[List[Stroke], List[Stroke]]) -> List[Tuple[int, int, int, int]]:
    """Ink boxes of character size that no text box covers, outside table cells too (a borderless
    table's lone "1" the detector passed over); only numbers read in them are kept (see read_text)."""
    import cv2
    import numpy as np

    heights = sorted(by1 - by0 for bx0, by0, bx1, by1 in boxes if bx1 - bx0 < 4 * (by1 - by0))
    if not heights:
        return []
    size = int(heights[len(heights) // 2])  # a character's height on this page
    ink = (grey < 128).astype(np.uint8)
    for y, x0, x1 in strokes[0]:
        ink[max(y - 6, 0): y + 7, x0: x1 + 1] = 0
    for x, y0, y1 in strokes[1]:
        ink[y0: y1 + 1, max(x - 6, 0): x + 7] = 0
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (max(size // 3, 3), 1)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    found = []
    for x, y, w, h, _ in stats[1:count]:
        if not (0.5 * size <= h <= 1.5 * size and w <= 4 * size):
            continue
        if any(bx0 - 2 < x + w and bx1 + 2 > x and by0 - 2 < y + h and by1 + 2 > y for bx0, by0, bx1, by1 in boxes):
            continue
        found.append((int(x), int(y), int(x + w), int(y + h)))
    return found


# ---------------------------------------------------------------- recognition

def char_boxes(text: str, quad, word_boxes, scale: float, page_height: float):
    """One box per character: the engine's own when it gives one per character, else the line's
    box shared out evenly (a CJK character and a digit are close enough in width for columns)."""
    def to_points(points) -> Tuple[float, float, float, float]:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        return (min(xs) * scale, page_height - max(ys) * scale, max(xs) * scale, page_height - min(ys) * scale)

    if word_boxes and len(word_boxes) == len(text):
        boxes = [to_points(points) for points in word_boxes]
        # one run of text: no gap between its characters (a narrow "、" or "，" box would read as a space)
        return [(x0, y0, max(x1, boxes[i + 1][0]) if i + 1 < len(boxes) else x1, y1)
                for i, (x0, y0, x1, y1) in enumerate(boxes)]
    x0, y0, x1, y1 = to_points(quad)
    step = (x1 - x0) / max(len(text), 1)
    return [(x0 + i * step, y0, x0 + (i + 1) * step, y1) for i in range(len(text))]


def quad_of(box: Tuple[int, int, int, int]):
    x0, y0, x1, y1 = box
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def read_missed(grey, boxes: List[Tuple[int, int, int, int]]):
    """(box, text, score) of each ink box, recognised without detection."""
    import numpy as np

    if not boxes:
        return []
    crops = []
    for x0, y0, x1, y1 in boxes:
        margin = max((y1 - y0) // 4, 3)
        crop = grey[max(y0 - margin, 0): y1 + margin, max(x0 - margin, 0): x1 + margin]
        crops.append(np.stack([crop] * 3, axis=-1))
    results, _ = engine().text_rec(crops)
    return [(box, str(result[0]).strip(), float(result[1])) for box, result in zip(boxes, results)]


Found = Tuple[Any, str, float, Any]  # (quad in pixels, text, score, the characters' quads or None)


def read_text(grey, horizontal: List[Stroke], vertical: List[Stroke]) -> List[Found]:
    """RapidOCR's text boxes on the cleaned page, and the table cells its detector passed over."""
    import numpy as np

    result, _ = engine()(np.stack([grey] * 3, axis=-1), return_word_box=True, text_score=KEEP_SCORE)
    found = [(item[0], str(item[1]).strip(), float(item[2]), item[3] if len(item) > 3 else None)
             for item in result or []]
    boxes = [(min(p[0] for p in quad), min(p[1] for p in quad), max(p[0] for p in quad), max(p[1] for p in quad))
             for quad, _, _, _ in found]
    missed = read_missed(grey, missed_cells(grey, grid_cells(horizontal, vertical), boxes))
    found += [(quad_of(box), text, score, None) for box, text, score in missed if score >= KEEP_SCORE]
    boxes += [box for box, _, _ in missed]
    strays = read_missed(grey, missed_numbers(grey, boxes, (horizontal, vertical)))
    return found + [(quad_of(box), text, score, None) for box, text, score in strays
                    if score >= KEEP_SCORE and NUMBER_TEXT.match(text)]


def recognise(image, dpi: float, reader: Callable[..., List[Found]] = read_text) -> PageScan:
    """Read one page image (a PIL image scanned or rendered at ``dpi``); ``reader`` finds its text."""
    grey = straighten(grey_without_red(image))
    scale = 72.0 / dpi
    height_px, width_px = grey.shape
    page = PageScan(width_px * scale, height_px * scale)
    horizontal, vertical = border_strokes(grey)
    page.horizontal = [(page.height - y * scale, x0 * scale, x1 * scale) for y, x0, x1 in horizontal]
    page.vertical = [(x * scale, page.height - y1 * scale, page.height - y0 * scale) for x, y0, y1 in vertical]
    for quad, text, score, word_boxes in reader(grey, horizontal, vertical):
        if text and not (len(text) <= 2 and set(text) <= SPECKS):
            text = "0" if text in ZERO_GLYPHS else text
            boxes = char_boxes(text, quad, word_boxes, scale, page.height)
            text, boxes = without_specks(text, boxes)
            page.texts.append(TextBox(text, round(score, 4), boxes))
    return page


def without_specks(text: str, boxes: list):
    """A number with a speck read beside it (". 0", "12 ,"): the number alone."""
    stripped = text.strip("".join(SPECKS) + " ")
    if stripped == text or not NUMBER_TEXT.match(stripped):
        return text, boxes
    start = text.index(stripped)
    return stripped, boxes[start: start + len(stripped)]
