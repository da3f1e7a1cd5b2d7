from __future__ import annotations

from _table_models import one, report, run, set_cell, valid

from giklint_rules.balance import Balance
from giklint_rules.cell_missing import CellMissing
from giklint_rules.cell_uncertain import CellUncertain


def doubtful_total(model):
    """表三's （七）总计 total as a scan with a misread 5 (read "3", low confidence) leaves it."""
    set_cell(model, "applications", "results_total", "total", None)
    model["table_info"]["applications"]["uncertain_cells"] = {"results_total.total": "3"}
    return valid(model)


def test_clean_tables_pass():
    assert run(CellUncertain, report(2021)) == []


def test_an_uncertain_cell_is_reported_with_what_was_read_and_where():
    finding = one(CellUncertain, doubtful_total(report(2021, fill=5)))
    assert finding.severity == "warning"
    assert finding.message == ("表三“（七）总计”行“总计”列OCR识别不确定（读作“3”），请对照原件核对；"
                               "涉及该格的勾稽关系未核对")
    assert finding.location == report(2021)["locations"]["tables.applications.results_total.total"]


def test_an_uncertain_cell_is_neither_an_arithmetic_error_nor_a_blank():
    model = doubtful_total(report(2021, fill=5))
    assert run(Balance, model) == [] and run(CellMissing, model) == []
    model["table_info"]["applications"].pop("uncertain_cells")  # the same null, not from OCR: a blank
    assert "总计" in one(CellMissing, model).message
