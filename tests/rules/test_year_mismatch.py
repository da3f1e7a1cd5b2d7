"""year-mismatch on hand-written models."""
from __future__ import annotations

from _text_models import PREAMBLE, only, report, run

from giklint_rules.year_mismatch import YearMismatch


def _signed(date, line=40):
    return {"agency": "某市卫生健康局", "date": date, "location": {"line": line, "column": 1}}


def test_the_opening_naming_the_report_with_another_year():
    preamble = ["根据《条例》要求，现公布某市卫生健康局2020年政府信息公开工作年度报告。"] + list(PREAMBLE[1:])
    finding = only(run(YearMismatch, report(preamble=preamble)))
    assert (finding.code, finding.rule, finding.severity) == ("GK203", "year-mismatch", "error")
    assert finding.message == "标题写的报告年度是2021年，报告开头却称“2020年政府信息公开工作年度报告”"
    assert (finding.line, finding.column) == (2, 20)


def test_a_notice_named_with_a_year_is_not_the_report():
    preamble = ["根据《某市人民政府办公室关于做好2020年度政府信息公开工作年度报告编制发布工作的通知》要求，编制本报告。"]
    assert run(YearMismatch, report(preamble=preamble)) == []


def test_without_title_the_extracted_year_is_compared():
    preamble = ["现公布本局2020年政府信息公开工作年度报告。"]
    finding = only(run(YearMismatch, report(title=None, preamble=preamble)))
    assert finding.message.startswith("正文写的报告年度是2021年")


def test_title_and_extracted_year_disagree():
    model = report(year=2020, title="某市卫生健康局2021年政府信息公开工作年度报告", signature=_signed("2022-01-20"))
    finding = only(run(YearMismatch, model))
    assert finding.message == "标题写的报告年度是2021年，正文写的是2020年"
    assert finding.line == 1


def test_a_signature_dated_early_in_the_report_year_is_reported():
    finding = only(run(YearMismatch, report(signature=_signed("2021-01-20"))))
    assert finding.message == "落款日期2021年1月20日早于2021年度结束，与报告年度2021年不符（年度报告应在2022年初发布）"
    assert finding.line == 40


def test_a_page_date_before_the_year_ends_is_reported():
    model = report(published="2021-03-30")
    model["locations"]["meta.published"] = {"line": 2, "column": 6}
    finding = only(run(YearMismatch, model))
    assert finding.message.startswith("发布日期2021年3月30日") and (finding.line, finding.column) == (2, 6)


def test_the_period_is_left_to_period_invalid():
    # 甘州区 2021: the period ends in 2022 and is garbled; signed 2021-12-31 (in December: fine)
    period = {"start": None, "end": None, "raw": "自20211月1日起至202212月31日止", "valid": False,
              "location": {"line": 3, "column": 5}}
    assert run(YearMismatch, report(period=period, signature=_signed("2021-12-31"))) == []
    period = {"start": "2020-01-01", "end": "2020-12-31", "raw": "自2020年1月1日起至2020年12月31日止", "valid": True,
              "location": {"line": 3, "column": 5}}
    assert run(YearMismatch, report(period=period)) == []


def test_clean_reports_and_missing_facts_pass():
    assert run(YearMismatch, report()) == []
    assert run(YearMismatch, report(year=2020)) == []
    assert run(YearMismatch, report(title=None, year=None, signature=_signed("2021-01-20"))) == []
