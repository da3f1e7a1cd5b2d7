"""placeholder-text on hand-written models: exact line and column of each placeholder."""
from __future__ import annotations

import pytest
from _text_models import BODIES, HEADINGS, part, report, run

from giklint_rules.placeholder_text import PlaceholderText


def _with_part_five(*lines):
    parts = [(n, HEADINGS[n], BODIES[n] if n != 5 else list(lines)) for n in range(1, 7)]
    return report(parts=parts)


def test_template_note_is_an_error_at_its_column():
    model = _with_part_five("（文字描述）")
    [finding] = run(PlaceholderText, model)
    assert (finding.code, finding.rule, finding.severity) == ("GK105", "placeholder-text", "error")
    assert finding.message == "留有占位文字“（文字描述）”，应替换为实际内容"
    assert (finding.line, finding.column) == (part(model, 5)["lines"][0]["location"]["line"], 1)


def test_fee_template_note_in_part_six_is_found():
    parts = [(n, HEADINGS[n], BODIES[n]) for n in range(1, 6)]
    parts.append((6, HEADINGS[6], ["（文字描述，收取信息处理费情况在此处报告。）"]))
    [finding] = run(PlaceholderText, report(parts=parts))
    assert "在此处报告" in finding.message


def test_xx_standing_for_a_number_and_a_name():
    model = _with_part_five("本年度共收到申请XX件，由XX科办理。")
    findings = run(PlaceholderText, model)
    line = part(model, 5)["lines"][0]["location"]["line"]
    assert [(f.line, f.column) for f in findings] == [(line, 9), (line, 14)]
    assert all("“XX”" in f.message for f in findings)


def test_placeholder_year_and_date():
    model = _with_part_five("20XX年X月X日")
    assert [f.column for f in run(PlaceholderText, model)] == [3, 6, 8]


def test_crosses_and_brackets():
    model = _with_part_five("××局【单位名称】【填写日期：】")
    assert [(f.column, f.message) for f in run(PlaceholderText, model)] == [
        (1, "留有占位文字“××”，应替换为实际内容"), (4, "留有占位文字“【单位名称】”，应替换为实际内容"),
        (10, "留有占位文字“【填写日期：】”，应替换为实际内容")]


def test_placeholder_in_the_title_line_is_found():
    findings = run(PlaceholderText, report(title="XX局2021年政府信息公开工作年度报告",
                                           preamble=["XX局2021年政府信息公开工作年度报告"]))
    assert [(f.line, f.column) for f in findings] == [(2, 1)]


@pytest.mark.parametrize("text", [
    "联系邮箱：xxgk@163.com",
    "详见http://www.example.gov.cn/zwgk/xxgknb/",
    "申请人张××申请公开其个人信息。",
    "在【信息公开】栏目发布。",
    "【发布日期：2022-01-12】【字体：大 中 小】【打印本页】",
    "购置X光机一台，XXL码防护服。",
    "截至3×4平方米的展板。",
])
def test_no_false_alarm_on_words_addresses_and_redacted_names(text):
    assert run(PlaceholderText, _with_part_five(text)) == []


def test_clean_report_passes():
    assert run(PlaceholderText, report()) == []
