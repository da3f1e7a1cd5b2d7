"""The official table vocabulary for rule authors: table, row and column keys with their Chinese
names (国办公开办函〔2019〕60号 and 〔2021〕30号), the six part headings, and the phrases messages
use to name a table, a row, a cell or a part.

The template data itself lives with the extractor's template module; this is the one place rules
(built-in or from a plugin) take it from.
"""
from __future__ import annotations


from giklint.template import (  # noqa: F401  (re-exported: the public names of the vocabulary)
    ACTIVE_DISCLOSURE_2019,
    ACTIVE_DISCLOSURE_2021,
    APPLICANT_COLUMNS,
    APPLICATION_COLUMNS,
    APPLICATION_ROWS_2021,
    OTHER_ROWS_2021,
    OUTCOME_ROWS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    SECTION_HEADINGS,
    SHORT_NAMES,
    TABLE_NAMES,
    TABLE_PARTS,
    TABLES,
    active_disclosure_rows,
    application_rows,
    column_label,
    row_label,
)

PART_NUMERALS = "一二三四五六"


def row_name(table: str, row: str) -> str:
    """The official Chinese label of a row (the key itself when unknown)."""
    return row_label(table, row)


def column_name(table: str, column: str, row: str = "") -> str:
    """The official Chinese label of a column (表二's depend on the row)."""
    return column_label(table, column, row)


def table_name(table: str) -> str:
    """``表三`` for messages."""
    return SHORT_NAMES.get(table, TABLE_NAMES.get(table, table))


def table_full_name(table: str) -> str:
    """``表三 收到和处理政府信息公开申请情况``."""
    return TABLE_NAMES.get(table, table)


def cell_name(table: str, row: str, column: str) -> str:
    """`表三“（一）予以公开”行“自然人”列` / `表四“行政复议”“总计”` — one cell, for messages."""
    if table == "review_litigation":
        return f"表四“{row_name(table, row)}”“{column_name(table, column)}”"
    return f"{table_name(table)}“{row_name(table, row)}”行“{column_name(table, column, row)}”列"


def part_numeral(number: int) -> str:
    return PART_NUMERALS[number - 1] if 1 <= number <= len(PART_NUMERALS) else str(number)


def part_name(number: int) -> str:
    """``第四部分“政府信息公开行政复议、行政诉讼情况”`` for messages."""
    return f"第{part_numeral(number)}部分“{SECTION_HEADINGS.get(number, '')}”"


def part_heading(table: str) -> str:
    """The heading of the part a table belongs to: ``三、收到和处理政府信息公开申请情况``."""
    number = TABLE_PARTS[table]
    return f"{part_numeral(number)}、{SECTION_HEADINGS[number]}"
