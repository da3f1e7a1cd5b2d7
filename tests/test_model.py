"""The typed report model and its JSON form: the round trip is exact (``giklint parse`` prints what
it printed before the typed model existed), models are frozen, and docs/model.md is up to date."""
from __future__ import annotations

import dataclasses
import json

import pytest
from conftest import EXAMPLES, ROOT

from giklint.api import read_report
from giklint.errors import InputError
from giklint.model import Report, reference
from giklint.model_dict import report_from_dict, report_to_dict

UNREADABLE = {"encrypted.pdf", "truncated.pdf", "html-named.pdf"}  # refused by design: no model to convert
EXAMPLE_FILES = sorted(p for folder in ("reports", "formats") for p in (EXAMPLES / folder).iterdir()
                       if p.suffix in (".md", ".txt", ".docx", ".pdf", ".html") and p.name not in UNREADABLE)


def printed(model) -> str:
    return json.dumps(model, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_the_unreadable_examples_are_refused(name):
    with pytest.raises(InputError):
        read_report(str(EXAMPLES / "formats" / name))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_the_json_form_survives_the_typed_model_unchanged(path):
    model = read_report(str(path)).model
    assert printed(report_to_dict(report_from_dict(model))) == printed(model)


def test_real_reports_survive_the_typed_model_unchanged(shared_reports):
    for path in sorted(shared_reports.iterdir()):
        if path.name.endswith(".yaml"):
            continue
        model = read_report(str(path)).model
        assert printed(report_to_dict(report_from_dict(model))) == printed(model), path.name


def test_a_table_cell_gathers_value_state_and_location():
    model = read_report(str(EXAMPLES / "reports" / "clean-2021.md")).model
    table = report_from_dict(model).table("applications")
    cell = table.row("new_received").cell("total")
    assert cell.value == model["tables"]["applications"]["new_received"]["total"]
    assert cell.state == "read" and cell.located
    assert cell.location.to_dict() == model["locations"]["tables.applications.new_received.total"]
    assert table.row("new_received").label == model["table_info"]["applications"]["rows"]["new_received"]["label"]


def test_the_model_is_frozen():
    report = report_from_dict(read_report(str(EXAMPLES / "reports" / "clean-2021.md")).model)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.meta.year = 2020  # type: ignore[misc]
    assert isinstance(report, Report) and isinstance(report.parts, tuple)


def test_docs_model_md_is_generated_from_the_types():
    assert (ROOT / "docs" / "model.md").read_text(encoding="utf-8") == reference(), \
        "docs/model.md is stale: python -m giklint.model > docs/model.md"


def test_rows_and_cells_are_found_by_name_first_one_first_also_in_copies_with_other_rows():
    import pickle

    from giklint.frozen import with_field
    from giklint.model import Cell, Row, Table

    first, second = Row("applications", "disclosed", label="（一）予以公开"), Row("applications", "disclosed", label="again")
    table = Table("applications", rows=(first, Row("applications", "carried_over"), second))
    assert table.row("disclosed") is first and table.row("missing") is None
    other = Row("applications", "other")
    assert dataclasses.replace(table, rows=(other,)).row("other") is other
    copied = with_field(table, "rows", (other,))  # copies the instance's state, index included
    assert copied.row("other") is other and copied.row("disclosed") is None
    restored = pickle.loads(pickle.dumps(table))
    assert restored == table and restored.row("disclosed") == first
    assert b"_index" not in pickle.dumps(table)
    row = Row("applications", "disclosed", cells=(Cell("applications", "disclosed", "natural_person", 1),
                                                  Cell("applications", "disclosed", "natural_person", 2)))
    assert row.cell("natural_person").value == 1 and row.cell("total") is None
    assert b"_index" not in pickle.dumps(row) and pickle.loads(pickle.dumps(row)).cell("natural_person").value == 1


def test_a_reports_rows_and_cells_by_name_are_those_its_table_and_row_give():
    import pickle

    from giklint.frozen import with_field
    from giklint.model import Cell, Row, Table

    def cell(row: str, column: str, value: int) -> Cell:
        return Cell("applications", row, column, value)

    first = Table("applications", rows=(Row("applications", "disclosed", cells=(cell("disclosed", "total", 1),
                                                                             cell("disclosed", "total", 2))),
                                        Row("applications", "disclosed", cells=(cell("disclosed", "other", 3),))))
    shadowed = Table("applications", rows=(Row("applications", "carried_over", cells=(cell("carried_over", "total", 4),)),))
    report = Report(tables=(first, Table("review_litigation"), shadowed))
    for table, row, column in [("applications", "disclosed", "total"), ("applications", "disclosed", "other"),
                               ("applications", "carried_over", "total"), ("review_litigation", "review", "total"),
                               ("active_disclosure", "regulations", "made")]:
        found_table = report.table(table)
        found_row = found_table.row(row) if found_table else None
        assert report.row_at(table, row) is found_row
        assert report.cell_at(table, row, column) is (found_row.cell(column) if found_row else None)
    assert report.cell_at("applications", "disclosed", "total").value == 1
    other = dataclasses.replace(report, tables=(shadowed,))
    assert other.cell_at("applications", "carried_over", "total").value == 4
    copied = with_field(report, "tables", (shadowed,))  # copies the instance's state, row index included
    assert copied.row_at("applications", "disclosed") is None and copied.cell_at("applications", "carried_over", "total").value == 4
    assert b"_index" not in pickle.dumps(report) and pickle.loads(pickle.dumps(report)) == report


def test_a_rows_values_are_a_new_dict_each_time_also_in_copies_with_other_cells():
    import pickle

    from giklint.frozen import with_field
    from giklint.model import Cell, Row

    row = Row("applications", "disclosed", cells=(Cell("applications", "disclosed", "total", 1),
                                                  Cell("applications", "disclosed", "other", 2, recorded=False)))
    values = row.values
    values["total"] = 99  # a rule changing what it was given changes nothing for the next rule
    assert row.values == {"total": 1}
    copied = with_field(row, "cells", (Cell("applications", "disclosed", "total", 5),))
    assert copied.values == {"total": 5} and row.values == {"total": 1}
    restored = pickle.loads(pickle.dumps(row))
    assert set(restored.__dict__) == {item.name for item in dataclasses.fields(Row)}  # no kept values pickled
    assert restored.values == {"total": 1}
