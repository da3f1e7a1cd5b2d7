"""Helpers shared by the structured loaders (HTML, Word, PDF): wrapped text, table rows, dates, errors."""
from __future__ import annotations

import datetime
import re
from typing import Iterable, List, Optional

from giklint.document import Cell, Line, Location
from giklint.errors import InputError

# CJK ideographs, kana, full-width forms and CJK punctuation: no space is written between them
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2018-\u201f\u2026\u2014]")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def is_wide(char: str) -> bool:
    return bool(char) and bool(_WIDE.match(char))


def join_wrapped(pieces: Iterable[str]) -> str:
    """Join pieces of one text that a layout wrapped or split (cell lines, runs, tags).

    No separator where either side is CJK (``结果`` + ``维持``), one space between Latin words.
    """
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and not (is_wide(out[-1]) or is_wide(piece[0])):
            out += " "
        out += piece
    return out


def collapse_spaces(text: str) -> str:
    """HTML-style white space: runs become one space, or nothing when a line break sits between CJK."""

    def replace(match: "re.Match[str]") -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if "\n" in match.group(0) and (is_wide(before) or is_wide(after)):
            return ""
        return " "

    return _SPACES.sub(replace, text)


def table_row(cells: List[Cell], location: Location) -> Optional[Line]:
    """One table row as a Line (cells joined by tabs); None for a row without cells.

    A row of empty cells is kept: in a blank template it is the row of values still to be filled.
    """
    if not cells:
        return None
    return Line("\t".join(cell.text for cell in cells), location, cells)


DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def iso_date(text: str) -> Optional[str]:
    """The first real date in ``text`` as YYYY-MM-DD (2022-01-20, 2022/1/20, 2022年1月20日)."""
    for match in DATE.finditer(text):
        try:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            continue
    return None


def require_data(data: bytes, path: str) -> None:
    if not data.strip():
        raise InputError(path, "文件为空")
