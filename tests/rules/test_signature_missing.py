"""signature-missing on hand-written models."""
from __future__ import annotations

from _text_models import only, report, run

from giklint_rules.signature_missing import SignatureMissing


def test_no_signature_is_info_at_the_last_line():
    model = report(closing=(), signature=None)
    finding = only(run(SignatureMissing, model))
    assert (finding.code, finding.rule, finding.severity) == ("GK204", "signature-missing", "info")
    assert finding.message == "报告末尾没有落款（机关名称和日期）"
    assert finding.line == model["sections"][-1]["lines"][-1]["location"]["line"]


def test_a_signature_without_date_is_named():
    model = report(signature={"agency": "某市卫生健康局", "date": None, "location": {"line": 30, "column": 1}})
    finding = only(run(SignatureMissing, model))
    assert finding.message == "落款缺少日期"
    assert finding.line == 30


def test_a_full_signature_passes_and_the_check_can_be_switched_off():
    assert run(SignatureMissing, report()) == []
    assert run(SignatureMissing, report(signature=None), options={"required": False}) == []
