"""Every table and narrative rule documents itself for `giklint explain`; clean models give nothing."""
from __future__ import annotations

import pytest
from _rule_checks import assert_doc_page
from _table_models import pingtan_2022, report, run

from giklint_rules import rule_classes

MY_CODES = {"GK301", "GK302", "GK303", "GK304", "GK305", "GK311", "GK312", "GK313", "GK314", "GK315",
            "GK401", "GK402"}
MINE = [rule for rule in rule_classes() if rule.code in MY_CODES]


def test_every_code_is_implemented_once():
    assert sorted(rule.code for rule in MINE) == sorted(MY_CODES)


@pytest.mark.parametrize("rule", MINE, ids=lambda rule: rule.slug)
def test_rule_has_a_complete_doc_page(rule):
    assert_doc_page(rule)


@pytest.mark.parametrize("model", [report(2020), report(2021), report(2022), pingtan_2022()],
                         ids=["2020", "2021", "2022", "pingtan-2022"])
def test_clean_reports_give_no_finding_at_all(model):
    for rule in MINE:
        assert run(rule, model) == [], rule.slug
