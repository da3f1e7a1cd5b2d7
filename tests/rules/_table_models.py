"""Small hand-written report models for the table and narrative rules (GK3xx, GK4xx).

``report()`` builds a clean, schema-valid report whose three tables are filled in (zeros unless told
otherwise) in the format of its year, with ``table_info`` and a location for every cell laid out as a
document would print them: 表二 rows from line 21, 表三 rows from line 41, 表四 as one row on line 81
(column n of a row at column 4n). Tests change one thing with the helpers below and expect exactly the
finding that change deserves. ``run()`` checks a model with a rule the way the engine does: the rule's
default options merged with the test's.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from giklint.extract.template import (
    APPLICATION_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    SECTION_HEADINGS,
    active_disclosure_rows,
    application_rows,
)
from giklint.rule import Context, Finding, option_defaults
from giklint.schema import errors

APP_COLUMNS = [key for key, _ in APPLICATION_COLUMNS]
RL_COLUMNS = [key for key, _ in REVIEW_COLUMNS]
CAPTION_LINES = {"active_disclosure": 20, "applications": 40, "review_litigation": 80}
HEADING_LINES = {1: 2, 2: 19, 3: 39, 4: 79, 5: 90, 6: 95}
REVIEW_LINE = 81


def _template_of(year: int) -> str:
    return "2021" if year >= 2021 else "2019"


def _columns(table: str, row: str, template: str) -> List[str]:
    if table == "applications":
        return APP_COLUMNS
    if table == "review_litigation":
        return RL_COLUMNS
    for key, _, _, columns in active_disclosure_rows(_layout_of(table, row, template)):
        if key == row:
            return [column for column, _ in columns]
    raise KeyError(row)


def _row_keys(table: str, template: str) -> List[str]:
    if table == "applications":
        return [key for key, _, _ in application_rows(template)]
    if table == "review_litigation":
        return [key for key, _ in REVIEW_GROUPS]
    return [key for key, _, _, _ in active_disclosure_rows(template)]


def _layout_of(table: str, row: str, template: str) -> str:
    """The format a row belongs to: the table's, or the other one for an old row in a mixed table."""
    if row in _row_keys(table, template):
        return template
    return "2021" if template == "2019" else "2019"


def _row_line(table: str, row: str, template: str) -> int:
    if table == "review_litigation":
        return REVIEW_LINE
    return CAPTION_LINES[table] + 1 + _row_keys(table, _layout_of(table, row, template)).index(row)


def _cell_column(table: str, row: str, column: str, template: str) -> int:
    if table == "review_litigation":
        index = [g for g, _ in REVIEW_GROUPS].index(row) * 5 + RL_COLUMNS.index(column)
    else:
        index = _columns(table, row, template).index(column)
    return 4 * (index + 1)


def report(year: int = 2021, template: Optional[str] = None, fill: float = 0) -> Dict[str, Any]:
    """A clean report of ``year`` whose every table cell is ``fill`` (identities hold for fill=0)."""
    template = template or _template_of(year)
    model: Dict[str, Any] = {
        "model_version": 1,
        "meta": {"title": f"某市卫生健康局{year}年政府信息公开工作年度报告", "agency": "某市卫生健康局",
                 "year": year, "template": template,
                 "period": {"start": f"{year}-01-01", "end": f"{year}-12-31", "raw": None},
                 "contacts": {"phone": [], "fax": [], "email": [], "address": [], "postcode": []},
                 "signature": None, "published": None},
        "sections": [{"number": n, "heading": f"{'一二三四五六'[n - 1]}、{SECTION_HEADINGS[n]}",
                      "location": {"line": line, "column": 1}, "body": ""} for n, line in HEADING_LINES.items()],
        "tables": {}, "table_info": {}, "narrative": [], "locations": {},
    }
    for table in CAPTION_LINES:
        model["tables"][table] = {}
        model["table_info"][table] = {"found": True, "template": template,
                                      "location": {"line": CAPTION_LINES[table], "column": 1}, "rows": {}}
        for row in _row_keys(table, template):
            set_row(model, table, row, [fill] * len(_columns(table, row, template)))
    if template == "2019":
        model["tables"]["active_disclosure"]["procurement"]["amount_unit"] = "元"
    return model


def set_row(model: Dict[str, Any], table: str, row: str, values: Sequence[Any],
            printed: Optional[Sequence[Any]] = None, placed: bool = True) -> Dict[str, Any]:
    """Give a row its cells (None = blank) and what it printed; ``placed=False`` leaves the cells empty
    because the printed values could not be put into columns."""
    template = _template(model, table)
    columns = _columns(table, row, template)
    line = _row_line(table, row, template)
    model["tables"][table] = model["tables"][table] or {}
    cells = dict(zip(columns, values)) if placed else {column: None for column in columns}
    model["tables"][table][row] = cells
    model["table_info"][table]["rows"][row] = {
        "label": row, "location": {"line": line, "column": 1},
        "printed": list(values if printed is None else printed), "expected": len(columns), "placed": placed}
    for column in columns:
        model["locations"][f"tables.{table}.{row}.{column}"] = {
            "line": line, "column": _cell_column(table, row, column, template)}
    return model


def set_cell(model: Dict[str, Any], table: str, row: str, column: str, value: Any) -> Dict[str, Any]:
    model["tables"][table][row][column] = value
    return model


def set_column(model: Dict[str, Any], column: str, **rows: Any) -> Dict[str, Any]:
    """Several 表三 cells of one column: ``set_column(m, "research", new_received=5, results_total=4)``."""
    for row, value in rows.items():
        set_cell(model, "applications", row, column, value)
    return model


def drop_row(model: Dict[str, Any], table: str, row: str) -> Dict[str, Any]:
    """The row's label and values were not found at all."""
    model["tables"][table].pop(row, None)
    model["table_info"][table]["rows"].pop(row, None)
    for key in [k for k in model["locations"] if k.startswith(f"tables.{table}.{row}.")]:
        del model["locations"][key]
    return model


def drop_table(model: Dict[str, Any], table: str, caption_seen: bool = False) -> Dict[str, Any]:
    """The table was not read: only its caption (``caption_seen``) or nothing at all."""
    model["tables"][table] = None
    info = model["table_info"][table]
    info["rows"] = {}
    info["found"] = caption_seen
    if not caption_seen:
        info["location"] = None
        info["template"] = None
    for key in [k for k in model["locations"] if k.startswith(f"tables.{table}.")]:
        del model["locations"][key]
    return model


def pingtan_2022() -> Dict[str, Any]:
    """表三 of 平潭综合实验区 2022 (domain.md §4.7): non-zero figures for which every identity holds."""
    model = report(2021)
    for row, values in {
        "new_received": [71, 3, 0, 0, 0, 0, 74], "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "disclosed": [21, 0, 0, 0, 0, 0, 21], "partially_disclosed": [8, 1, 0, 0, 0, 0, 9],
        "withheld_state_secret": [1, 0, 0, 0, 0, 0, 1], "withheld_prohibited_by_law": [2, 0, 0, 0, 0, 0, 2],
        "withheld_third_party": [1, 0, 0, 0, 0, 0, 1], "unable_not_held": [37, 0, 0, 0, 0, 0, 37],
        "other_misc": [2, 2, 0, 0, 0, 0, 4], "results_total": [72, 3, 0, 0, 0, 0, 75],
    }.items():
        set_row(model, "applications", row, values)
    for group, values in {"review": [1, 1, 0, 0, 2], "litigation_direct": [4, 0, 0, 1, 5],
                          "litigation_after_review": [1, 0, 1, 0, 2]}.items():
        set_row(model, "review_litigation", group, values)
    return model


def narrative(model: Dict[str, Any], kind: str, value: float, text: str, line: int = 5,
              parts: Optional[Sequence[float]] = None) -> Dict[str, Any]:
    item: Dict[str, Any] = {"kind": kind, "value": value, "text": text, "location": {"line": line, "column": 3}}
    if parts is not None:
        item["parts"] = list(parts)
    model["narrative"].append(item)
    return model


def _template(model: Dict[str, Any], table: str) -> str:
    return model["table_info"][table].get("template") or model["meta"]["template"] or "2021"


def valid(model: Dict[str, Any]) -> Dict[str, Any]:
    """The model, after checking it is one the extractor may hand to rules."""
    problems = errors(model, "report")
    assert problems == [], problems
    return model


def run(rule_class, model: Dict[str, Any], settings: Optional[Dict[str, Any]] = None,
        **options: Any) -> List[Finding]:
    merged = option_defaults(rule_class)
    merged.update(options)
    ctx = Context(model=valid(model), options=merged, settings=dict(settings or {}), path="report.md")
    return list(rule_class().check(ctx))


def one(rule_class, model: Dict[str, Any], **options: Any) -> Finding:
    """The single finding a rule must give, with its identity checked."""
    found = run(rule_class, model, **options)
    assert len(found) == 1, [f.message for f in found]
    finding = found[0]
    assert (finding.code, finding.rule) == (rule_class.code, rule_class.slug)
    assert finding.path == "report.md"
    return finding
