from __future__ import annotations

from _cross_year import edited, example, line_of
from _rule_checks import assert_doc_page

from giklint.testing import check
from giklint_rules.carryover_mismatch import CarryoverMismatch

CARRIED_OVER = "| 二、上年结转政府信息公开申请数量 |"


def test_doc_page():
    assert_doc_page(CarryoverMismatch)


def test_a_consistent_pair_passes():
    assert check(CarryoverMismatch, example("yunxi-jtj-2023.md"), previous=example("yunxi-jtj-2022.md")) == []
    assert check(CarryoverMismatch, example("qhsfj_2023.html"), previous=example("司法局2022年度报告.docx")) == []


def test_each_broken_column_names_this_years_cell_and_last_years():
    found = check(CarryoverMismatch, example("yunxi-jtj-2022.md"), previous=example("yunxi-jtj-2021.md"))
    assert [f.context for f in found] == ["表三“商业企业”列 上年结转", "表三“总计”列 上年结转"]
    commercial = found[0]
    assert commercial.severity == "warning"
    assert commercial.line == line_of("yunxi-jtj-2022.md", CARRIED_OVER)
    assert commercial.message.startswith("表三“商业企业”列：本年“二、上年结转”0件，上年报告“四、结转下年度继续办理”1件")
    [last_year] = commercial.related
    assert last_year.path.endswith("yunxi-jtj-2021.md")
    assert last_year.location["line"] == line_of("yunxi-jtj-2021.md", "| 四、结转下年度继续办理 |")
    assert (last_year.value, last_year.compared) == (1, 0)
    assert f"yunxi-jtj-2021.md 第{last_year.location['line']}行" in commercial.message


def test_a_2019_format_previous_year_is_compared_on_the_rows_both_formats_have():
    assert check(CarryoverMismatch, example("青禾县司法局2021年政府信息公开工作年度报告.md"),
                 previous=example("qinghe-sfj-2020.md")) == []
    found = check(CarryoverMismatch, example("2021/鹿鸣县医疗保障局.md"), previous=example("2020/鹿鸣县医疗保障局.md"))
    assert [(f.context, f.related[0].value, f.related[0].compared) for f in found] == [
        ("表三“自然人”列 上年结转", 2, 1), ("表三“总计”列 上年结转", 2, 1)]


def test_a_cell_not_read_in_either_year_is_not_compared():
    unreadable = edited("yunxi-jtj-2022.md", f"{CARRIED_OVER} 2 | 0 |", f"{CARRIED_OVER} 2 | — |")
    found = check(CarryoverMismatch, unreadable, previous=example("yunxi-jtj-2021.md"))
    assert [f.context for f in found] == ["表三“总计”列 上年结转"]


def test_another_agencys_or_another_years_report_is_not_compared():
    previous_mismatch = example("青禾县司法局2021年政府信息公开工作年度报告.md")
    assert check(CarryoverMismatch, example("yunxi-jtj-2022.md"), previous=previous_mismatch) == []
    assert check(CarryoverMismatch, example("yunxi-jtj-2023.md"), previous=example("yunxi-jtj-2021.md")) == []
