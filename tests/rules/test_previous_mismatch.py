from __future__ import annotations

from _cross_year import edited, example
from _rule_checks import assert_doc_page

from giklint.testing import check
from giklint_rules.previous_mismatch import PreviousMismatch

QINGHE_2021 = "青禾县司法局2021年政府信息公开工作年度报告.md"


def test_doc_page():
    assert_doc_page(PreviousMismatch)


def test_the_same_agencys_report_of_the_year_before_passes_whatever_its_format():
    assert check(PreviousMismatch, example("yunxi-jtj-2022.md"), previous=example("yunxi-jtj-2021.md")) == []
    assert check(PreviousMismatch, example("qhsfj_2023.html"), previous=example("司法局2022年度报告.docx")) == []
    assert check(PreviousMismatch, example(QINGHE_2021), previous=example("qinghe-sfj-2020.md")) == []


def test_another_agencys_report_says_which_agency_was_found():
    [finding] = check(PreviousMismatch, example("yunxi-jtj-2022.md"), previous=example(QINGHE_2021))
    assert finding.severity == "error"
    assert "上年报告的机关是“青禾县司法局”，本报告是“云溪市交通运输局”" in finding.message
    assert finding.line == 1
    [title] = finding.related
    assert title.path.endswith(QINGHE_2021) and title.location["line"] == 1
    assert (title.value, title.compared) == ("青禾县司法局 2021年度", "云溪市交通运输局 2022年度")


def test_a_report_of_another_year_says_which_year_was_found():
    [two_before] = check(PreviousMismatch, example("yunxi-jtj-2023.md"), previous=example("yunxi-jtj-2021.md"))
    assert "上年报告是2021年度的，本报告是2023年度的，上年报告应为2022年度" in two_before.message
    [after] = check(PreviousMismatch, example("chengxi-edu/2021.md"), previous=example("chengxi-edu/2022.md"))
    assert "上年报告是2022年度的，本报告是2021年度的" in after.message


def test_an_agency_written_differently_is_the_same_agency():
    short = edited("yunxi-jtj-2021.md", "# 云溪市交通运输局2021年", "# 云溪市 交通运输局（云溪市港航管理局）2021年")
    assert check(PreviousMismatch, example("yunxi-jtj-2022.md"), previous=short) == []


def test_nothing_is_said_when_the_previous_reports_agency_and_year_were_not_read():
    unnamed = edited("yunxi-jtj-2021.md", "# 云溪市交通运输局2021年政府信息公开工作年度报告", "# 年度报告")
    assert check(PreviousMismatch, example("yunxi-jtj-2022.md"), previous=unnamed) == []
