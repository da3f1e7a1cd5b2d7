from __future__ import annotations

from _table_models import one, report, run, set_cell

from giklint_rules.unit_suspect import UnitSuspect


def test_ordinary_amounts_pass():
    assert run(UnitSuspect, set_cell(report(2021), "active_disclosure", "fees", "amount_10k_yuan", 24252.311082)) == []


def test_a_fee_amount_in_yuan():
    model = set_cell(report(2021), "active_disclosure", "fees", "amount_10k_yuan", 3562000)
    finding = one(UnitSuspect, model)
    assert finding.severity == "info"
    assert finding.message == "表二“行政事业性收费”本年收费金额为3562000万元（即356.2亿元），数额异常，疑似按“元”填写；单位应为万元"
    assert (finding.line, finding.column) == (26, 4)


def test_the_threshold_is_an_option():
    model = set_cell(report(2021), "active_disclosure", "fees", "amount_10k_yuan", 3562000)
    assert run(UnitSuspect, model, max_amount_10k_yuan=5000000) == []


def test_2019_procurement_with_its_unit_stated_as_yuan_passes():
    model = set_cell(report(2020), "active_disclosure", "procurement", "amount", 61433668)
    assert run(UnitSuspect, model) == []  # amount_unit "元"
    model["tables"]["active_disclosure"]["procurement"]["amount_unit"] = None
    assert run(UnitSuspect, model) == []  # the 2019 format set no unit
    model["tables"]["active_disclosure"]["procurement"]["amount_unit"] = "万元"
    assert "政府集中采购”采购总金额为61433668万元" in one(UnitSuspect, model).message
