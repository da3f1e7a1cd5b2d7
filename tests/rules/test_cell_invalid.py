from __future__ import annotations

from _table_models import one, report, run, set_cell, set_row

from giklint_rules.cell_invalid import CellInvalid


def test_clean_tables_pass():
    assert run(CellInvalid, report(2021)) == []


def test_negative_count():
    finding = one(CellInvalid, set_cell(report(2021), "applications", "disclosed", "natural_person", -1))
    assert finding.severity == "error"
    assert finding.message == "表三“（一）予以公开”行“自然人”列为-1，不能为负数"
    assert (finding.line, finding.column) == (43, 4)


def test_fractional_count():
    finding = one(CellInvalid, set_cell(report(2021), "review_litigation", "review", "upheld", 1.5))
    assert finding.message == "表四“行政复议”“结果维持”为1.5，应为整数"
    assert (finding.line, finding.column) == (81, 4)


def test_text_where_a_number_belongs():
    model = set_row(report(2021), "applications", "new_received", [3, 0, 0, 0, 0, None, 3],
                    printed=[3, 0, 0, 0, 0, "若干", 3])
    model["table_info"]["applications"]["invalid_cells"] = {"new_received.other_org": "若干"}
    assert one(CellInvalid, model).message == "表三“一、本年新收政府信息公开申请数量”行“其他”列为“若干”，不是数字"


def test_dashes_are_left_to_cell_missing():
    model = report(2021)
    model["table_info"]["applications"]["invalid_cells"] = {"disclosed.other_org": "—", "disclosed.total": "/"}
    assert run(CellInvalid, model) == []


def test_2019_change_may_be_negative_and_amounts_fractional():
    model = report(2020)
    set_cell(model, "active_disclosure", "licensing", "change", -565)
    set_cell(model, "active_disclosure", "procurement", "amount", 425.5)
    model["table_info"]["active_disclosure"]["invalid_cells"] = {"penalties.change": "－1"}
    assert run(CellInvalid, model) == []
    set_cell(model, "active_disclosure", "licensing", "change", 1.5)
    assert one(CellInvalid, model).message == "表二“行政许可”行“本年增/减”列为1.5，应为整数"


def test_2021_fee_amount_may_be_fractional_but_not_negative():
    model = set_cell(report(2021), "active_disclosure", "fees", "amount_10k_yuan", 9116.36)
    assert run(CellInvalid, model) == []
    set_cell(model, "active_disclosure", "fees", "amount_10k_yuan", -2.5)
    assert "不能为负数" in one(CellInvalid, model).message
