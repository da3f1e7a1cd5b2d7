"""period-missing and period-invalid on hand-written models."""
from __future__ import annotations

import pytest
from _text_models import only, report, run

from giklint_rules.period import PeriodInvalid, PeriodMissing

NO_PERIOD = {"start": None, "end": None, "raw": None, "valid": None, "location": None}


def _period(raw, start=None, end=None, valid=False, line=3):
    return {"start": start, "end": end, "raw": raw, "valid": valid, "location": {"line": line, "column": 12}}


def test_no_statement_is_a_warning():
    finding = only(run(PeriodMissing, report(period=NO_PERIOD)))
    assert (finding.code, finding.rule, finding.severity) == ("GK201", "period-missing", "warning")
    assert "没有写明数据的统计期限" in finding.message and "2021年1月1日" in finding.message
    assert finding.line == 1


def test_a_profile_may_make_the_statement_optional():
    assert run(PeriodMissing, report(period=NO_PERIOD), options={"required": False}) == []


def test_a_stated_period_passes_period_missing_even_when_garbled():
    assert run(PeriodMissing, report()) == []
    assert run(PeriodMissing, report(period=_period("自20211月1日起至202212月31日止"))) == []


def test_garbled_period_with_end_in_the_next_year():
    raw = "自20211月1日起至202212月31日止"
    finding = only(run(PeriodInvalid, report(period=_period(raw))))
    assert (finding.code, finding.rule, finding.severity) == ("GK202", "period-invalid", "error")
    assert finding.message == f"统计期限“{raw}”日期缺“年”字，且止期为2022年，不是报告年度2021年的12月31日"
    assert (finding.line, finding.column) == (3, 12)


def test_year_and_month_both_missing():
    finding = only(run(PeriodInvalid, report(year=2020, period=_period("从202011日起至20201231日止"))))
    assert finding.message == "统计期限“从202011日起至20201231日止”日期缺“年”、“月”字"


@pytest.mark.parametrize("raw, problem", [
    ("自2021年3月1日起至2021年12月31日止", "起期为2021年3月1日，不是报告年度2021年的1月1日"),
    ("自2021年1月1日起至2021年11月30日止", "止期为2021年11月30日，不是报告年度2021年的12月31日"),
    ("自2020年1月1日起至2020年12月31日止", "是2020年度，不是报告年度2021年"),
    ("自2020年1月1日起至2021年12月31日止", "起期为2020年，不是报告年度2021年的1月1日"),
    ("自2021年1月1日起至2021年2月30日止", "止期“2021年2月30日”不是有效日期"),
    ("截至2021年12月31日", "无法识别出起止两个日期"),
])
def test_wrong_dates_are_named(raw, problem):
    finding = only(run(PeriodInvalid, report(period=_period(raw))))
    assert finding.message == f"统计期限“{raw}”{problem}"


@pytest.mark.parametrize("raw", [
    "自2021年1月1日起至2021年12月31日止",
    "从2021年1月1日到12月31日止",  # end without its year takes the start year
    "2021 年 1 月 1 日至 2021\n\n年 12 月 31 日",  # broken across lines by a PDF export
    "2021-01-01至2021-12-31",
])
def test_good_periods_pass(raw):
    assert run(PeriodInvalid, report(period=_period(raw, valid=True))) == []


def test_model_dates_are_used_when_the_raw_text_has_none():
    period = _period("本年度", start="2021-01-01", end="2021-12-31", valid=True)
    assert run(PeriodInvalid, report(period=period)) == []


def test_without_a_report_year_the_title_year_is_the_reference():
    finding = only(run(PeriodInvalid, report(year=None, title="某局2021年政府信息公开工作年度报告",
                                            period=_period("自2020年1月1日起至2020年12月31日止"), signature=None)))
    assert finding.message.endswith("是2020年度，不是报告年度2021年")
    assert run(PeriodInvalid, report(year=None, title=None, period=_period("自2020年1月1日起至2020年12月31日止"),
                                     signature=None)) == []


def test_no_statement_is_not_invalid():
    assert run(PeriodInvalid, report(period=NO_PERIOD)) == []
