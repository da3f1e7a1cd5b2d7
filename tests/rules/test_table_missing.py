from __future__ import annotations

from _table_models import drop_table, one, report, run, set_row

from giklint_rules.balance import Balance
from giklint_rules.cell_missing import CellMissing
from giklint_rules.outcome_total import OutcomeTotal
from giklint_rules.row_total import RowTotal
from giklint_rules.table_incomplete import TableIncomplete
from giklint_rules.table_missing import TableMissing


def test_complete_tables_pass():
    assert run(TableMissing, report(2021)) == []
    assert run(TableMissing, report(2020)) == []


def test_table_not_found_is_reported_at_the_heading_of_its_part():
    finding = one(TableMissing, drop_table(report(2021), "applications"))
    assert finding.severity == "error"
    assert finding.message == "未找到表三（收到和处理政府信息公开申请情况）（应在第三部分“收到和处理政府信息公开申请情况”中）"
    assert finding.line == 39 and finding.context == "表三"


def test_caption_only_is_said_so_at_the_caption():
    finding = one(TableMissing, drop_table(report(2021), "applications", caption_seen=True))
    assert finding.message == "表三只有标题，没有可读取的行"
    assert finding.line == 40


def test_without_caption_or_heading_the_finding_points_at_the_document_start():
    model = drop_table(report(2021), "review_litigation")
    model["sections"] = [part for part in model["sections"] if part["number"] != 4]
    finding = one(TableMissing, model)
    assert "表四" in finding.message and (finding.line, finding.column) == (1, 1)


def test_row_labels_without_any_number_count_as_missing():
    model = report(2021)
    for row in list(model["tables"]["active_disclosure"]):
        set_row(model, "active_disclosure", row, [], placed=False)
    assert one(TableMissing, model).message == "表二只读到行名，没有可读取的数值"


def test_every_missing_table_is_reported_once():
    model = report(2021)
    for table in ("active_disclosure", "applications", "review_litigation"):
        drop_table(model, table)
    assert [f.message[:4] for f in run(TableMissing, model)] == ["未找到表", "未找到表", "未找到表"]


def test_a_missing_table_is_not_reported_again_by_other_rules():
    model = drop_table(report(2021), "applications", caption_seen=True)
    for rule in (TableIncomplete, CellMissing, Balance, RowTotal, OutcomeTotal):
        assert run(rule, model) == [], rule.slug


def test_an_unfilled_table_is_not_missing():
    model = report(2021)
    for row in list(model["tables"]["review_litigation"]):
        set_row(model, "review_litigation", row, [None] * 5)
    assert run(TableMissing, model) == []


def test_reports_before_the_national_tables_are_not_checked():
    model = drop_table(report(2018), "applications")
    assert run(TableMissing, model) == []
    model = drop_table(report(2019), "applications")
    model["meta"]["template"] = "pre-2019"
    assert run(TableMissing, model) == []
    model["meta"]["year"] = 2020
    assert len(run(TableMissing, model)) == 1


def test_empty_rows_handed_by_the_extractor_do_not_hide_a_caption_only_table():
    model = drop_table(report(2021), "applications", caption_seen=True)
    model["tables"]["applications"] = {"new_received": {column: None for column in
                                                        ("natural_person", "total")}}
    assert one(TableMissing, model).message == "表三只有标题，没有可读取的行"
    model["table_info"]["applications"]["found"] = False
    assert one(TableMissing, model).message == "表三没有可读取的数值"
