"""The schemas name the same official vocabulary as giklint.template (report types, table rows and columns).

giklint.template is where the vocabulary lives; the JSON schemas are the contract at the edges and
carry their own copies (they must stay plain JSON for other tools): these tests keep them in step.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest

from giklint import template

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def _schema(name: str) -> Dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def _object(node: Dict[str, Any]) -> Dict[str, Any]:
    """The object alternative of a ``{"anyOf": [{"type": "null"}, {...}]}`` node."""
    return next(alt for alt in node["anyOf"] if alt.get("type") == "object") if "anyOf" in node else node


def _keys(node: Dict[str, Any]) -> List[str]:
    return sorted(_object(node)["properties"])


def test_config_schema_report_types_are_the_templates():
    assert _schema("config")["properties"]["report_type"]["enum"] == list(template.REPORT_TYPES)


def test_every_report_type_has_a_deadline_and_a_chinese_name():
    assert list(template.NATIONAL_DEADLINES) == list(template.REPORT_TYPE_LABELS) == list(template.REPORT_TYPES)
    assert template.DEFAULT_REPORT_TYPE in template.REPORT_TYPES
    assert all(re.fullmatch(r"(0[1-9]|1[0-2])-[0-3][0-9]", day) for day in template.NATIONAL_DEADLINES.values())
    assert all(label.endswith("报告") for label in template.REPORT_TYPE_LABELS.values())


def test_report_schema_template_enums():
    report = _schema("report")
    assert report["$defs"]["table_info"]["properties"]["template"]["enum"] == [
        *template.TABLE_TEMPLATE_VALUES, None]
    assert report["properties"]["meta"]["properties"]["template"]["enum"] == [
        *template.REPORT_TEMPLATE_VALUES, None]


def test_report_schema_tables_are_the_official_tables():
    tables = _schema("report")["properties"]["tables"]["properties"]
    assert sorted(tables) == sorted(template.TABLES) == sorted(template.TABLE_NAMES)


def test_report_schema_active_disclosure_rows_and_columns():
    rows = _object(_schema("report")["properties"]["tables"]["properties"]["active_disclosure"])["properties"]
    expected: Dict[str, set] = {}
    for key, _, _, columns in template.ACTIVE_DISCLOSURE_2019 + template.ACTIVE_DISCLOSURE_2021:
        expected.setdefault(key, set()).update(column for column, _ in columns)
    for key in template.AMOUNT_UNIT_ROWS:
        expected[key].add(template.AMOUNT_UNIT_COLUMN[0])
    assert {key: set(_keys(row)) for key, row in rows.items()} == expected


def test_report_schema_applications_rows_and_columns():
    report = _schema("report")
    rows = _keys(report["properties"]["tables"]["properties"]["applications"])
    official = {key for key, _, _ in template.APPLICATION_ROWS_2019 + template.APPLICATION_ROWS_2021}
    assert set(rows) == official
    assert _keys(report["$defs"]["application_row"]) == sorted(key for key, _ in template.APPLICATION_COLUMNS)


def test_report_schema_review_litigation_groups_and_columns():
    report = _schema("report")
    groups = _keys(report["properties"]["tables"]["properties"]["review_litigation"])
    assert groups == sorted(key for key, _ in template.REVIEW_GROUPS)
    assert _keys(report["$defs"]["review_row"]) == sorted(key for key, _ in template.REVIEW_COLUMNS)


def test_cli_report_type_choices_are_the_templates(capsys):
    from giklint.cli import build_parser

    parser = build_parser()
    for report_type in template.REPORT_TYPES:
        assert parser.parse_args(["check", "--report-type", report_type, "x.md"]).report_type == report_type
    with pytest.raises(SystemExit):
        parser.parse_args(["check", "--report-type", "prefecture", "x.md"])


def test_every_table_has_a_short_name_and_a_part():
    assert set(template.SHORT_NAMES) == set(template.TABLE_PARTS) == set(template.TABLES)
    assert all(template.SECTION_HEADINGS[part] in template.TABLE_NAMES[key]
               for key, part in template.TABLE_PARTS.items())


def test_amount_cells_are_columns_of_their_rows():
    columns = {(row, column) for row, _, _, cols in template.ACTIVE_DISCLOSURE_2019 + template.ACTIVE_DISCLOSURE_2021
               for column, _ in cols}
    assert set(template.AMOUNT_CELLS) <= columns
