"""Every structure, metadata and content rule documents itself for `giklint explain`."""
from __future__ import annotations

import pytest

from giklint.rule import SEVERITIES
from giklint_rules import rule_classes

MY_CODES = {"GK101", "GK102", "GK103", "GK104", "GK105", "GK201", "GK202", "GK203", "GK204", "GK205", "GK206",
            "GK207", "GK501", "GK502", "GK503"}
MINE = [rule for rule in rule_classes() if rule.code in MY_CODES]


def test_every_code_is_implemented_once():
    assert sorted(rule.code for rule in MINE) == sorted(MY_CODES)


@pytest.mark.parametrize("rule", MINE, ids=lambda rule: rule.slug)
def test_rule_has_a_complete_doc_page(rule):
    doc = rule.doc()
    assert f"{rule.slug} ({rule.code})" in doc.splitlines()[0]
    for heading in ("检查内容", "为什么", "选项", "不通过的例子", "通过的例子"):
        assert heading in doc, f"{rule.slug}: no {heading}"
    assert "条例" in doc or "国办公开办函" in doc
    for option in rule.options:
        assert f"`{option}`" in doc, f"{rule.slug}: option {option} undocumented"
    assert rule.severity in SEVERITIES and rule.summary
