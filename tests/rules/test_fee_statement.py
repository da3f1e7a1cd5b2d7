"""fee-statement-missing on hand-written models."""
from __future__ import annotations

import pytest
from _text_models import BODIES, HEADINGS, only, part, report, run

from giklint_rules.fee_statement import FeeStatementMissing


def _report(part_six, year=2021, part_one=None):
    parts = [(n, HEADINGS[n], BODIES[n]) for n in range(1, 6)] + [(6, HEADINGS[6], part_six)]
    if part_one:
        parts[0] = (1, HEADINGS[1], part_one)
    return report(year=year, parts=parts)


@pytest.mark.parametrize("text", ["无。", "2021年度我局无其他需要报告的事项。", "本年度无其他需要报告的事项。"])
def test_nothing_to_report_is_not_a_fee_statement(text):
    model = _report([text])
    finding = only(run(FeeStatementMissing, model))
    assert (finding.code, finding.rule, finding.severity) == ("GK501", "fee-statement-missing", "warning")
    assert finding.message.startswith("第六部分“其他需要报告的事项”未说明信息处理费收取情况")
    assert finding.line == part(model, 6)["location"]["line"]


@pytest.mark.parametrize("text", [
    "本年度未收取信息处理费。", "本机关不收取信息处理费。", "无收取信息处理费情况。",
    "本年度共收取信息处理费200元。", "本年度未发生收费。", "依申请公开未收取任何费用。",
    "本年度信息处\n理费收取情况：无。",
])
def test_fee_statements_pass(text):
    assert run(FeeStatementMissing, _report(text.split("\n"))) == []


def test_2019_format_reports_are_not_asked():
    assert run(FeeStatementMissing, _report(["无。"], year=2020)) == []


def test_fee_statement_in_another_part_is_only_info():
    model = _report(["无。"], part_one=["本年度依申请公开未收取信息处理费。"])
    finding = only(run(FeeStatementMissing, model))
    assert finding.severity == "info"
    assert "写在了第一部分" in finding.message


def test_no_part_six_is_left_to_section_missing():
    model = _report(["无。"])
    model["sections"] = model["sections"][:5]
    assert run(FeeStatementMissing, model) == []
