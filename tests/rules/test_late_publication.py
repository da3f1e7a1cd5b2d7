"""late-publication on hand-written models."""
from __future__ import annotations

import datetime

import pytest
from _text_models import only, report, run

from giklint_rules.late_publication import LatePublication


def _signed(date, line=40):
    return {"agency": "某市卫生健康局", "date": date, "location": {"line": line, "column": 1}}


def test_a_department_report_signed_after_january_31_is_late():
    finding = only(run(LatePublication, report(signature=_signed("2022-02-15"))))
    assert (finding.code, finding.rule, finding.severity) == ("GK205", "late-publication", "error")
    assert finding.message == "落款日期2022年2月15日晚于2021年度部门报告的公布期限2022年1月31日（逾期15天）"
    assert finding.line == 40


def test_the_page_publication_date_comes_before_the_signature():
    model = report(signature=_signed("2022-01-20"), published="2022-02-03")
    model["locations"]["meta.published"] = {"line": 2, "column": 6}
    finding = only(run(LatePublication, model))
    assert finding.message.startswith("发布日期2022年2月3日")
    assert (finding.line, finding.column) == (2, 6)


def test_a_user_given_date_wins_over_the_document():
    model = report(signature=_signed("2022-01-20"), published="2022-01-21")
    finding = only(run(LatePublication, model, settings={"published": datetime.date(2022, 3, 1)}))
    assert finding.message.startswith("给定的发布日期2022年3月1日")
    assert run(LatePublication, report(signature=_signed("2022-03-01")), settings={"published": "2022-01-30"}) == []


@pytest.mark.parametrize("report_type, date, late", [
    ("county_summary", "2022-02-20", False),
    ("county_summary", "2022-02-21", True),
    ("city_summary", "2022-03-10", False),
    ("province_summary", "2022-03-31", False),
    ("province_summary", "2022-04-01", True),
    ("no_such_type", "2022-02-01", True),  # unknown type: the strictest date
])
def test_deadline_depends_on_report_type(report_type, date, late):
    findings = run(LatePublication, report(signature=_signed(date)), settings={"report_type": report_type})
    assert bool(findings) is late


def test_a_profile_can_move_the_deadline():
    model = report(signature=_signed("2022-01-29"))
    assert run(LatePublication, model) == []
    assert "2022年1月28日" in only(run(LatePublication, model, options={"deadlines": {"department": "01-28"}})).message
    assert len(run(LatePublication, model, options={"deadline": "01-28"})) == 1
    county = {"report_type": "county_summary"}  # the types a profile does not list keep the national date
    assert run(LatePublication, report(signature=_signed("2022-02-19")),
               options={"deadlines": {"department": "01-28"}}, settings=county) == []


def test_a_signature_in_the_report_year_is_not_late():
    assert run(LatePublication, report(signature=_signed("2021-12-31"))) == []


def test_unknown_date_or_year_is_silent():
    assert run(LatePublication, report(signature=None)) == []
    assert run(LatePublication, report(year=None, signature=_signed("2023-05-01"))) == []


@pytest.mark.parametrize("agency", ["湖口县人民政府", "天津市"])
def test_a_whole_government_report_of_unknown_type_after_january_is_only_a_hint(agency):
    """It may be the government's own 汇总 report, due as late as 3月31日: say so, do not cry wolf."""
    finding = only(run(LatePublication, report(agency=agency, signature=_signed("2022-03-10"))))
    assert finding.severity == "info" and "--report-type" in finding.message
    late = only(run(LatePublication, report(agency=agency, signature=_signed("2022-04-02"))))
    assert late.severity == "error"


def test_a_given_report_type_makes_a_government_report_late_again():
    settings = {"report_type": "department", "report_type_given": True}
    finding = only(run(LatePublication, report(agency="湖口县人民政府", signature=_signed("2022-02-10")),
                       settings=settings))
    assert finding.severity == "error"


def test_a_government_office_report_keeps_the_january_deadline():
    finding = only(run(LatePublication, report(agency="湖口县人民政府办公室", signature=_signed("2022-02-10"))))
    assert finding.severity == "error"


def test_report_type_from_the_command_line_or_config_reaches_the_rule():
    """End to end: the same late government report is a hint by default and an error once typed."""
    from pathlib import Path

    import giklint

    clean = (Path(__file__).resolve().parents[2] / "examples" / "reports" / "clean-2021.md").read_text("utf-8")
    text = clean.replace("青禾县卫生健康局", "青禾县人民政府").replace("2022年1月20日", "2022年2月15日")
    data = text.encode("utf-8")

    def late(**options):
        return [f.severity for f in giklint.lint(data, name="gov.md", **options) if f.rule == "late-publication"]

    assert late() == ["info"]
    assert late(report_type="department") == ["error"]
    assert late(report_type="county_summary") == []
    assert late(config={"report_type": "department"}) == ["error"]
