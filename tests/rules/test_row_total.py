from __future__ import annotations

from _table_models import one, pingtan_2022, report, run, set_row

from giklint_rules.row_total import RowTotal


def test_rows_adding_up_pass():
    assert run(RowTotal, report(2021)) == []
    assert run(RowTotal, pingtan_2022()) == []


def test_a_row_whose_total_is_wrong():
    model = set_row(report(2021), "applications", "disclosed", [2, 0, 0, 0, 0, 1, 4])
    finding = one(RowTotal, model)
    assert finding.severity == "error"
    assert finding.message == "表三“（一）予以公开”行：六类申请人合计=3，“总计”列=4"
    assert (finding.line, finding.column) == (43, 28)


def test_one_finding_per_row_and_the_2019_other_row_too():
    model = set_row(report(2020), "applications", "other", [1, 0, 0, 0, 0, 0, 0])
    set_row(model, "applications", "new_received", [1, 1, 0, 0, 0, 0, 1])
    assert [f.message.split("：")[0] for f in run(RowTotal, model)] == [
        "表三“一、本年新收政府信息公开申请数量”行", "表三“（六）其他处理”行"]


def test_a_row_with_a_blank_cell_is_not_checked():
    model = set_row(report(2021), "applications", "disclosed", [2, 0, 0, 0, 0, 1, None])
    assert run(RowTotal, model) == []
