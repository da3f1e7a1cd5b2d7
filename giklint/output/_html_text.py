"""The HTML page's rendering of a document's text, each finding marked where it occurs.

A finding is placed on a :class:`giklint.document.Line` by its location: a real table cell (Word,
HTML, PDF cells) by the cell's location, a text line by line (or page and line, or paragraph) and the
column within it. Where the finding has a column the mark covers the word or figure that starts
there; without one, the whole line. Everything from the document is escaped.
"""
from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Dict, List, Optional, Sequence, Tuple

from giklint.document import Document, Line, Location
from giklint.records import dataclass
from giklint.rule import SEVERITY_RANK

# Characters that end the marked word when a finding has a start column but no end
WORD_STOPS = set(" \t|｜\u3000。，；：,;")
MAX_MARK_CHARACTERS = 30


@dataclass
class Mark:
    """One finding's highlight in the HTML report's text: where it starts and what it shows on hover."""
    finding_id: str  # id of the finding's entry in the list
    anchor_id: str  # id of the anchor placed where the mark starts
    severity: str
    code: str
    title: str  # shown on hover: "GK311 表三…"
    start: int  # offsets into the line's text, end exclusive
    end: int


def _key(location: Location, with_column: bool) -> tuple:
    key = (location.page, location.line, location.paragraph, location.table, location.row, location.cell)
    return key + (location.column,) if with_column else key


def cell_spans(line: Line) -> Optional[List[Tuple[int, int]]]:
    """(start, end) of each cell in ``line.text`` when the text is the cells joined by tabs."""
    if not line.cells or "\t".join(cell.text for cell in line.cells) != line.text:
        return None
    spans, offset = [], 0
    for cell in line.cells:
        spans.append((offset, offset + len(cell.text)))
        offset += len(cell.text) + 1
    return spans


def _figure_character(char: str) -> bool:
    """Part of a number or a Latin token (XX, 0123-6733467, 12.5%), in half or full width."""
    return (char.isascii() and (char.isalnum() or char in ".%-")) or "０" <= char <= "９" or char in "．％"


def word_end(text: str, start: int) -> int:
    """Where the marked word starting at ``start`` ends: a number or Latin token, else a phrase up to
    the next punctuation mark (at most MAX_MARK_CHARACTERS)."""
    if text[start] in WORD_STOPS:
        return start + 1
    same_kind = _figure_character if _figure_character(text[start]) else (lambda char: char not in WORD_STOPS)
    end = start
    while end < len(text) and same_kind(text[end]) and end - start < MAX_MARK_CHARACTERS:
        end += 1
    return end


class LineIndex:
    """Finds the line (and the stretch of it) a location points at."""

    def __init__(self, document: Document) -> None:
        self.lines = document.lines
        self.by_key: Dict[tuple, List[int]] = {}
        self.by_cell: Dict[tuple, Tuple[int, int]] = {}
        self.spans: Dict[int, List[Tuple[int, int]]] = {}
        for i, line in enumerate(self.lines):
            self.by_key.setdefault(_key(line.location, False), []).append(i)
            spans = cell_spans(line)
            if spans:
                self.spans[i] = spans
            for j, cell in enumerate(line.cells or []):
                self.by_cell.setdefault(_key(cell.location, True), (i, j))  # a merged cell: its first row

    def place(self, location: Location, end: Optional[Tuple[Optional[int], Optional[int]]] = None
              ) -> Optional[Tuple[int, int, int]]:
        """(line index, start, end) of what ``location`` points at, or None when no line matches."""
        cell = self.by_cell.get(_key(location, True))
        if cell is not None:
            index, number = cell
            if index in self.spans:
                return (index,) + self.spans[index][number]
            return self._whole(index)
        candidates = self.by_key.get(_key(location, False))
        if not candidates and location.cell is not None:  # a Word cell not read as a cell: its row
            candidates = self.by_key.get(_key(replace(location, cell=None), False))
            location = replace(location, column=None)
        if not candidates:
            return None
        index = self._nearest(candidates, location.column)
        line = self.lines[index]
        if location.column is None or line.cells or line.location.column is None:
            return self._whole(index)
        start = location.column - line.location.column
        if not 0 <= start < len(line.text):
            return self._whole(index)
        stop = word_end(line.text, start)
        end_line, end_column = end or (None, None)
        if end_line == location.line and end_column and end_column > location.column:
            stop = min(len(line.text), end_column - line.location.column)
        return index, start, stop

    def _nearest(self, candidates: Sequence[int], column: Optional[int]) -> int:
        """Of lines sharing a location key (several lines of one HTML source line), the one holding ``column``."""
        if column is None:
            return candidates[0]
        before = [i for i in candidates if (self.lines[i].location.column or 1) <= column]
        return before[-1] if before else candidates[0]

    def _whole(self, index: int) -> Tuple[int, int, int]:
        return index, 0, len(self.lines[index].text)


def line_label(line: Line) -> str:
    """第12行 / 第3页第8行 / 第5段 / 表格2第3行 — where the line stands, without its column."""
    return replace(line.location, column=None).describe()


def render_line_text(text: str, marks: Sequence[Mark]) -> str:
    """The line's text, escaped, with each stretch some finding covers in one ``<mark>``."""
    points = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: List[str] = []
    anchored = set()
    for start, stop in zip(points, points[1:]):
        for mark in marks:
            if mark.start == start and mark.anchor_id not in anchored:
                anchored.add(mark.anchor_id)
                out.append(_anchor(mark))
        covering = [m for m in marks if m.start <= start and stop <= m.end]
        piece = escape(text[start:stop])
        out.append(_mark(covering, piece) if covering else piece)
    out.extend(_anchor(m) for m in marks if m.anchor_id not in anchored)
    return "".join(out)


def _anchor(mark: Mark) -> str:
    return f'<span class="anchor" id="{escape(mark.anchor_id)}"></span>'


def _mark(marks: Sequence[Mark], piece: str) -> str:
    worst = max(marks, key=lambda m: SEVERITY_RANK.get(m.severity, 0)).severity
    ids = " ".join(m.finding_id for m in marks)
    title = "\n".join(m.title for m in marks)
    return (f'<mark class="finding-mark sev-{escape(worst)}" data-findings="{escape(ids)}" '
            f'title="{escape(title)}">{piece}</mark>')


def render_document(document: Document, marks_by_line: Dict[int, List[Mark]], file_id: str) -> str:
    rows = []
    for i, line in enumerate(document.lines):
        marks = marks_by_line.get(i) or []
        classes = "line has-finding" if marks else "line"
        badges = "".join(
            f'<a class="badge sev-{escape(m.severity)}" href="#{escape(m.finding_id)}">{escape(m.code)}</a>'
            for m in marks)
        rows.append(f'<div class="{classes}" id="{file_id}-line-{i + 1}"><span class="where">'
                    f'{escape(line_label(line))}</span><span class="text">{render_line_text(line.text, marks)}'
                    f'</span>{badges}</div>')
    return f'<div class="document">{"".join(rows)}</div>'
