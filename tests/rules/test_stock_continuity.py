from __future__ import annotations

from _cross_year import edited, example, line_of
from _rule_checks import assert_doc_page

from giklint.testing import check
from giklint_rules.stock_continuity import StockContinuity


def test_doc_page():
    assert_doc_page(StockContinuity)


def test_a_stock_that_continues_passes():
    assert check(StockContinuity, example("yunxi-jtj-2022.md"), previous=example("yunxi-jtj-2021.md")) == []
    assert check(StockContinuity, example("qhsfj_2023.html"), previous=example("司法局2022年度报告.docx")) == []


def test_a_recounted_stock_states_the_arithmetic_and_both_places():
    [finding] = check(StockContinuity, example("chengxi-edu/2022.md"), previous=example("chengxi-edu/2021.md"))
    assert finding.severity == "info"
    assert finding.message.startswith("表二“行政规范性文件”现行有效件数20，按上年现行有效12＋本年制发3－本年废止1应为14")
    assert finding.line == line_of("chengxi-edu/2022.md", "| 行政规范性文件 |")
    [last_year] = finding.related
    assert last_year.location["line"] == line_of("chengxi-edu/2021.md", "| 行政规范性文件 |")
    assert (last_year.value, last_year.compared) == (12, 20)


def test_regulations_are_checked_too():
    regulations = edited("yunxi-jtj-2022.md", "| 规章 | 0 | 0 | 0 |", "| 规章 | 1 | 0 | 0 |")
    [finding] = check(StockContinuity, regulations, previous=example("yunxi-jtj-2021.md"))
    assert "表二“规章”现行有效件数0，按上年现行有效0＋本年制发1－本年废止0应为1" in finding.message


def test_a_2019_format_previous_year_prints_no_stock_and_is_not_compared():
    """2019's 对外公开总数量 (4) is another figure than 2021's 现行有效件数 (5 = 4 + 2 − 1 by chance or not)."""
    recount = edited("青禾县司法局2021年政府信息公开工作年度报告.md", "| 行政规范性文件 | 2 | 1 | 5 |", "| 行政规范性文件 | 2 | 1 | 9 |")
    assert check(StockContinuity, recount, previous=example("qinghe-sfj-2020.md")) == []


def test_another_agencys_report_is_not_compared():
    assert check(StockContinuity, example("chengxi-edu/2022.md"), previous=example("wuling-mzj-2021.md")) == []
