"""PDF: the text layer in reading order, with table rows rebuilt from the page layout.

PDFium gives every character with its box; that is fast (a few ms a page, where pdfplumber takes
ten times longer) and needs no other tool. pypdfium2 is the dependency that ships PDFium, but this
loader binds the library itself (``giklint.loaders._pdfium``: thirty functions, declared with
ctypes): ``import pypdfium2`` declares all of PDFium's thousand functions and cost ~100 M of the
~714 M instructions a whole ``giklint check`` of a 4-page PDF took (valgrind; ~204 M on its own
in a bare interpreter), more than reading the pages. Pages are rendered for OCR by pypdfium2,
imported only then. Per page:

1. Characters (whitespace that PDFium made up is dropped; spaces in the file are kept) are grouped
   into visual lines by their vertical position; lines are numbered from the top, and a character's
   column is its place in its line — the ``Location(page, line, column)`` of everything read.
2. Ruled tables: the horizontal and vertical strokes drawn on the page (cell borders, as Word and
   most tools draw them) are joined into grids. A cell is the area between borders; where a border
   is missing the cells on either side are one merged cell. Each character goes to the cell it sits
   in, so a label wrapped over three lines stays in its cell and the numbers of the row stay with it.
   Rows come out like HTML and Word rows: a merged cell once, and "" in the later rows of a cell
   merged downwards. Where the drawing lacks a border the text layer decides (number conservation:
   every printed number ends in one cell): numbers beside other words are cells of their own, a
   merged cell that is no rectangle is parted, and two labels side by side in one cell are read
   block by block.
3. Text outside tables: one Line per visual line. A line with wide gaps and numbers (a table drawn
   without borders) gets cells split at the gaps and at the text layer's number words; a label line
   of such a table without numbers is joined to the row it belongs to (wrapped labels), each part
   to the label above it.
4. Running page numbers (``- 3 -``, ``第3页``, ``3/5``, a lone number) in the top or bottom margin
   are dropped.

Pages without a text layer (scans) are read by OCR when the ``giklint[ocr]`` extra is installed
(``giklint.loaders.scan``), into the same characters and strokes, so steps 1-4 apply to them too.
Otherwise a document without a text layer loads with the notice ``no-text-layer``, and scanned pages
inside a text document are listed in the notice ``image-only-pages:3,4``.
"""
from __future__ import annotations

import bisect
import re
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import Dict, List, Optional, Sequence, Tuple

from giklint import lazy_re
from giklint.document import Cell, Document, Line, Location
from giklint.errors import InputError
from giklint.frozen import builder
from giklint.loaders import LoaderSpec
from giklint.loaders._common import is_wide, join_wrapped, require_data, table_row

NO_TEXT_LAYER = "no-text-layer"
IMAGE_ONLY_PAGES = "image-only-pages:"
PAGE_NUMBER = lazy_re.compile(r"^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|"
                         r"\d{1,4}\s*/\s*\d{1,4}|(?:page\s*)?\d{1,4}\s*of\s*\d{1,4})$", re.I)
NUMBER = lazy_re.compile(r"^[-－]?\d[\d,，]*(?:\.\d+)?%?$")
VALUE_WORD = lazy_re.compile(r"^[-－+]?\d[\d,，]*(?:\.\d+)?(?:%|万元|元)?$")  # a number as a table cell prints it
SPACES = lazy_re.compile(" {2,}")  # (kept compiled between runs: ``re.sub`` compiled it in every reading child)
ENUMERATOR = lazy_re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])")
MARGIN = 0.09  # share of the page height at top and bottom where running page numbers sit
SNAP = 2.5  # points: borders closer than this are one border
MIN_RULE = 3.0  # points: shorter strokes are not borders


class Char:
    """One character (``text`` is one character) with its box in PDF coordinates (y grows upwards).

    ``visual_lines`` gives it its ``line`` and ``column`` and two sort keys over the page: ``place``,
    unique, in (line, column) order; ``order``, in (line, x0) order, equal for chars of one line at
    the same x0 (so that a stable sort by it keeps such chars in the order they came in). ``grid_rows``
    gives a char in a ruled table its ``cell`` (row, column of the grid).
    """

    __slots__ = ("text", "x0", "x1", "y0", "y1", "cx", "cy", "height", "line", "column", "place", "order", "cell")

    def __init__(self, text: str, x0: float, x1: float, y0: float, y1: float) -> None:
        self.text, self.x0, self.x1, self.y0, self.y1 = text, x0, x1, y0, y1
        self.cx, self.cy = (x0 + x1) / 2, (y0 + y1) / 2
        height = y1 - y0
        self.height = 1.0 if height < 1.0 else height  # max(height, 1.0)
        self.line = 0  # visual line on the page, 1-based
        self.column = 0  # place in the visual line, 1-based


X0 = attrgetter("x0")
CY = attrgetter("cy")
FIRST, SECOND = itemgetter(0), itemgetter(1)
PLACE = attrgetter("place")
ORDER = attrgetter("order")
LINE = attrgetter("line")
LINE_COLUMN = attrgetter("line", "column")


# ---------------------------------------------------------------- characters and visual lines

def page_chars(textpage) -> List[Char]:
    """The text layer's characters: PDFium has no call for many boxes at once, so it is one call per
    character, made without ctypes' argument conversion (``giklint.loaders._pdfium``)."""
    import ctypes

    from giklint.loaders._pdfium import calls, library

    pdfium_c = library()
    handle = textpage.raw
    count = pdfium_c.FPDFText_CountChars(handle)
    text = textpage.get_text_range() if count else ""
    if len(text) != count:  # characters outside the BMP: read them one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(handle, i) or 32) for i in range(count))
    box = pdfium_c.FS_RECTF()
    box_pointer = ctypes.byref(box)
    loose_box, is_generated = calls().loose_char_box, calls().is_generated
    chars: List[Char] = []
    append = chars.append
    for index, char in enumerate(text):
        if char.isspace():
            if char in "\r\n" or is_generated(handle, index):
                continue
            char = " "
        elif char in "\x00\ufffe\uffff":
            continue
        loose_box(handle, index, box_pointer)
        append(Char(char, box.left, box.right, box.bottom, box.top))
    return chars


def visual_lines(chars: Sequence[Char]) -> List[List[Char]]:
    """Characters grouped into lines (top to bottom, each left to right); numbers each char's line/column."""
    lines: List[List[Char]] = []
    current: Optional[List[Char]] = None
    anchor = 0.0
    first_height = 0.0  # of the current line's first char
    for char in sorted(chars, key=CY, reverse=True):  # top first; stable, as -cy was
        height, cy = char.height, char.cy
        if current is None or abs(cy - anchor) > 0.45 * (first_height if first_height < height else height):
            current = [char]  # a new line
            lines.append(current)
            anchor, first_height = cy, height
        else:
            current.append(char)
    place = order = 0
    for number, line in enumerate(lines, start=1):
        line.sort(key=X0)
        previous_x0 = None
        for column, char in enumerate(line, start=1):
            char.line = number
            char.column = column
            place += 1
            char.place = place
            x0 = char.x0
            if x0 != previous_x0:
                order += 1
                previous_x0 = x0
            char.order = order
    return lines


def spaced_text(chars: Sequence[Char]) -> str:
    """Characters of one line as text; a wide gap with no space character becomes a space."""
    if len(chars) == 1:  # (a table's "0", "1" ...)
        return chars[0].text.strip()
    parts: List[str] = []
    previous: Optional[Char] = None
    for char in chars:
        if previous is not None and char.x0 - previous.x1 > 0.5 * char.height and parts[-1] != " ":
            parts.append(" ")
        parts.append(char.text)
        previous = char
    out = "".join(parts)
    if "  " in out:
        out = SPACES.sub(" ", out)
    return out.strip()


_location = builder(Location)  # Location(line, column, page, ...) made in one step: thousands per document


def location_of(char: Char, page: int) -> Location:
    return _location(char.line, char.column, page, None, None, None, None)


def first_location(chars: Sequence[Char], page: int) -> Location:
    """The location of the chars' first in reading order (line, then column)."""
    return location_of(min(chars, key=PLACE), page)


# ---------------------------------------------------------------- ruled tables

Stroke = Tuple[float, float, float]  # (position, start, end) of one drawn stroke, as a Rule has them


class Rule:
    """A border: ``position`` is the y of a horizontal rule, the x of a vertical one; it runs from
    ``start`` to ``end`` along it. (The strokes drawn on a page are plain :data:`Stroke` tuples:
    ``merge_rules`` joins them into Rules, a thousand objects fewer to make for a report's tables.)"""

    __slots__ = ("position", "start", "end")

    def __init__(self, position: float, start: float, end: float) -> None:
        self.position, self.start, self.end = position, start, end

    def __repr__(self) -> str:
        return f"Rule({self.position!r}, {self.start!r}, {self.end!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rule):
            return NotImplemented
        return (self.position, self.start, self.end) == (other.position, other.start, other.end)

    __hash__ = None  # type: ignore[assignment]  # mutable (``merge_rules`` extends ``end``), as before


Affine = Tuple[float, float, float, float, float, float]  # a b c d e f, as in PDF
IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def apply(m: Affine, x: float, y: float) -> Tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def compose(outer: Affine, inner: Affine) -> Affine:
    """The transform that applies ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    return (outer[0] * a + outer[2] * b, outer[1] * a + outer[3] * b,
            outer[0] * c + outer[2] * d, outer[1] * c + outer[3] * d,
            outer[0] * e + outer[2] * f + outer[4], outer[1] * e + outer[3] * f + outer[5])


class RuleCollector:
    """Horizontal and vertical strokes (:data:`Stroke`) of the visible paths, through form XObjects,
    in page space."""

    def __init__(self) -> None:
        import ctypes

        from giklint.loaders._pdfium import calls, library

        self.pdfium = pdfium_c = library()
        self.calls = calls()  # the loops' calls without ctypes' argument conversion
        self.horizontal: List[Stroke] = []
        self.vertical: List[Stroke] = []
        self.images = 0
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.bounds = [ctypes.c_float() for _ in range(4)]
        self.matrix = pdfium_c.FS_MATRIX()
        self.draw_mode_refs = (ctypes.byref(self.fill), ctypes.byref(self.stroke))
        self.bounds_refs = tuple(ctypes.byref(value) for value in self.bounds)

    def own_matrix(self, obj) -> Affine:
        m = self.matrix
        return (m.a, m.b, m.c, m.d, m.e, m.f) if self.pdfium.FPDFPageObj_GetMatrix(obj, m) else IDENTITY

    def walk(self, objects, outer: Affine, depth: int = 0) -> None:
        pdfium_c = self.pdfium
        get_type, get_draw_mode = self.calls.object_type, self.calls.draw_mode
        form, image, path = pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH
        fill, stroke = self.fill, self.stroke
        fill_ref, stroke_ref = self.draw_mode_refs
        for obj in objects:
            kind = get_type(obj)
            if kind == path:
                get_draw_mode(obj, fill_ref, stroke_ref)
                if fill.value or stroke.value:  # not an invisible (clipping) path
                    self.path(obj, outer)
            elif kind == form and depth < 8:
                inner = compose(outer, self.own_matrix(obj))
                count = pdfium_c.FPDFFormObj_CountObjects(obj)
                self.walk((self.calls.form_object(obj, i) for i in range(count)), inner, depth + 1)
            elif kind == image:
                self.images += 1

    def path(self, obj, outer: Affine) -> None:
        pdfium_c = self.pdfium
        segments = self.calls.count_segments(obj)
        if segments <= 5:  # a line or a rectangle: its bounds say it all
            left, bottom, right, top = self.bounds
            self.calls.bounds(obj, *self.bounds_refs)
            if outer is IDENTITY:  # (+ 0.0: what ``apply`` gives, a -0.0 made 0.0)
                self.add_box(left.value + 0.0, bottom.value + 0.0, right.value + 0.0, top.value + 0.0)
                return
            corners = [apply(outer, x, y) for x, y in ((left.value, bottom.value), (right.value, bottom.value),
                                                     (right.value, top.value), (left.value, top.value))]
            for a, b in zip(corners, corners[1:] + corners[:1]):
                add_edge(a, b, self.horizontal, self.vertical)
            return
        transform = compose(outer, self.own_matrix(obj))
        previous: Optional[Tuple[float, float]] = None
        start: Optional[Tuple[float, float]] = None
        for index in range(segments):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
            pdfium_c.FPDFPathSegment_GetPoint(segment, self.x, self.y)
            point = apply(transform, self.x.value, self.y.value)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or previous is None:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
                add_edge(previous, point, self.horizontal, self.vertical)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                add_edge(point, start, self.horizontal, self.vertical)
            previous = point

    def add_box(self, left: float, bottom: float, right: float, top: float) -> None:
        """The edges of an upright box, as ``add_edge`` adds them going round it from bottom left:
        bottom and top (when at least a rule long), then right and left."""
        # (min(a, b) and max(a, b) written out as Python decides them: a, unless b is less or greater)
        if abs(right - left) >= MIN_RULE:
            self.horizontal += (((bottom + bottom) / 2, right if right < left else left,
                                 right if right > left else left),
                                ((top + top) / 2, left if left < right else right, left if left > right else right))
        if abs(top - bottom) >= MIN_RULE:
            self.vertical += (((right + right) / 2, top if top < bottom else bottom,
                               top if top > bottom else bottom),
                              ((left + left) / 2, bottom if bottom < top else top, bottom if bottom > top else top))


def page_drawing(page) -> RuleCollector:
    """What is drawn on the page besides text: strokes (for tables) and images (for scans)."""
    collector = RuleCollector()
    pdfium_c = collector.pdfium
    handle = page.raw
    count = pdfium_c.FPDFPage_CountObjects(handle)
    collector.walk((collector.calls.page_object(handle, i) for i in range(count)), IDENTITY)
    return collector


def add_edge(a: Tuple[float, float], b: Tuple[float, float], horizontal: List[Stroke],
             vertical: List[Stroke]) -> None:
    (x0, y0), (x1, y1) = a, b
    if abs(y1 - y0) < 0.6 and abs(x1 - x0) >= MIN_RULE:
        horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) < 0.6 and abs(y1 - y0) >= MIN_RULE:
        vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def merge_rules(strokes: Sequence[Stroke]) -> List[Rule]:
    """Collinear, touching strokes joined (a thin filled rectangle's two long edges become one)."""
    # strokes are first grouped by position (a chain of near positions is one line), then joined
    # along it where they touch: rounding positions to buckets would split one line in two at a
    # bucket's edge and join a stroke of one table to the collinear border of another
    lines: List[List[Stroke]] = []
    line: List[Stroke] = []
    previous = 0.0  # the position of the stroke before (the current line's last)
    for stroke in sorted(strokes, key=FIRST):
        position = stroke[0]
        if lines and position - previous <= SNAP:
            line.append(stroke)
        else:
            line = [stroke]
            lines.append(line)
        previous = position
    merged: List[Rule] = []
    for line in lines:
        last: Optional[Rule] = None  # the current line's last joined rule
        for position, start, end in sorted(line, key=SECOND):
            if last is not None and start <= last.end + SNAP:
                if end > last.end:  # last.end = max(last.end, end)
                    last.end = end
            else:
                last = Rule(position, start, end)
                merged.append(last)
    return merged


def snap(values: List[float]) -> List[float]:
    out: List[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return out


class Grid:
    """A drawn table: its column and row borders, strokes and merged cells (a plain class: no
    dataclass made at every import of the loader, as for ``Rule``)."""

    __slots__ = ("xs", "ys", "horizontal", "vertical", "region", "row_span", "negated_ys")

    def __init__(self, xs: List[float], ys: List[float], horizontal: List[Rule], vertical: List[Rule]) -> None:
        self.xs = xs  # column borders, left to right
        self.ys = ys  # row borders, top to bottom (descending y)
        self.horizontal = horizontal
        self.vertical = vertical
        self.region: Dict[Tuple[int, int], int] = {}  # (row, col) -> merged cell id
        self.row_span: Dict[int, Tuple[int, int]] = {}  # merged cell id -> (first, last row)
        self.negated_ys: List[float] = []  # for bisect over the descending ys

    def contains(self, char: Char) -> bool:
        return self.xs[0] <= char.cx <= self.xs[-1] and self.ys[-1] <= char.cy <= self.ys[0]

    def merge_cells(self) -> None:
        """Cells not separated by a border are one merged cell (union-find over the grid)."""
        rows, cols = len(self.ys) - 1, len(self.xs) - 1
        at_x = [[r for r in self.vertical if abs(r.position - x) <= SNAP] for x in self.xs]
        at_y = [[r for r in self.horizontal if abs(r.position - y) <= SNAP] for y in self.ys]

        def covered(rules: List[Rule], low: float, high: float) -> bool:
            # a border along any real part of the side separates the cells: where it covers only
            # part, another border is missing (a column merged in the drawing, not in the table)
            for rule in rules:  # any(min(rule.end, high) - max(rule.start, low) > SNAP), without calls
                end, start = rule.end, rule.start
                if (high if high < end else end) - (low if low > start else start) > SNAP:
                    return True
            return False

        # cell (r, c) is r * cols + c: no tuple made and hashed per step
        parent = list(range(rows * cols))

        def root(cell: int) -> int:
            while parent[cell] != cell:
                parent[cell] = parent[parent[cell]]
                cell = parent[cell]
            return cell

        xs, ys = self.xs, self.ys
        for r in range(rows):
            top, bottom = ys[r], ys[r + 1]
            for c in range(cols):
                cell = r * cols + c
                if c + 1 < cols and not covered(at_x[c + 1], bottom, top):
                    parent[root(cell)] = root(cell + 1)
                if r + 1 < rows and not covered(at_y[r + 1], xs[c], xs[c + 1]):
                    parent[root(cell)] = root(cell + cols)
        ids: Dict[int, int] = {}  # a merged cell's number: by its first cell, row by row
        region_of, row_span = self.region, self.row_span
        cell = 0
        for r in range(rows):
            for c in range(cols):
                region = region_of[(r, c)] = ids.setdefault(root(cell), len(ids))
                cell += 1
                first, _ = row_span.get(region, (r, r))
                row_span[region] = (first, r)
        self.negated_ys = [-y for y in self.ys]


def find_grids(horizontal: List[Rule], vertical: List[Rule]) -> List[Grid]:
    """Connected sets of crossing strokes that form a grid of at least two cells."""
    rules = [("h", r) for r in horizontal] + [("v", r) for r in vertical]
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # every pair of a horizontal and a vertical stroke is tested, so each vertical's bounds are read once
    verticals = [(j, v.position, v.start - SNAP, v.end + SNAP) for j, v in enumerate(vertical, len(horizontal))]
    for i, h in enumerate(horizontal):
        low, high, position = h.start - SNAP, h.end + SNAP, h.position
        for j, v_position, v_low, v_high in verticals:
            if low <= v_position <= high and v_low <= position <= v_high:  # the strokes cross
                parent[root(i)] = root(j)
    groups: Dict[int, List[Tuple[str, Rule]]] = {}
    for i, item in enumerate(rules):
        groups.setdefault(root(i), []).append(item)
    grids = []
    for items in groups.values():
        hs = [r for kind, r in items if kind == "h"]
        vs = [r for kind, r in items if kind == "v"]
        xs, ys = snap([r.position for r in vs]), sorted(snap([r.position for r in hs]), reverse=True)
        if len(xs) < 2 or len(ys) < 2 or (len(xs) - 1) * (len(ys) - 1) < 2:
            continue  # a frame around text or a lone underline is not a table
        grid = Grid(xs, ys, hs, vs)
        grid.merge_cells()
        grids.append(grid)
    return grids


def grid_rows(grid: Grid, chars: List[Char], page: int) -> List[Line]:
    """The grid's rows as Lines, each merged cell once."""
    # each char's grid cell (row, column), found once: the steps below ask for it again and again
    xs, negated_ys, bisect_right = grid.xs, grid.negated_ys, bisect.bisect_right
    last_col, last_row = len(grid.xs) - 2, len(grid.ys) - 2
    for char in chars:
        col = bisect_right(xs, char.cx) - 1
        row = bisect_right(negated_ys, -char.cy) - 1
        char.cell = (0 if row < 0 else last_row if row > last_row else row,
                     0 if col < 0 else last_col if col > last_col else col)
    part_shapes(grid, chars)
    region_of = grid.region
    by_region: Dict[int, List[Char]] = {}
    for char in chars:
        by_region.setdefault(region_of[char.cell], []).append(char)
    cut = rows_of_cut_regions(grid, by_region)
    locations = {region: first_location(cs, page) for region, cs in by_region.items()}
    nowhere = _location(None, None, page, None, None, None, None)  # Location(page=page), immutable
    lines: List[Line] = []
    row_span, columns = grid.row_span, range(len(grid.xs) - 1)
    for r in range(len(grid.ys) - 1):
        cells: List[Cell] = []
        own: List[Location] = []
        seen = set()
        for c in columns:
            region = region_of[(r, c)]
            if region in seen:
                continue
            seen.add(region)
            first_row, last_row = row_span[region]
            if region in cut:  # the chars each row band of the region holds are that row's cell
                part = cut[region].get(r, [])
                words = text_layer_words(part)
                pieces = words if words else [part]
                cells += [Cell(label_text(piece), first_location(piece, page) if piece else nowhere)
                          for piece in pieces]
                continue
            location = locations.get(region, nowhere)
            text = ""
            if first_row == r and region in by_region:
                region_chars = by_region[region]
                lines_of_region = group_by_line(region_chars)  # (once for both readings)
                text = label_text(region_chars, lines_of_region)
                # (a number's digits are in the text: text_layer_words needs one)
                words = text_layer_words(region_chars, lines_of_region) if (
                    last_row == r and not text.isalpha() and any(map(str.isdecimal, text))) else None
                if words:  # a border missing beside a number: the text layer's words are the cells
                    cells += [Cell(label_text(word), first_location(word, page)) for word in words]
                    continue
            cells.append(Cell(text, location))
            if first_row == last_row == r and region in locations:
                own.append(location)  # the row's location is where its own (unmerged) text starts
        row_location = min(own, key=LINE_COLUMN) if own else next(
            (cell.location for cell in cells if cell.text), nowhere)
        line = table_row(cells, row_location)
        if line is not None:
            lines.append(line)
    return lines


def part_shapes(grid: Grid, chars: List[Char]) -> None:
    """Merged cells as rectangles: a merged cell is always one, so cells joined into another shape
    lack a border segment in the drawing (a label merged down joined to the cell beside one of its
    rows). Unless the shape is read band by band (``read_by_rows``: a number in it, or a numbered
    label starting in each row band), it is parted into strips of whole columns or of whole rows:
    the fewer strips; of as many, those that cut no word in two, then those that do not hold two
    numbered labels; else the columns."""
    cells_of: Dict[int, List[Tuple[int, int]]] = {}
    for cell, region in grid.region.items():
        cells_of.setdefault(region, []).append(cell)
    shapes = [(region, cells) for region, cells in cells_of.items() if len(cells) > 1 and not is_rectangle(cells)]
    if not shapes:
        return  # (the usual drawing: no char needs to be found by its cell)
    chars_at: Dict[Tuple[int, int], List[Char]] = {}
    for char in chars:
        chars_at.setdefault(char.cell, []).append(char)

    def cost(strips: List[List[Tuple[int, int]]]) -> Tuple[int, int, int]:
        strip_of = {cell: index for index, strip in enumerate(strips) for cell in strip}
        lines = group_by_line([c for cell in strip_of for c in chars_at.get(cell, [])])
        cut_words = sum(a.text != " " != b.text and b.x0 - a.x1 < 0.5 * b.height
                        and strip_of[a.cell] != strip_of[b.cell]
                        for line in lines for a, b in zip(line, line[1:]))
        labels = [sum(bool(ENUMERATOR.match(spaced_text(line)))
                      for line in group_by_line([c for cell in strip for c in chars_at.get(cell, [])]))
                  for strip in strips]
        return len(strips), cut_words, sum(count > 1 for count in labels)

    next_id = max(cells_of, default=-1) + 1
    for region, cells in shapes:
        if read_by_rows(grid, [c for cell in cells for c in chars_at.get(cell, [])], False):
            continue
        best = min([strips_of(cells, 1), strips_of(cells, 0)], key=cost)
        for index, strip in enumerate(best):
            piece = region if index == 0 else next_id + index - 1
            for cell in strip:
                grid.region[cell] = piece
            grid.row_span[piece] = (min(r for r, _ in strip), max(r for r, _ in strip))
        next_id += len(best) - 1


def is_rectangle(cells: List[Tuple[int, int]]) -> bool:
    rows = {r for r, _ in cells}
    cols = {c for _, c in cells}
    return len(cells) == (max(rows) - min(rows) + 1) * (max(cols) - min(cols) + 1)


def strips_of(cells: List[Tuple[int, int]], axis: int) -> List[List[Tuple[int, int]]]:
    """The cells in strips along ``axis`` (1: columns, 0: rows): neighbouring columns (rows) that
    hold the same rows (columns) are one strip."""
    lines: Dict[int, List[Tuple[int, int]]] = {}
    for cell in cells:
        lines.setdefault(cell[axis], []).append(cell)
    strips: List[List[Tuple[int, int]]] = []
    previous: Optional[Tuple[int, set]] = None
    for key in sorted(lines):
        across = {cell[1 - axis] for cell in lines[key]}
        if previous is not None and previous[0] == key - 1 and previous[1] == across:
            strips[-1].extend(lines[key])
        else:
            strips.append(list(lines[key]))
        previous = (key, across)
    return strips


def rows_of_cut_regions(grid: Grid, by_region: Dict[int, List[Char]]) -> Dict[int, Dict[int, List[Char]]]:
    """Merged cells over several rows where a border segment is missing from the drawing and that
    ``read_by_rows``: each row band keeps its own chars (region -> row -> chars)."""
    cut: Dict[int, Dict[int, List[Char]]] = {}
    row_span = grid.row_span
    tall = [region for region in by_region if row_span[region][0] != row_span[region][1]]
    if not tall:
        return cut
    sizes: Dict[int, int] = {}
    columns: Dict[int, set] = {}
    for (_, c), region in grid.region.items():
        sizes[region] = sizes.get(region, 0) + 1
        columns.setdefault(region, set()).add(c)
    for region in tall:
        chars = by_region[region]
        first_row, last_row = row_span[region]
        rectangle = sizes[region] == (last_row - first_row + 1) * len(columns[region])
        if read_by_rows(grid, chars, rectangle):
            cut[region] = row_bands(grid, chars)
            continue
        bands = bands_of_blocks(grid, column_blocks(chars))
        if bands is not None:
            cut[region] = bands
    return cut


def bands_of_blocks(grid: Grid, blocks: List[List[Char]]) -> Optional[Dict[int, List[Char]]]:
    """A cell over several rows holding labels side by side (a rule between two label columns
    missing): "（三）不予" / "公开" wrapped over two row bands beside "1.属于国家秘密" over "2.其他…".
    A block that ``read_by_rows`` is cut into its bands, the others stay whole in their top band;
    None when no block is cut."""
    if len(blocks) < 2:
        return None
    bands: Dict[int, List[Char]] = {}
    cut = False
    for block in blocks:
        if read_by_rows(grid, block, True):
            cut = True
            for row, part in row_bands(grid, block).items():
                bands.setdefault(row, []).extend(part)
        else:
            bands.setdefault(min(char.cell[0] for char in block), []).extend(block)
    return bands if cut else None


def row_bands(grid: Grid, chars: List[Char]) -> Dict[int, List[Char]]:
    rows: Dict[int, List[Char]] = {}
    for char in chars:
        rows.setdefault(char.cell[0], []).append(char)
    return rows


def read_by_rows(grid: Grid, chars: List[Char], rectangle: bool) -> bool:
    """Whether a merged cell over several rows is read row band by row band: it holds a number (no
    table merges a count over rows) or starts a numbered label in each band ("1.属于…" over
    "2.其他…", or one such label in a cell that is no rectangle: a label column's cell joined to
    the one merged down beside it); a label merged down ("三、本年度办理结果", even wrapped over
    several bands) stays whole."""
    rows = row_bands(grid, chars)
    if (len(rows) > 1 or not rectangle) and all(ENUMERATOR.match(cell_text(part)) for part in rows.values()):
        return True  # numbered
    words = " ".join(spaced_text(line) for line in group_by_line(chars)).split()
    return any(VALUE_WORD.match(word) for word in words)


def text_layer_words(chars: List[Char], lines: Optional[List[List[Char]]] = None) -> Optional[List[List[Char]]]:
    """A grid cell that holds numbers beside other words ("1 6", "规章 1 0"): a vertical border
    is missing from the drawing, so the text layer's words, in its order, are the row's cells —
    the label's words (on one line or wrapped over several) one cell, each number a cell after it.
    None for an ordinary cell. (``lines``: ``group_by_line(chars)`` where the caller has it.)"""
    if len(chars) < 2:
        return None  # one word at most
    if lines is None:
        if not any(char.text.isdecimal() for char in chars):
            return None  # no number (VALUE_WORD's digits are \d: str.isdecimal, both Unicode's Nd)
        lines = group_by_line(chars)
    words: List[List[Char]] = []
    for line in lines:
        word: List[Char] = []  # (the last of ``words``)
        words.append(word)
        for char in line:
            if char.text == " ":
                if word:
                    word = []
                    words.append(word)
                continue
            if word and char.x0 - word[-1].x1 > 0.5 * char.height:
                word = []
                words.append(word)
            word.append(char)
    words = [word for word in words if word]
    if len(words) < 2:
        return None
    numbers = [word for word in words if VALUE_WORD.match("".join([c.text for c in word]))]
    if not numbers:
        return None
    numbers.sort(key=lambda word: word[0].x0)
    in_numbers = {id(c) for word in numbers for c in word}
    label = [c for c in chars if id(c) not in in_numbers]
    if any(c.text != " " for c in label):
        if max(c.x1 for c in label if c.text != " ") > numbers[0][0].x0:
            return None  # a number inside the label's text, not a column of its own
        # the label with the spaces between its words (not those after it, among the numbers)
        return [[c for c in label if c.text != " " or c.x1 <= numbers[0][0].x0]] + numbers
    return numbers


def label_text(chars: List[Char], lines: Optional[List[List[Char]]] = None) -> str:
    """The text of a grid cell that may hold two labels side by side because a vertical border is
    missing from the drawing: a group label (printed in the middle of its rows, as Word centres
    it) and the sub-label wrapped beside it then share the cell's lines, and reading line by line
    would put "（六）其他处理" inside "2.申请人逾期未按收费通知要求缴纳费用、…". Where the chars part
    into blocks side by side (an empty strip from top to bottom between them) and every block of
    words starts a numbered label, each block is read on its own, left to right. (``lines``:
    ``group_by_line(chars)`` where the caller has it.)"""
    cuts = column_cuts(chars) if len(chars) > 1 else []  # (one char is one block)
    if cuts:
        blocks = column_blocks(chars, cuts)
        if len(blocks) > 1:
            texts = [cell_text(block) for block in blocks]
            labels = [text for text in texts if not VALUE_WORD.match(text)]
            if len(labels) > 1 and all(ENUMERATOR.match(text) for text in labels):
                return join_wrapped(texts)
    return cell_text(chars, lines)


_NO_RIGHT = float("-inf")


def column_cuts(chars: List[Char]) -> List[float]:
    """Where :func:`column_blocks` parts the chars (the middle of each empty strip), left to right."""
    cuts: List[float] = []
    right = _NO_RIGHT
    for char in sorted(chars, key=X0):
        if char.text == " ":
            continue
        x0 = char.x0
        if right > _NO_RIGHT and x0 - right > char.height / 3:
            cuts.append((right + x0) / 2)
        x1 = char.x1
        if x1 > right:  # right = max(right, char.x1)
            right = x1
    return cuts


def column_blocks(chars: List[Char], cuts: Optional[List[float]] = None) -> List[List[Char]]:
    """The chars parted at every vertical strip, at least a third of a char wide, that no char
    (but a space) covers (``cuts``: :func:`column_cuts` of the chars, where the caller has them)."""
    if cuts is None:
        cuts = column_cuts(chars)
    if not cuts:
        return [list(chars)] if any(c.text != " " for c in chars) else []
    blocks: List[List[Char]] = [[] for _ in range(len(cuts) + 1)]
    for char in chars:
        blocks[bisect.bisect_right(cuts, char.cx)].append(char)
    return [block for block in blocks if any(c.text != " " for c in block)]


def cell_text(chars: List[Char], lines: Optional[List[List[Char]]] = None) -> str:
    if lines is None:
        lines = group_by_line(chars)
    if len(lines) == 1:  # (join_wrapped of one piece: the piece, stripped as spaced_text is)
        return spaced_text(lines[0])
    return join_wrapped([spaced_text(line) for line in lines])


def group_by_line(chars: List[Char]) -> List[List[Char]]:
    """The chars by visual line, top to bottom, each line left to right (chars at the same x0 in the
    order they came in: the sort by ``order`` is stable)."""
    if len(chars) == 1:
        return [list(chars)]
    return [list(line) for _, line in groupby(sorted(chars, key=ORDER), key=LINE)]


# ---------------------------------------------------------------- text outside tables

def gap_pieces(chars: List[Char]) -> Tuple[Optional[List[List[Char]]], Optional[str]]:
    """A line split at wide gaps, when it looks like a borderless table row (two pieces or more,
    numbers), else None; and the line's ``spaced_text`` where it has no gap (read for that then)."""
    piece: List[Char] = []
    pieces: List[List[Char]] = [piece]
    previous_x1 = 0.0
    for index, char in enumerate(chars):
        gap = char.x0 - previous_x1 if index else 0.0  # (from the char before: the current piece's last)
        if gap > char.height or (gap > 0.5 * char.height  # a group label sharing the line: "（四）无法提供 2.没有…"
                                 and ENUMERATOR.match("".join(c.text for c in chars[index: index + 8]))):
            piece = []
            pieces.append(piece)
        piece.append(char)
        previous_x1 = char.x1
    texts = [spaced_text(p) for p in pieces]
    whole = texts[0] if len(texts) == 1 else None  # (the one piece is the whole line)
    pieces = [p for p, text in zip(pieces, texts) if text]
    if len(pieces) < 2 or not any(NUMBER.match(text) for text in texts if text):
        return None, whole
    # a number only a narrow gap after a label ("…重新出具已 0"), or two numbers close together, are
    # cells of their own, as the text layer's words say (a wrapped label's next line joins the label)
    return [word for piece in pieces for word in (text_layer_words(piece) or [piece])], whole


def is_page_number(line: List[Char], height: float) -> bool:
    top, bottom = max([c.y1 for c in line]), min([c.y0 for c in line])
    in_margin = bottom > height * (1 - MARGIN) or top < height * MARGIN
    return in_margin and bool(PAGE_NUMBER.match("".join(c.text for c in line).strip()))


class TextRow:
    """A visual line outside ruled tables; ``pieces`` are the cells of a borderless table row."""

    def __init__(self, chars: List[Char], page: int) -> None:
        self.chars = chars  # (never changed: ``pieces`` are)
        self.page = page
        self.pieces, self._text = gap_pieces(chars)  # (the text where it was read on the way)
        self.top = max([c.y1 for c in chars])
        self.middle = sum([c.cy for c in chars]) / len(chars)
        self.height = chars[0].height

    @property
    def text(self) -> str:
        if self._text is None:  # (asked for up to three times a line)
            self._text = spaced_text(self.chars)
        return self._text

    def line(self) -> Line:
        location = Location(page=self.page, line=self.chars[0].line, column=1)
        if not self.pieces:
            return Line(self.text, location)
        cells = [Cell(cell_text(p), location_of(p[0], self.page)) for p in self.pieces]
        return Line("\t".join(c.text for c in cells), cells[0].location, cells)

    def label_end(self) -> int:
        """Index of the first number piece (the label pieces come before it)."""
        return next((i for i, p in enumerate(self.pieces or []) if NUMBER.match(spaced_text(p))), 0)


def x_range(chars: Sequence[Char]) -> Tuple[float, float]:
    return min([c.x0 for c in chars]), max([c.x1 for c in chars])


def beside(label: TextRow, row: Optional[TextRow]) -> bool:
    """A label-only line lies left of a borderless row's numbers, within two lines of it."""
    if row is None or not row.pieces:
        return False
    numbers_start = x_range(row.pieces[row.label_end()])[0]
    return x_range(label.chars)[1] < numbers_start and abs(label.middle - row.middle) < 2.2 * label.height


def under_label(line: TextRow, row: TextRow) -> bool:
    """The line overlaps the row's last label piece across the page (the rest of a wrapped label)."""
    end = row.label_end()
    if not row.pieces or end == 0:
        return False
    x0, x1 = x_range(row.pieces[end - 1])
    lx0, lx1 = x_range(line.chars)
    return lx0 < x1 and lx1 > x0


def add_wrapped_label_line(row: TextRow, line: TextRow) -> None:
    """Put the next line of wrapped labels into the row's label pieces, each char into the piece
    above it ("（六）其他处" / "理" beside "1.申请人…" / "行政机关…": both labels wrapped)."""
    end = row.label_end()
    spans = [x_range(piece) for piece in row.pieces[:end]]
    for char in line.chars:
        nearest = min(range(end), key=lambda k: max(spans[k][0] - char.cx, char.cx - spans[k][1], 0.0))
        row.pieces[nearest] = row.pieces[nearest] + [char]


def add_label(row: TextRow, labels: List[TextRow]) -> None:
    """Put label lines that came before a borderless row into it, as its first label piece."""
    label_chars = [c for label in labels for c in label.chars]
    first = spaced_text(row.pieces[0])
    if NUMBER.match(first) or ENUMERATOR.match(first):  # no label yet, or its own numbered label
        row.pieces.insert(0, label_chars)
    else:  # the rest of the same wrapped label
        row.pieces[0] = label_chars + row.pieces[0]


def stitch_rows(rows: List[TextRow]) -> List[TextRow]:
    """Borderless tables: label-only lines beside rows with numbers are joined to their row.

    A label line that starts with a row number (一、 （三） 2.) begins the label of the next row;
    one without continues the label above it (a wrapped label) or the one waiting for its row.
    """
    out: List[TextRow] = []
    pending: List[TextRow] = []
    previous: Optional[TextRow] = None  # the last row with numbers, while no other text came after it
    for index, row in enumerate(rows):
        if row.pieces:
            if pending:
                add_label(row, pending)
                row.top = pending[0].top
                pending = []
            out.append(row)
            previous = row
            continue
        following = next((r for r in rows[index + 1: index + 3] if r.pieces), None)
        if (pending or ENUMERATOR.match(row.text)) and previous is not None and beside(row, following):
            pending.append(row)
        elif not pending and not ENUMERATOR.match(row.text) and beside(row, previous) and under_label(row, previous):
            # (a numbered line is a row of its own whose cells are blank, never the rest of a label)
            add_wrapped_label_line(previous, row)
        else:
            out.extend(pending)
            pending = []
            out.append(row)
            previous = None
    out.extend(pending)
    return out


# ---------------------------------------------------------------- pages and document

def read_page(page, page_number: int) -> Tuple[List[Line], int, bool]:
    """(lines, characters read, has images) of one page."""
    textpage = page.get_textpage()
    try:
        chars = page_chars(textpage)
    finally:
        textpage.close()
    drawing = page_drawing(page)
    if not chars:
        return [], 0, drawing.images > 0
    lines = layout_page(chars, drawing.horizontal, drawing.vertical, page.get_height(), page_number)
    return lines, len(chars), drawing.images > 0


def layout_page(chars: List[Char], horizontal: Sequence[Stroke], vertical: Sequence[Stroke], height: float,
                page_number: int) -> List[Line]:
    """The page's lines from its characters and strokes (a text layer's, or what OCR read on a scan)."""
    visual_lines(chars)
    grids = find_grids(merge_rules(horizontal), merge_rules(vertical))
    items: List[Tuple[float, int, List[Line]]] = []  # (top y, order, lines) to sort by position
    free: List[Char] = []
    in_grid: List[List[Char]] = [[] for _ in grids]  # each grid's chars
    areas = [(members, grid.xs[0], grid.xs[-1], grid.ys[-1], grid.ys[0]) for members, grid in zip(in_grid, grids)]
    add_free = free.append
    for char in chars:
        cx, cy = char.cx, char.cy
        for members, left, right, bottom, top in areas:  # the first grid that contains it
            if left <= cx <= right and bottom <= cy <= top:
                members.append(char)
                break
        else:
            add_free(char)
    for grid, members in zip(grids, in_grid):
        if members:
            items.append((grid.ys[0], 1, grid_rows(grid, members, page_number)))
    text_rows = [TextRow(line_chars, page_number) for line_chars in group_by_line(free)
                 if not all(c.text == " " for c in line_chars) and not is_page_number(line_chars, height)]
    items.extend((row.top, 0, [row.line()]) for row in stitch_rows(text_rows))
    items.sort(key=lambda item: (-item[0], item[1]))
    return [line for _, _, lines in items for line in lines]


def open_pdf(data: bytes, path: str):
    """The document for reading its text layer and drawing (``giklint.loaders._pdfium``)."""
    from giklint.loaders._pdfium import Document, PdfiumError

    try:
        return Document(data)
    except PdfiumError as exc:
        raise unreadable(data, path, exc.err_code) from None


def open_pdf_to_render(data: bytes, path: str):
    """The document as pypdfium2's ``PdfDocument``, whose pages render to images (for OCR)."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise unreadable(data, path, getattr(exc, "err_code", None)) from None


def unreadable(data: bytes, path: str, code: Optional[int]) -> InputError:
    """Why PDFium could not load the document (``FPDF_GetLastError``), in the user's words."""
    if code == 4:  # FPDF_ERR_PASSWORD
        return InputError(path, "PDF已加密，无法读取（需要打开密码）")
    if code == 5:  # FPDF_ERR_SECURITY
        return InputError(path, "PDF已加密（不支持的加密方式），无法读取")
    if b"%%EOF" not in data[-2048:]:
        return InputError(path, "PDF文件不完整（缺少文件结尾，可能下载中断），无法读取")
    return InputError(path, "PDF文件已损坏，无法读取")


def sniff_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def load_pdf(data: bytes, path: str) -> Document:
    """The PDF read in a child process with a memory and time limit where the system can fork.

    PDFium inflates a compressed stream bomb until memory runs out and then aborts the whole process
    (SIGABRT, no message): in a child, that is a clear input error and the run goes on.
    """
    require_data(data, path)
    import os

    if not hasattr(os, "fork"):  # pragma: no cover - Windows: read here, the page limit still holds
        return read_pdf(data, path)
    from giklint.loaders import read_ahead
    from giklint.loaders._packed import unpack

    child = read_ahead.take(path, data)  # the command line's one PDF: its child may be reading it already
    if child is None:
        from giklint.limits import current
        from giklint.loaders._child import Limited
        from giklint.loaders._pdfium import calls

        calls()  # PDFium loaded once in this process: every file's child inherits it, not loads it again
        limits = current()
        child = Limited(read_pdf_packed, (data, path), limits.max_pdf_memory, limits.pdf_seconds)
    answer = child.outcome(path, "PDF", "max_pdf_memory", "pdf_seconds")
    return answer if isinstance(answer, Document) else unpack(answer)


def read_pdf_packed(data: bytes, path: str):
    """What the reading child sends back: the document as plain tuples (``giklint.loaders._packed``,
    a fraction of a pickled document's cost), or the document itself when it cannot be packed.

    Run in the forked child only: the objects it inherited from the checking process are frozen out
    of the garbage collector first (what the ``gc`` module's documentation advises after a fork),
    so its collections look at the objects the reading makes, not again at the parent's (~2 M
    instructions for a 4-page report); cycles the reading makes are collected as before."""
    import gc

    from giklint.loaders._packed import pack

    gc.freeze()
    document = read_pdf(data, path)
    return pack(document) or document


def read_pdf(data: bytes, path: str) -> Document:
    from giklint.limits import current, exceeded

    document = open_pdf(data, path)
    if len(document) > current().max_pdf_pages:
        pages = len(document)
        document.close()
        raise exceeded(path, f"PDF页数（{pages}）", current().max_pdf_pages, "max_pdf_pages")
    pages: List[List[Line]] = []
    counts: List[int] = []  # characters of each page's text layer
    empty_pages: List[int] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                page_lines, count, has_images = read_page(page, index + 1)
            finally:
                page.close()
            pages.append(page_lines)
            counts.append(count)
            if count < 5 and has_images:
                empty_pages.append(index + 1)
    finally:
        document.close()
    # -- OCR (giklint/loaders/scan.py): pages without a text layer, or every page with --ocr always
    from giklint.loaders.ocr_mode import ocr_mode

    uncertain: List[Location] = []
    if empty_pages or ocr_mode() == "always":
        from giklint.loaders.scan import read_scanned_pages, scan_notices

        scans = read_scanned_pages(data, path, counts, empty_pages)
        for number, page_lines in scans.lines.items():
            pages[number - 1] = page_lines
        notices, uncertain = scan_notices(counts, empty_pages, scans), scans.uncertain
    else:  # nothing for OCR (its modules stay unimported): the notice scan_notices gives then
        notices = [NO_TEXT_LAYER] if too_little_text(sum(counts), len(counts)) else []
    lines = [line for page_lines in pages for line in page_lines]
    return Document(path=path, format="pdf", lines=lines, encoding=None, notices=notices, uncertain=uncertain)


def too_little_text(characters: int, pages: int) -> bool:
    """Whether a document's text (``characters`` read from ``pages`` pages) is too little to be a
    text layer: fewer than five characters a page (a stray page number)."""
    return characters < 5 * max(pages, 1)


PDF = LoaderSpec("pdf", (".pdf",), load_pdf, sniff_pdf, "PDF")
