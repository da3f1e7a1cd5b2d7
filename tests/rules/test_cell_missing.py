from __future__ import annotations

from _table_models import drop_row, one, report, run, set_row

from giklint_rules.cell_missing import CellMissing


def test_full_rows_pass():
    assert run(CellMissing, report(2021)) == []
    assert run(CellMissing, report(2020)) == []


def test_a_row_printing_six_values_for_seven_columns():
    model = set_row(report(2021), "applications", "disclosed", [0] * 6, placed=False)
    finding = one(CellMissing, model)
    assert finding.severity == "error"
    assert finding.message == "表三“（一）予以公开”行只印出6个数值，应为7个"
    assert (finding.line, finding.column) == (43, 1)


def test_blank_cells_are_named_and_the_finding_points_at_the_first():
    model = set_row(report(2021), "applications", "disclosed", [1, 0, None, 0, 0, 0, None])
    finding = one(CellMissing, model)
    assert finding.message == "表三“（一）予以公开”行只印出5个数值，应为7个（“科研机构”“总计”列为空）"
    assert (finding.line, finding.column) == (43, 12)


def test_one_finding_per_row():
    model = report(2021)
    set_row(model, "applications", "disclosed", [None, None, 0, 0, 0, 0, 0])
    set_row(model, "active_disclosure", "licensing", [None])
    messages = [f.message for f in run(CellMissing, model)]
    assert messages == ["表二“行政许可”行没有填写数值，应为1个（“本年处理决定数量”列为空）",
                        "表三“（一）予以公开”行只印出5个数值，应为7个（“自然人”“商业企业”列为空）"]


def test_dashes_are_blank_cells():
    model = set_row(report(2021), "applications", "disclosed", [0, 0, 0, 0, 0, None, 0],
                    printed=[0, 0, 0, 0, 0, "—", 0])
    model["table_info"]["applications"]["invalid_cells"] = {"disclosed.other_org": "—"}
    assert "“其他”列为空" in one(CellMissing, model).message


def test_blank_as_zero_tolerates_placed_blanks_only():
    model = set_row(report(2021), "applications", "disclosed", [1, None, None, None, None, None, 1])
    assert run(CellMissing, model, allow_blank_as_zero=True) == []
    set_row(model, "applications", "partially_disclosed", [0] * 6, placed=False)
    assert "只印出6个数值" in one(CellMissing, model, allow_blank_as_zero=True).message


def test_review_table_printed_as_one_row_gives_one_finding():
    model = report(2021)
    for group in ("review", "litigation_direct", "litigation_after_review"):
        set_row(model, "review_litigation", group, [None, None, None, None, 0])
    finding = one(CellMissing, model)
    assert finding.message == ("表四只印出3个数值，应为15个（行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉）"
                               "的“结果维持”“结果纠正”“其他结果”“尚未审结”为空）")
    assert finding.line == 81 and finding.context == "表四"


def test_one_short_review_group():
    model = drop_row(report(2021), "review_litigation", "litigation_after_review")
    assert one(CellMissing, model).message.startswith("表四“行政诉讼（复议后起诉）”行没有填写数值，应为5个")


def test_an_unfilled_table_is_reported_once():
    model = report(2021)
    for row in list(model["tables"]["applications"]):
        set_row(model, "applications", row, [None] * 7)
    finding = one(CellMissing, model)
    assert finding.message == "表三各行都没有填写数值" and finding.line == 40
    assert run(CellMissing, model, allow_blank_as_zero=True) == []


def test_missing_rows_are_left_to_table_incomplete():
    assert run(CellMissing, drop_row(report(2021), "applications", "disclosed")) == []


def test_review_values_that_could_not_be_split_into_groups():
    model = report(2021)
    for group in ("litigation_direct", "litigation_after_review"):
        set_row(model, "review_litigation", group, [None] * 5)
    set_row(model, "review_litigation", "review", [], printed=[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            placed=False)
    model["table_info"]["review_litigation"]["rows"]["review"]["expected"] = 15
    finding = one(CellMissing, model)
    assert finding.message == "表四只印出14个数值，应为15个" and finding.line == 81


def test_digits_run_together_are_named_as_such():
    """Flattened text "行政规范性文件693665": one run, digits for all three columns, no single split."""
    model = set_row(report(2021), "active_disclosure", "normative_documents", [693665], placed=False)
    message = one(CellMissing, model).message
    assert message == "表二“行政规范性文件”行的数字连在一起（693665），可拆成3个数值的方式不止一种，无法确定各列的值"
    model = set_row(report(2021), "active_disclosure", "normative_documents", [12], placed=False)
    assert one(CellMissing, model).message == "表二“行政规范性文件”行只印出1个数值，应为3个"


def test_a_glued_run_the_extractor_could_not_split_is_named_with_its_columns():
    """"行政处罚 97+82179" (2019): the sign glues two cells; 9|7|82179 and 97|8|2179 both fit."""
    model = set_row(report(2019), "active_disclosure", "penalties", [97, 82179], placed=False)
    model["table_info"]["active_disclosure"]["rows"]["penalties"]["runs"] = ["97+82179"]
    message = one(CellMissing, model).message
    assert message == ("表二“行政处罚”行的数字连在一起（97+82179），可拆成3个数值的方式不止一种，"
                       "无法确定“上一年项目数量”“本年增/减”“本年处理决定数量”列的值")
