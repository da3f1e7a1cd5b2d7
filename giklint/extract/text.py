"""Text helpers shared by the extractors: one-to-one normalisation and lines joined with a location map.

``normalize`` maps every character to exactly one character (full-width digits, letters, brackets,
colons and quotes to their plain forms; ideographic and other odd spaces to a space), so an offset
in the normalised text is the same offset in the printed text and locations stay exact.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from typing import Iterable, List, Optional, Sequence, Tuple

from giklint import dates, lazy_re
from giklint.document import Line, Location

_TABLE = {}
for _code in range(0xFF01, 0xFF5F):  # full-width ASCII block
    _TABLE[_code] = chr(_code - 0xFEE0)
_TABLE.update({
    0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x200B: " ", 0xFEFF: " ",
    0x201C: '"', 0x201D: '"', 0x300C: '"', 0x300D: '"', 0x2018: "'", 0x2019: "'",
    0x2014: "-", 0x2013: "-", 0x2012: "-", 0x2212: "-", 0xFE63: "-",
    0x3001: "、", 0xFF0E: ".",
})

# Markers that exports glue into the text: "[bookmark: _GoBack]", "[image: 图片1]"
EXPORT_MARKER = lazy_re.compile(r"\[(?:bookmark|image|图片)[:：][^\]]*\]")
HAN = lazy_re.compile(r"[\u4e00-\u9fff]")  # a Chinese character (the CJK unified ideographs)


# normalize replaces only the characters it changes, found by one pattern: str.translate looks up
# every character of Chinese text in the table (3-5x slower, on every line of every report)
_CHANGED = lazy_re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")
_REPLACEMENT = {chr(code): replacement for code, replacement in _TABLE.items()}


def _replacement(match: "re.Match[str]") -> str:
    return _REPLACEMENT[match.group()]


def normalize(text: str) -> str:
    """Same length as ``text``; see the module docstring."""
    return _CHANGED.sub(_replacement, text)


def blank_markers(text: str) -> str:
    """Replace export markers by spaces of the same length (keeps columns right)."""
    return EXPORT_MARKER.sub(lambda m: " " * len(m.group(0)), text)


def squeeze(text: str) -> str:
    """Normalised and without any white space: for matching labels like ``商业 企业``."""
    return "".join(normalize(text).split())  # str.split's white space is the \s of re


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """A line as the extractors match it: export markers blanked, then normalised (same length as
    ``text``). The per-line pre-pass the extractors share: each line is derived once, however many
    extractors read it (and the same heading or table row in many reports of a batch, once)."""
    return normalize(blank_markers(text))


class Flow:
    """Lines joined by a separator into one string, with every offset mapped back to a location.

    Lines from structured sources (table rows with real cells) map each offset to the cell it falls in.
    """

    def __init__(self, lines: Sequence[Line], sep: str = "\n") -> None:
        self.lines = list(lines)
        pieces: List[str] = []
        self._starts: List[int] = []  # offset where each segment starts
        self._segments: List[Tuple[Location, bool]] = []  # (location, shifts within the segment)
        offset = 0
        for index, line in enumerate(self.lines):
            if index:
                pieces.append(sep)
                offset += len(sep)
            if line.cells:
                for cell_index, cell in enumerate(line.cells):
                    if cell_index:
                        pieces.append("\t")
                        offset += 1
                    self._starts.append(offset)
                    self._segments.append((cell.location, cell.location.column is not None))
                    pieces.append(cell.text)
                    offset += len(cell.text)
            else:
                self._starts.append(offset)
                self._segments.append((line.location, True))
                pieces.append(line.text)
                offset += len(line.text)
        self.raw = "".join(pieces)
        if "[" in self.raw:  # an export marker may run over a line's end: blanked in the whole text
            self.text = normalize(blank_markers(self.raw))
        else:  # the lines' own pre-pass, mostly made already (normalize maps each character alone)
            self.text = "".join([plain(piece) for piece in pieces])

    def location(self, offset: int) -> Location:
        if not self._starts:
            return Location()
        index = max(0, bisect.bisect_right(self._starts, offset) - 1)
        location, shifts = self._segments[index]
        return location.shifted(offset - self._starts[index]) if shifts else location


def line_items(lines: Iterable[Line]) -> List[dict]:
    """Lines as model items ``{"text", "location"}`` (non-blank lines only)."""
    return [{"text": line.text, "location": line.location.to_dict()} for line in lines if line.text.strip()]


DATE = lazy_re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def iso_date(year: str, month: str, day: str) -> Optional[str]:
    """``YYYY-MM-DD`` when the parts make a real date, else None."""
    try:
        return dates.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# --- helpers for the sections / meta / narrative extractors ---------------------------------------

CHINESE_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> Optional[int]:
    """Value of a Chinese numeral up to 99 (``六``, ``十二``, ``二十一``) or of a digit-by-digit one
    (``二〇二一``); None when ``text`` is not one."""
    if not text:
        return None
    if "十" not in text:
        if not all(ch in CHINESE_DIGITS for ch in text):
            return None
        value = 0
        for ch in text:
            value = value * 10 + CHINESE_DIGITS[ch]
        return value
    tens, _, units = text.partition("十")
    if (tens and tens not in CHINESE_DIGITS) or (units and units not in CHINESE_DIGITS) or len(tens) > 1:
        return None
    return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[units] if units else 0)


_NOT_SPACE = lazy_re.compile(r"\S+")


class Compact:
    """``text`` without white space (:attr:`text`), and where each of its characters stands in ``text``.

    For matching phrases that PDF or Markdown text breaks across lines ("共计 64\\n\\n条"). Where the
    characters stand is kept per run of non-space characters, not per character: a report's text
    has thousands of characters and a few hundred runs.
    """

    def __init__(self, text: str) -> None:
        spans = [run.span() for run in _NOT_SPACE.finditer(text)]  # \S: not str.isspace()
        self.text = "".join([text[start:end] for start, end in spans])
        self._starts = [start for start, _ in spans]  # where each run starts in ``text``
        self._lengths = [end - start for start, end in spans]
        self._at = list(itertools.accumulate(self._lengths[:-1], initial=0)) if spans else []  # … in :attr:`text`

    def offset(self, index: int) -> int:
        """Where character ``index`` of :attr:`text` stands in the original text."""
        if index < 0:
            index += len(self.text)
        if not 0 <= index < len(self.text):
            raise IndexError(index)
        run = bisect.bisect_right(self._at, index) - 1
        return self._starts[run] + index - self._at[run]

    def index(self, offset: int) -> int:
        """How many characters of :attr:`text` stand before ``offset`` in the original text."""
        run = bisect.bisect_right(self._starts, offset) - 1
        if run < 0:
            return 0
        return self._at[run] + min(self._lengths[run], offset - self._starts[run])


def offset_location(line: Line, offset: int) -> Location:
    """Where character ``offset`` of ``line.text`` stands (the cell it falls in, for table rows)."""
    if not line.cells:
        return line.location.shifted(offset)
    start = 0
    for cell in line.cells:
        end = start + len(cell.text)
        if offset <= end:
            inside = offset - start
            return cell.location.shifted(inside) if cell.location.column is not None else cell.location
        start = end + 1  # the tab between cells
    return line.cells[-1].location


def one_line(text: str) -> str:
    """Text as printed, with the line breaks that PDF/Word exports put inside a phrase removed."""
    if "\n" not in text:
        return text.strip()
    # split, not re.sub(r"[ \t\u3000]*\n\s*"): that pattern is quadratic on a long run of spaces
    pieces = text.split("\n")
    kept = [piece.rstrip(" \t\u3000") for piece in pieces[:1]]
    kept += [piece.lstrip().rstrip(" \t\u3000") for piece in pieces[1:-1]]
    kept.append(pieces[-1].lstrip())
    return "".join(kept).strip()
