from __future__ import annotations

from _table_models import narrative, one, report, run

from giklint_rules.narrative_sum import NarrativeSum


def test_parts_adding_up_pass():
    model = narrative(report(2021), "sum", 7, "承办人大代表建议7件，其中主办5件，协办2件", parts=[5, 2])
    narrative(model, "sum", 148, "全年共公开政务信息148条", parts=[11, 2, 6, 22, 10, 24, 17, 22, 34])
    assert run(NarrativeSum, model) == []


def test_parts_short_of_the_total():
    model = narrative(report(2021), "sum", 148, "全年共公开政务信息148条，其中工作动态11条、通知公告2条", line=9,
                      parts=[11, 2])
    finding = one(NarrativeSum, model)
    assert finding.severity == "warning"
    assert finding.message == "“全年共公开政务信息148条，其中工作动态11条、通知公告2条”：分项11+2=13，与总数148不符"
    assert (finding.line, finding.column) == (9, 3)


def test_parts_beyond_the_total_even_when_partial_lists_are_allowed():
    model = narrative(report(2021), "sum", 10, "共10件，其中主办6件、协办5件", parts=[6, 5])
    assert "分项6+5=11，与总数10不符" in one(NarrativeSum, model, allow_partial=True).message


def test_partial_lists():
    model = narrative(report(2021), "sum", 10, "共10件，其中主办6件", parts=[6])
    assert run(NarrativeSum, model) == []  # one example out of the total
    model = narrative(report(2021), "sum", 10, "共10件，其中主办6件、协办2件", parts=[6, 2])
    assert run(NarrativeSum, model, allow_partial=True) == []


def test_items_that_are_not_sums_are_ignored():
    model = narrative(report(2021), "new_received", 3, "新收申请3件")
    model["narrative"][0]["parts"] = [1]
    assert run(NarrativeSum, model) == []
