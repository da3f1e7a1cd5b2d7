from __future__ import annotations

from _table_models import drop_table, narrative, one, report, run, set_row

from giklint_rules.narrative_table_mismatch import NarrativeTableMismatch


def _received(new, carried=0):
    model = report(2021)
    set_row(model, "applications", "new_received", [new, 0, 0, 0, 0, 0, new])
    set_row(model, "applications", "carried_over", [carried, 0, 0, 0, 0, 0, carried])
    return model


def test_matching_text_passes():
    model = narrative(_received(4), "new_received", 4, "2021年，本局新收政府信息公开申请4件")
    narrative(model, "review", 0, "全年未发生因政府信息公开被申请行政复议的情况")
    assert run(NarrativeTableMismatch, model) == []


def test_new_received_contradicting_the_table():
    model = narrative(_received(4), "new_received", 5, "2021年，本局新收政府信息公开申请5件", line=7)
    finding = one(NarrativeTableMismatch, model)
    assert finding.severity == "warning"
    assert finding.message == "正文称本年新收申请5件，表三“一、本年新收政府信息公开申请数量”总计为4件"
    assert (finding.line, finding.column) == (7, 3)
    assert finding.context == "2021年，本局新收政府信息公开申请5件"


def test_received_including_carried_over_may_be_either_figure():
    for value in (4, 5):
        model = narrative(_received(4, 1), "received_incl_carried_over", value, "共受理申请{}件（含上年结转1件）")
        assert run(NarrativeTableMismatch, model) == []
    model = narrative(_received(4, 1), "received_incl_carried_over", 6, "共受理申请6件（含上年结转）")
    assert one(NarrativeTableMismatch, model).message == "正文称收到申请6件，表三新收4件、连同上年结转5件，均不相符"


def test_litigation_is_both_kinds_of_lawsuit():
    model = report(2021)
    set_row(model, "review_litigation", "litigation_direct", [1, 0, 0, 1, 2])
    set_row(model, "review_litigation", "litigation_after_review", [1, 0, 0, 0, 1])
    narrative(model, "litigation", 3, "被提起行政诉讼3件")
    assert run(NarrativeTableMismatch, model) == []
    narrative(model, "review", 1, "被申请行政复议1件")
    assert one(NarrativeTableMismatch, model).message == "正文称行政复议1件，表四“行政复议”总计为0件"


def test_silent_when_the_table_cannot_confirm():
    model = narrative(drop_table(report(2021), "applications", caption_seen=True), "new_received", 2,
                      "我局新收政府信息公开申请 2 条")
    assert run(NarrativeTableMismatch, model) == []
    model = _received(4)
    model["tables"]["applications"]["new_received"]["total"] = None
    assert run(NarrativeTableMismatch, narrative(model, "new_received", 2, "新收申请2件")) == []


def test_comparisons_and_other_years_are_not_restatements():
    model = narrative(_received(4), "new_received", 2, "新收申请4件，较上年增加2件")
    narrative(model, "new_received", 6, "2020年新收申请6件")
    narrative(model, "shares", 9, "某种未知的说法9件")
    assert run(NarrativeTableMismatch, model) == []
