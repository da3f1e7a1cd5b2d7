from __future__ import annotations

from _table_models import drop_row, one, report, run, set_row

from giklint_rules.table_incomplete import TableIncomplete

WITHHELD = ["withheld_state_secret", "withheld_prohibited_by_law", "withheld_three_securities",
            "withheld_third_party", "withheld_internal_affairs", "withheld_process_info",
            "withheld_law_enforcement", "withheld_admin_inquiry"]


def test_complete_tables_pass():
    assert run(TableIncomplete, report(2021)) == []
    assert run(TableIncomplete, report(2020)) == []


def test_missing_rows_are_listed_in_one_finding_at_the_caption():
    model = report(2021)
    for row in ("unable_not_held", "unable_needs_creation"):
        drop_row(model, "applications", row)
    finding = one(TableIncomplete, model)
    assert finding.severity == "error"
    assert finding.message == "表三缺少2行（共25行）：“1.本机关不掌握相关政府信息”、“2.没有现成信息需要另行制作”"
    assert finding.line == 40 and finding.context == "表三"


def test_a_long_list_stays_short():
    model = report(2021)
    for row in WITHHELD:
        drop_row(model, "applications", row)
    message = one(TableIncomplete, model).message
    assert message.startswith("表三缺少8行（共25行）：“1.属于国家秘密”") and message.endswith("等8行")


def test_other_handling_is_one_row_in_2019_and_three_in_2021():
    assert run(TableIncomplete, report(2020)) == []  # the single （六）其他处理 row
    model = drop_row(report(2021), "applications", "other_misc")
    assert "“3.其他”" in one(TableIncomplete, model).message
    model = drop_row(report(2020), "applications", "other")
    assert "“（六）其他处理”" in one(TableIncomplete, model).message


def test_2019_active_disclosure_rows():
    model = drop_row(report(2020), "active_disclosure", "procurement")
    assert one(TableIncomplete, model).message == "表二缺少1行（共8行）：“政府集中采购”"


def test_a_row_printed_with_blank_cells_is_present():
    model = set_row(report(2021), "applications", "withheld_state_secret", [None] * 7)
    assert run(TableIncomplete, model) == []


def test_a_label_followed_by_nothing_is_missing():
    model = set_row(report(2021), "applications", "withheld_state_secret", [], placed=False)
    assert "“1.属于国家秘密”" in one(TableIncomplete, model).message


def test_review_table_gaps_are_cells_not_rows():
    model = drop_row(report(2021), "review_litigation", "litigation_direct")
    assert run(TableIncomplete, model) == []
