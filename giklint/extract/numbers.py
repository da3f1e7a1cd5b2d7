"""Table cell values: what a printed cell says, as a number, a unit, or "not a number".

Cells arrive as printed, with odd spaces ("0\u2002", "　0"), full-width digits, export markers
("[bookmark: _GoBack]375") and units ("425万元"). :func:`read_value` classifies one cell.
"""
from __future__ import annotations

import itertools
import math
import re
from functools import lru_cache
from typing import Callable, List, Optional, Sequence, Tuple, Union

from giklint import lazy_re
from giklint.extract.text import blank_markers, normalize
from giklint.records import dataclass

Number = Union[int, float]
MAX_COUNT_DIGITS = 12  # a count or amount in a table has at most 12 digits (giklint.limits.max_number_digits)

UNITS = ("万元", "元")
MAX_READ_DIGITS = 100  # longer digit runs are not read at all (a flattened 表四 row has about 30)
_NUMBER = lazy_re.compile(r"^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|条)?$")
# What stands in a value cell but is no number: dashes, slashes, 无, 空 ...
_NOT_A_NUMBER = lazy_re.compile(r"^(?:[-~/\\×*.·_]+|无|空|暂无|未填|不适用|n/?a)$", re.IGNORECASE)


@dataclass(frozen=True)
class CellValue:
    """What a table cell's printed text is: a number (with its unit), invalid text, empty, or a label."""

    kind: str  # "number", "invalid" (text where a number belongs), "empty", "text" (a label)
    number: Optional[Number] = None
    unit: Optional[str] = None  # "万元" / "元" when printed with the number


_SPACE = lazy_re.compile(r"\s+")
_EMPHASIS = lazy_re.compile(r"^([*_`]+)(.+?)\1$")
_UNIT_IN_HEADER = lazy_re.compile(r"(?:\(|单位:)(?:单位:)?(万元|元)")


# The numeric tokens of the per-line pre-pass: a table's cells repeat the same few texts ("0", "1",
# "—", row labels) within a report and across a batch, so each text is read once.
@lru_cache(maxsize=8192)
def clean_cell(text: str) -> str:
    """The cell without export markers, Markdown emphasis ("**12**") and white space of any width."""
    cell = _SPACE.sub("", normalize(blank_markers(text) if "[" in text else text))
    return _EMPHASIS.sub(r"\2", cell) if cell[:1] in ("*", "_", "`") else cell


def read_value(text: str) -> CellValue:
    """What a cell says, given as printed."""
    return read_clean_value(clean_cell(text))


@lru_cache(maxsize=8192)
def read_clean_value(cell: str) -> CellValue:
    """What a cell says, given as :func:`clean_cell` leaves it."""
    if not cell:
        return CellValue("empty")
    match = _NUMBER.match(cell)
    if match:
        sign, digits, fraction, unit = match.groups()
        digits = digits.replace(",", "")
        if len(digits) > MAX_READ_DIGITS:
            return CellValue("invalid")  # float() of 400 digits overflows, int() of 4,301 raises
        number: Number = float(digits + fraction) if fraction else int(digits)
        if sign == "-":
            number = -number
        return CellValue("number", number, unit if unit in UNITS else None)
    if _NOT_A_NUMBER.match(cell):
        return CellValue("invalid")
    return CellValue("text")


def count_bound() -> int:
    """What every count a table holds is under: 10**12 (``max_number_digits``, see giklint.limits)."""
    from giklint.limits import limit

    return 10 ** limit("max_number_digits")


def is_count(number: Optional[Number], bound: Optional[int] = None) -> bool:
    """None (not printed) or a number a table can hold: finite, under :func:`count_bound` (``bound``:
    that, when the caller asks for many numbers at once)."""
    return number is None or (math.isfinite(number) and abs(number) < (bound or count_bound()))


def unit_of(text: str) -> Optional[str]:
    """The money unit a header names: "采购总金额(元)" -> "元", "（单位：万元）" -> "万元"."""
    match = _UNIT_IN_HEADER.search(clean_cell(text))
    return match.group(1) if match else None


# ---------------------------------------------------------------- digit runs

_RUN = lazy_re.compile(r"^([-+]?)(\d+)(\.\d+)?$")
MAX_SEGMENTATIONS = 20000  # enough for a 表四 run of 20 digits; longer runs are left unread


def _pieces_of(run: str, count: int) -> List[List[Number]]:
    """Every way to read the printed run ``run`` ("801000081", "-18538", "2895.90") as ``count``
    numbers, none with a leading zero; a sign belongs to the first, a fraction to the last."""
    match = _RUN.match(run)
    if not match or count < 1 or count > len(match.group(2)):
        return []
    sign, digits, fraction = match.groups()
    results: List[List[Number]] = []
    for cuts in itertools.combinations(range(1, len(digits)), count - 1):
        parts = [digits[a:b] for a, b in zip((0,) + cuts, cuts + (len(digits),))]
        if any((len(part) > 1 and part[0] == "0") or len(part) > MAX_COUNT_DIGITS for part in parts):
            continue
        numbers: List[Number] = [int(part) for part in parts]
        if fraction:
            numbers[-1] = float(parts[-1] + fraction)
        if sign == "-":
            numbers[0] = -numbers[0]
        results.append(numbers)
    return results


def segmentations(runs: Sequence[str], count: int,
                  check: Optional[Callable[[List[Number]], bool]] = None) -> List[List[Number]]:
    """Every reading of the printed runs (digits of flattened cells run together: "80 1000081")
    as ``count`` numbers that passes ``check`` (a row identity); the caller takes the reading only
    when there is exactly one. Empty when the runs allow too many readings to try."""
    digits = [len(_RUN.match(run).group(2)) if _RUN.match(run) else 0 for run in runs]
    if not runs or not all(digits) or sum(digits) < count:
        return []
    tried, found = 0, []
    for split in _splits(digits, count):
        tried += _product([math.comb(length - 1, n - 1) for length, n in zip(digits, split)])
        if tried > MAX_SEGMENTATIONS:
            return []
        options = [_pieces_of(run, n) for run, n in zip(runs, split)]
        for choice in itertools.product(*options):
            numbers = [number for part in choice for number in part]
            if check is None or check(numbers):
                found.append(numbers)
    return found


def _splits(digits: Sequence[int], count: int) -> List[Tuple[int, ...]]:
    """How many numbers each run holds: at least one, at most its digits, ``count`` in all."""
    if count < len(digits) or count > sum(digits):
        return []
    if len(digits) == 1:
        return [(count,)] if 1 <= count <= digits[0] else []
    return [(first,) + rest for first in range(1, min(digits[0], count) + 1)
            for rest in _splits(digits[1:], count - first)]


def _product(sizes: Sequence[int]) -> int:
    total = 1
    for size in sizes:
        total *= size
    return total
