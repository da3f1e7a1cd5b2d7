"""Table cell values: what a printed cell says, as a number, a unit, or "not a number".

Cells arrive as printed, with odd spaces ("0\u2002", "　0"), full-width digits, export markers
("[bookmark: _GoBack]375") and units ("425万元"). :func:`read_value` classifies one cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Union

from giklint.extract.text import blank_markers, normalize

Number = Union[int, float]

UNITS = ("万元", "元")
_NUMBER = re.compile(r"^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|条)?$")
# What stands in a value cell but is no number: dashes, slashes, 无, 空 ...
_NOT_A_NUMBER = re.compile(r"^(?:[-~/\\×*.·_]+|无|空|暂无|未填|不适用|n/?a)$", re.IGNORECASE)


@dataclass(frozen=True)
class CellValue:
    kind: str  # "number", "invalid" (text where a number belongs), "empty", "text" (a label)
    number: Optional[Number] = None
    unit: Optional[str] = None  # "万元" / "元" when printed with the number


_SPACE = re.compile(r"\s+")
_EMPHASIS = re.compile(r"^([*_`]+)(.+?)\1$")
_UNIT_IN_HEADER = re.compile(r"(?:\(|单位:)(?:单位:)?(万元|元)")


def clean_cell(text: str) -> str:
    """The cell without export markers, Markdown emphasis ("**12**") and white space of any width."""
    cell = _SPACE.sub("", normalize(blank_markers(text) if "[" in text else text))
    return _EMPHASIS.sub(r"\2", cell) if cell[:1] in ("*", "_", "`") else cell


def read_value(text: str) -> CellValue:
    """What a cell says, given as printed."""
    return read_clean_value(clean_cell(text))


def read_clean_value(cell: str) -> CellValue:
    """What a cell says, given as :func:`clean_cell` leaves it."""
    if not cell:
        return CellValue("empty")
    match = _NUMBER.match(cell)
    if match:
        sign, digits, fraction, unit = match.groups()
        digits = digits.replace(",", "")
        number: Number = float(digits + fraction) if fraction else int(digits)
        if sign == "-":
            number = -number
        return CellValue("number", number, unit if unit in UNITS else None)
    if _NOT_A_NUMBER.match(cell):
        return CellValue("invalid")
    return CellValue("text")


def unit_of(text: str) -> Optional[str]:
    """The money unit a header names: "采购总金额(元)" -> "元", "（单位：万元）" -> "万元"."""
    match = _UNIT_IN_HEADER.search(clean_cell(text))
    return match.group(1) if match else None
