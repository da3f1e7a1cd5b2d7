from __future__ import annotations

from _table_models import one, pingtan_2022, report, run, set_column

from giklint_rules.balance import Balance


def test_balanced_tables_pass():
    assert run(Balance, report(2021)) == []
    assert run(Balance, pingtan_2022()) == []


def test_an_unbalanced_column_names_both_sides():
    model = set_column(report(2021), "research", new_received=3, carried_over=2, results_total=4)
    finding = one(Balance, model)
    assert finding.severity == "error"
    assert finding.message == "表三“科研机构”列：一+二=5，（七）总计+四=4"
    assert (finding.line, finding.column) == (64, 12)
    assert finding.context == "表三“科研机构”列"


def test_each_unbalanced_column_once():
    model = set_column(report(2021), "natural_person", new_received=2)
    set_column(model, "total", new_received=2)
    assert [f.message for f in run(Balance, model)] == [
        "表三“自然人”列：一+二=2，（七）总计+四=0", "表三“总计”列：一+二=2，（七）总计+四=0"]


def test_carried_forward_counts_on_the_right_side():
    model = set_column(report(2021), "natural_person", new_received=3, results_total=2, carried_forward=1)
    assert run(Balance, model) == []


def test_a_column_with_a_blank_cell_is_not_checked():
    model = set_column(report(2021), "research", new_received=3, carried_forward=None)
    assert run(Balance, model) == []
