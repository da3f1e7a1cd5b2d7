"""reference-missing on hand-written models."""
from __future__ import annotations

from _text_models import PREAMBLE, only, report, run

from giklint_rules.reference_missing import ReferenceMissing


def test_silent_without_a_configured_regulation():
    assert run(ReferenceMissing, report()) == []


def test_missing_citation_is_a_warning_naming_the_regulation():
    finding = only(run(ReferenceMissing, report(), options={"required": ["上海市政府信息公开规定"]}))
    assert (finding.code, finding.rule, finding.severity) == ("GK503", "reference-missing", "warning")
    assert finding.message == "报告未引用《上海市政府信息公开规定》"
    assert finding.line == 1


def test_any_of_several_is_enough():
    names = ["《山东省政府信息公开办法》", "山东省政府信息公开规定"]
    finding = only(run(ReferenceMissing, report(), options={"required": names}))
    assert finding.message == "报告未引用以下任一规定：《山东省政府信息公开办法》《山东省政府信息公开规定》"
    preamble = ["根据《中华人民共和国政府信息公开条例》和《山东省政府信息公开 规定》，编制本报告。"] + list(PREAMBLE[1:])
    assert run(ReferenceMissing, report(preamble=preamble), options={"required": names}) == []
