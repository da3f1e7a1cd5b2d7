"""title-missing on hand-written models."""
from __future__ import annotations

import pytest
from _text_models import only, report, run

from giklint_rules.title_missing import TitleMissing


def test_no_title_is_a_warning_at_the_first_line():
    finding = only(run(TitleMissing, report(title=None)))
    assert (finding.code, finding.rule, finding.severity) == ("GK104", "title-missing", "warning")
    assert finding.message.startswith("报告没有标题")
    assert finding.line == 1


@pytest.mark.parametrize("title, lacking", [
    ("某市卫生健康局政府信息公开工作年度报告", "报告年度"),
    ("某市卫生健康局2021年工作总结", "“政府信息公开工作年度报告”"),
])
def test_a_title_lacking_year_or_phrase_is_a_warning(title, lacking):
    finding = only(run(TitleMissing, report(title=title)))
    assert finding.severity == "warning"
    assert finding.message == f"标题“{title}”未写明{lacking}"
    assert finding.line == 1


def test_a_title_without_agency_is_reported_only_when_no_agency_was_found():
    assert run(TitleMissing, report(title="2021年政府信息公开工作年度报告")) == []  # agency on the line above
    finding = only(run(TitleMissing, report(title="2021年政府信息公开工作年度报告", agency=None)))
    assert finding.message.endswith("未写明机关名称")


@pytest.mark.parametrize("title", [
    "某市卫生健康局2021年度政府信息公开工作报告",
    "某市审计局2021年政府信息公开工作的年度报告",
])
def test_a_variant_wording_is_only_info(title):
    finding = only(run(TitleMissing, report(title=title)))
    assert finding.severity == "info"
    assert "不是通常写法“政府信息公开工作年度报告”" in finding.message


@pytest.mark.parametrize("title", [
    "某市卫生健康局2021年政府信息公开工作年度报告",
    "某市卫生健康局2021年度政府信息公开工作年度报告",
    "2021年某市人民政府办公厅政府信息公开工作年度报告",
    "# 某市卫生健康局 2021 年政府信息公开工作年度报告",
])
def test_usual_titles_pass(title):
    assert run(TitleMissing, report(title=title)) == []
