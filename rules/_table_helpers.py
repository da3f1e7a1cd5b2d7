"""Shared helpers of the table and narrative rules (GK3xx, GK4xx): reading rows, cells, their state
and their locations out of the report model without ever raising on an odd model."""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from giklint.extract.template import (
    ACTIVE_DISCLOSURE_2019,
    ACTIVE_DISCLOSURE_2021,
    APPLICATION_COLUMNS,
    OTHER_ROWS_2021,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    SECTION_HEADINGS,
    TABLE_NAMES,
    application_rows,
    column_label,
    row_label,
)
from giklint.rule import Context

TABLES = ("active_disclosure", "applications", "review_litigation")
SHORT_NAMES = {"active_disclosure": "表二", "applications": "表三", "review_litigation": "表四"}
# the part of the report each table belongs to (for a location when the table is not found)
TABLE_PARTS = {"active_disclosure": 2, "applications": 3, "review_litigation": 4}
APPLICANT_COLUMNS = [key for key, _ in APPLICATION_COLUMNS if key != "total"]
# cells printed as a dash or slash mean "nothing here": a blank, not a malformed number
_BLANK_MARK = re.compile(r"^[\s\-－—–_/／\\、无空]*$")


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def all_numbers(values: Iterable[Any]) -> bool:
    return all(is_number(v) for v in values)


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
    text = re.sub(r"\s+", "", text or "")
    return text if len(text) <= limit else text[:limit] + "…"


def quoted(labels: Sequence[str]) -> str:
    return "".join(f"“{label}”" for label in labels)


def compact_list(labels: Sequence[str], limit: int = 4) -> str:
    """`a、b、c、d等7行` — lists stay short in one-line messages."""
    shown = "、".join(labels[:limit])
    return shown if len(labels) <= limit else f"{shown}等{len(labels)}行"


# -- the model -------------------------------------------------------------------------------------
def table_data(ctx: Context, name: str) -> Dict[str, Any]:
    data = ctx.table(name)
    return data if isinstance(data, dict) else {}


def table_info(ctx: Context, name: str) -> Dict[str, Any]:
    info = (ctx.model.get("table_info") or {}).get(name)
    return info if isinstance(info, dict) else {}


def info_rows(ctx: Context, name: str) -> Dict[str, Dict[str, Any]]:
    rows = table_info(ctx, name).get("rows")
    if not isinstance(rows, dict):
        return {}
    return {key: row for key, row in rows.items() if isinstance(row, dict)}


def row_cells(ctx: Context, name: str, row: str) -> Dict[str, Any]:
    cells = table_data(ctx, name).get(row)
    return cells if isinstance(cells, dict) else {}


def report_year(ctx: Context) -> Optional[int]:
    year = ctx.meta.get("year")
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def table_template(ctx: Context, name: str) -> Optional[str]:
    """The format of one table: its own signature first, the report's otherwise."""
    template = table_info(ctx, name).get("template") or ctx.meta.get("template")
    return template if template in ("2019", "2021", "mixed") else None


def other_rows(ctx: Context) -> Tuple[str, ...]:
    """表三's （六）其他处理 rows: the 2021 three, or the 2019/mixed single row — never both."""
    template = table_template(ctx, "applications")
    has_single = "other" in table_data(ctx, "applications") or "other" in info_rows(ctx, "applications")
    if template == "2019" or (template != "2021" and has_single):
        return ("other",)
    return OTHER_ROWS_2021


def expected_rows(ctx: Context, name: str) -> List[str]:
    """The rows a table of its format must have, in printed order."""
    template = table_template(ctx, name)
    if name == "applications":
        keys = [key for key, _, _ in application_rows("2021")]
        others = other_rows(ctx)
        if others == ("other",):
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
    printed = info_rows(ctx, name).get(row, {}).get("printed")
    if not isinstance(printed, list):
        return []
    return [value for value in printed if not is_blank_mark(value)]


def row_has_values(ctx: Context, name: str, row: str) -> bool:
    cells = row_cells(ctx, name, row)
    return any(is_number(v) for key, v in cells.items() if key != "amount_unit") or bool(
        printed_values(ctx, name, row))


def row_seen_blank(ctx: Context, name: str, row: str) -> bool:
    """The row's label and its (blank) cells were read: the row is there, unfilled."""
    return info_rows(ctx, name).get(row, {}).get("placed") is True


def row_present(ctx: Context, name: str, row: str) -> bool:
    return row_has_values(ctx, name, row) or row_seen_blank(ctx, name, row)


def table_has_values(ctx: Context, name: str) -> bool:
    rows = set(table_data(ctx, name)) | set(info_rows(ctx, name))
    return any(row_has_values(ctx, name, row) for row in rows)


def invalid_cells(ctx: Context, name: str, kind: str = "invalid_cells") -> Dict[str, str]:
    """``row.column`` -> text of the table's cells of one kind: ``invalid_cells`` (text where a number
    belongs) or ``uncertain_cells`` (read by OCR with low confidence)."""
    cells = table_info(ctx, name).get(kind)
    return {str(k): str(v) for k, v in cells.items()} if isinstance(cells, dict) else {}


def uncertain_cells(ctx: Context, name: str) -> Dict[str, str]:
    return invalid_cells(ctx, name, "uncertain_cells")


# -- labels ----------------------------------------------------------------------------------------
def row_name(name: str, row: str) -> str:
    return row_label(name, row)


def column_name(name: str, column: str, row: str = "") -> str:
    return column_label(name, column, row)


def table_name(name: str) -> str:
    return SHORT_NAMES.get(name, TABLE_NAMES.get(name, name))


def table_full_name(name: str) -> str:
    return TABLE_NAMES.get(name, name)


def part_heading(name: str) -> str:
    number = TABLE_PARTS[name]
    return f"{'一二三四五六'[number - 1]}、{SECTION_HEADINGS[number]}"


# -- locations -------------------------------------------------------------------------------------
def _location(value: Any) -> Dict[str, int]:
    return dict(value) if isinstance(value, dict) else {}


def table_location(ctx: Context, name: str) -> Dict[str, int]:
    """The table's caption when known, else the heading of its part, else the document start."""
    found = _location(table_info(ctx, name).get("location"))
    if found:
        return found
    part = ctx.section(TABLE_PARTS[name])
    if part and _location(part.get("location")):
        return _location(part.get("location"))
    return {"line": 1, "column": 1}


def row_location(ctx: Context, name: str, row: str) -> Dict[str, int]:
    locations = ctx.model.get("locations") or {}
    found = _location(locations.get(f"tables.{name}.{row}"))
    if found:
        return found
    found = _location(info_rows(ctx, name).get(row, {}).get("location"))
    if found:
        return found
    for key, value in sorted(locations.items()):
        if key.startswith(f"tables.{name}.{row}.") and _location(value):
            return _location(value)
    return table_location(ctx, name)


def cell_location(ctx: Context, name: str, row: str, column: str) -> Dict[str, int]:
    found = _location((ctx.model.get("locations") or {}).get(f"tables.{name}.{row}.{column}"))
    return found or row_location(ctx, name, row)


def cell_name(name: str, row: str, column: str) -> str:
    """`表三“（一）予以公开”行“自然人”列` / `表四“行政复议”“总计”` — one cell, for messages."""
    if name == "review_litigation":
        return f"表四“{row_name(name, row)}”“{column_name(name, column)}”"
    return f"{table_name(name)}“{row_name(name, row)}”行“{column_name(name, column, row)}”列"


def sum_breaks(parts: Sequence[Any], total: Any) -> bool:
    """An identity `total = sum(parts)` that fails — judged only where every cell is a number."""
    values = list(parts) + [total]
    return all_numbers(values) and not same_amount(sum(parts), total)
