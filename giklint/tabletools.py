"""Helpers for rules that read 表二, 表三 and 表四: numbers as a reader writes them, which rows and
columns a table of its format has, whether a row was printed, and where rows and cells stand.

Everything here reads the typed model through a :class:`giklint.rule.Context` and never raises on
an odd model (a model file written by hand may hold any subset of the tables).
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from giklint import lazy_re
from giklint.model import INVALID, UNCERTAIN, Location, Row
from giklint.rule import Context
from giklint.vocabulary import (
    ACTIVE_DISCLOSURE_2019,
    ACTIVE_DISCLOSURE_2021,
    APPLICATION_COLUMNS,
    OTHER_ROWS_2021,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    application_rows,
)

# cells printed as a dash or slash mean "nothing here": a blank, not a malformed number
_BLANK_MARK = lazy_re.compile(r"^[\s\-－—–_/／\\、无空]*$")


# -- numbers and message text ------------------------------------------------------------------------
def is_number(value: Any) -> bool:
    kind = value.__class__  # (asked of every cell a rule sums: the exact types first)
    return kind is int or kind is float or (isinstance(value, (int, float)) and kind is not bool)


def all_numbers(values: Iterable[Any]) -> bool:
    for value in values:
        kind = value.__class__
        if kind is not int and kind is not float and not is_number(value):
            return False
    return True


def same_amount(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


def fmt(value: Any) -> str:
    """A number as a reader writes it: 5 not 5.0, 9116.36 not 9116.360000001."""
    if is_number(value) and float(value).is_integer():
        return str(int(value))
    if is_number(value):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


def is_blank_mark(text: Any) -> bool:
    return text is None or (isinstance(text, str) and bool(_BLANK_MARK.match(text)))


def snippet(text: str, limit: int = 60) -> str:
    """A sentence without its line breaks and spaces, cut to fit a message."""
    text = "".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + "…"


def quoted(labels: Sequence[str]) -> str:
    return "".join(f"“{label}”" for label in labels)


def compact_list(labels: Sequence[str], limit: int = 4) -> str:
    """`a、b、c、d等7行` — lists stay short in one-line messages."""
    shown = "、".join(labels[:limit])
    return shown if len(labels) <= limit else f"{shown}等{len(labels)}行"


def sum_breaks(parts: Sequence[Any], total: Any) -> bool:
    """An identity `total = sum(parts)` that fails — judged only where every cell is a number."""
    values = list(parts) + [total]
    return all_numbers(values) and not same_amount(sum(parts), total)


# -- rows and values ---------------------------------------------------------------------------------
def table_values(ctx: Context, name: str) -> Dict[str, Dict[str, Any]]:
    """Row -> column -> value of the rows the table's values hold (empty when the table is absent)."""
    table = ctx.table(name)
    if table is None or not table.has_values:
        return {}
    return {row.key: row.values for row in table.rows if row.in_values}


def described_rows(ctx: Context, name: str) -> Dict[str, Row]:
    """The rows the extractor described (label, location, printed values), by key."""
    table = ctx.table(name)
    return {row.key: row for row in table.rows if row.described} if table else {}


def row_values(ctx: Context, name: str, row: str) -> Dict[str, Any]:
    """Column -> value of one row (empty when the row is absent)."""
    found = ctx.row(name, row)
    return found.values if found is not None and found.in_values else {}


def invalid_cells(ctx: Context, name: str, state: str = INVALID) -> Dict[str, str]:
    """``row.column`` -> the text printed where a number belongs (``state`` UNCERTAIN: the text OCR
    read with low confidence)."""
    table = ctx.table(name)
    return {f"{cell.row}.{cell.column}": cell.text for cell in table.cells()
            if cell.text is not None and cell.state == state} if table else {}


def cell_text(ctx: Context, name: str, row: str, column: str, state: str = INVALID) -> Optional[str]:
    """One cell's entry in :func:`invalid_cells` (``state`` UNCERTAIN: :func:`uncertain_cells`), None
    when it has none; without gathering the whole table's (a rule asking row by row)."""
    found = ctx.row(name, row)
    cell = found.cell(column) if found is not None else None
    return cell.text if cell is not None and cell.state == state else None


def uncertain_cells(ctx: Context, name: str) -> Dict[str, str]:
    """``row.column`` -> what OCR read, with low confidence, in a cell of a scanned table (no value)."""
    return invalid_cells(ctx, name, UNCERTAIN)


def report_year(ctx: Context) -> Optional[int]:
    year = ctx.meta.year
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def table_template(ctx: Context, name: str) -> Optional[str]:
    """The format of one table: its own signature first, the report's otherwise."""
    table = ctx.table(name)
    template = (table.template if table else None) or ctx.meta.template
    return template if template in ("2019", "2021", "mixed") else None


def other_rows(ctx: Context) -> Tuple[str, ...]:
    """表三's （六）其他处理 rows: the 2021 three, or the 2019/mixed single row — never both."""
    template = table_template(ctx, "applications")
    has_single = ctx.row("applications", "other") is not None
    if template == "2019" or (template != "2021" and has_single):
        return ("other",)
    return OTHER_ROWS_2021


def expected_rows(ctx: Context, name: str) -> List[str]:
    """The rows a table of its format must have, in printed order."""
    template = table_template(ctx, name)
    if name == "applications":
        keys = [key for key, _, _ in application_rows("2021")]
        if other_rows(ctx) == ("other",):
            first = keys.index(OTHER_ROWS_2021[0])
            keys = keys[:first] + ["other"] + keys[first + len(OTHER_ROWS_2021):]
        return keys
    if name == "review_litigation":
        return [key for key, _ in REVIEW_GROUPS]
    if template == "mixed":  # only the rows both formats share
        new = [row[0] for row in ACTIVE_DISCLOSURE_2021]
        return [key for key in new if key in {row[0] for row in ACTIVE_DISCLOSURE_2019}]
    source = ACTIVE_DISCLOSURE_2019 if template == "2019" else ACTIVE_DISCLOSURE_2021
    return [row[0] for row in source]


def value_columns(ctx: Context, name: str, row: str) -> List[str]:
    """The numeric columns of one row (表二's columns depend on the row and the format)."""
    if name == "applications":
        return [key for key, _ in APPLICATION_COLUMNS]
    if name == "review_litigation":
        return [key for key, _ in REVIEW_COLUMNS]
    template = table_template(ctx, name)
    layouts = [ACTIVE_DISCLOSURE_2019] if template == "2019" else [ACTIVE_DISCLOSURE_2021]
    if template == "mixed":
        layouts = [ACTIVE_DISCLOSURE_2021, ACTIVE_DISCLOSURE_2019]
    for layout in layouts:
        for key, _, _, columns in layout:
            if key == row:
                return [column for column, _ in columns]
    return []


def printed_values(ctx: Context, name: str, row: str) -> List[Any]:
    """What the row prints, blanks and dashes left out."""
    found = ctx.row(name, row)
    if found is None or found.printed is None:
        return []
    return [value for value in found.printed if not is_blank_mark(value)]


def row_has_values(ctx: Context, name: str, row: str) -> bool:
    return any(is_number(v) for key, v in row_values(ctx, name, row).items() if key != "amount_unit") or bool(
        printed_values(ctx, name, row))


def row_seen_blank(ctx: Context, name: str, row: str) -> bool:
    """The row's label and its (blank) cells were read: the row is there, unfilled."""
    found = ctx.row(name, row)
    return found is not None and found.placed is True


def row_present(ctx: Context, name: str, row: str) -> bool:
    return row_has_values(ctx, name, row) or row_seen_blank(ctx, name, row)


def table_has_values(ctx: Context, name: str) -> bool:
    table = ctx.table(name)
    return bool(table) and any(row_has_values(ctx, name, row.key) for row in table.rows)


# -- locations ---------------------------------------------------------------------------------------
def table_location(ctx: Context, name: str) -> Location:
    """The table's caption when known, else the heading of its part, else the document start."""
    return ctx.table_location(name)


def row_location(ctx: Context, name: str, row: str) -> Location:
    """The row's label, else its first located cell, else the table's location."""
    return ctx.row_location(name, row)


def cell_location(ctx: Context, name: str, row: str, column: str) -> Location:
    """The cell's own location, else its row's."""
    return ctx.cell(name, row, column).location


def table_found(ctx: Context, name: str) -> bool:
    """A caption, header or row of the table was seen (even if no value could be read)."""
    table = ctx.table(name)
    return bool(table and table.found)
