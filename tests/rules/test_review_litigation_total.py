from __future__ import annotations

from _table_models import one, pingtan_2022, report, run, set_row

from giklint_rules.review_litigation_total import ReviewLitigationTotal


def test_groups_adding_up_pass():
    assert run(ReviewLitigationTotal, report(2021)) == []
    assert run(ReviewLitigationTotal, pingtan_2022()) == []


def test_a_group_whose_total_is_wrong():
    model = set_row(report(2021), "review_litigation", "review", [1, 1, 0, 0, 3])
    finding = one(ReviewLitigationTotal, model)
    assert finding.severity == "error"
    assert finding.message == "表四“行政复议”：总计=3，结果维持+结果纠正+其他结果+尚未审结=2"
    assert (finding.line, finding.column) == (81, 20)


def test_each_group_is_checked():
    model = set_row(report(2021), "review_litigation", "litigation_after_review", [0, 0, 0, 1, 0])
    assert one(ReviewLitigationTotal, model).message.startswith("表四“行政诉讼（复议后起诉）”：总计=0")


def test_a_group_with_a_blank_cell_is_not_checked():
    model = set_row(report(2021), "review_litigation", "review", [None, None, None, None, 0])
    assert run(ReviewLitigationTotal, model) == []
