from __future__ import annotations

from _table_models import one, pingtan_2022, report, run, set_column, set_row

from giklint_rules.outcome_total import OutcomeTotal


def test_totals_adding_up_pass():
    assert run(OutcomeTotal, report(2021)) == []
    assert run(OutcomeTotal, pingtan_2022()) == []  # domain.md §4.7 worked example


def test_a_column_whose_total_is_wrong():
    model = set_column(report(2021), "natural_person", disclosed=2, partially_disclosed=1, results_total=4)
    finding = one(OutcomeTotal, model)
    assert finding.severity == "error"
    assert finding.message == "表三“自然人”列：（七）总计=4，各项办理结果之和=3"
    assert (finding.line, finding.column) == (64, 4)


def test_2021_counts_the_three_other_rows():
    model = set_column(report(2021), "natural_person", other_overdue_fee=1, other_misc=2, results_total=3)
    assert run(OutcomeTotal, model) == []


def test_2019_counts_the_single_other_row():
    model = set_column(report(2020), "commercial", other=2, results_total=2)
    assert run(OutcomeTotal, model) == []
    set_column(model, "commercial", results_total=3)
    assert one(OutcomeTotal, model).message == "表三“商业企业”列：（七）总计=3，各项办理结果之和=2"


def test_a_mixed_table_uses_its_single_other_row():
    model = report(2021)
    model["table_info"]["applications"]["template"] = "mixed"
    for row in ("other_overdue_correction", "other_overdue_fee", "other_misc"):
        del model["tables"]["applications"][row]
        del model["table_info"]["applications"]["rows"][row]
    set_row(model, "applications", "other", [1, 0, 0, 0, 0, 0, 1])
    set_column(model, "natural_person", results_total=1)
    set_column(model, "total", results_total=1)
    assert run(OutcomeTotal, model) == []


def test_other_rows_are_never_counted_twice():
    model = set_column(report(2021), "natural_person", other_misc=1, results_total=1)
    model["tables"]["applications"]["other"] = {"natural_person": 1}  # a stray old-format row
    assert run(OutcomeTotal, model) == []


def test_a_column_with_a_blank_cell_is_not_checked():
    model = set_column(report(2021), "natural_person", disclosed=None, results_total=4)
    assert run(OutcomeTotal, model) == []
