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
