"""The structure, metadata and content rules together: silent on a clean report (info included), and never
raising on odd models (missing keys, None everywhere, wrong types in a hand-edited model file)."""
from __future__ import annotations

import copy

import pytest
from _text_models import report, run

from giklint.rule import Context
from giklint_rules import rule_classes

MY_CODES = {"GK101", "GK102", "GK103", "GK104", "GK105", "GK201", "GK202", "GK203", "GK204", "GK205", "GK206",
            "GK207", "GK501", "GK502", "GK503", "GK504"}
MINE = [rule for rule in rule_classes() if rule.code in MY_CODES]


@pytest.mark.parametrize("year", [2020, 2021])
def test_clean_report_gives_no_finding_at_all(year):
    for rule in MINE:
        assert run(rule, report(year=year)) == [], rule.slug


def _odd_models():
    yield {"meta": {}, "sections": [], "tables": {}}
    yield {"meta": None, "sections": None, "tables": None, "preamble": None, "other_headings": None}
    model = report()
    model["meta"] = {key: None for key in model["meta"]}
    yield model
    model = report()
    for part in model["sections"]:
        part["lines"] = [None, {"text": None}, {"text": "XX", "location": None}]
        part["heading"] = None
        part["body"] = None
    model["sections"].append({"number": "6", "heading": 3})
    model["other_headings"] = [None, {"text": None}]
    yield model
    model = report()
    model["meta"]["period"] = {"raw": "自2021年13月1日起至2021年12月31日止"}
    model["meta"]["contacts"] = {"phone": [None, 5, ""], "email": "not-a-list"}
    model["meta"]["signature"] = {"date": "2022-13-45"}
    model["meta"]["published"] = "yesterday"
    yield model


@pytest.mark.parametrize("rule", MINE, ids=lambda rule: rule.slug)
def test_odd_models_do_not_raise(rule):
    options = {"aliases": {"x": ["其他事项"], "6": None}, "required": ["规定"], "topics": [None, {"label": 1}],
               "deadlines": {"department": "bad"}, "max_chars": "many", "fields": ["phone", "nonsense"]}
    for model in _odd_models():
        ctx = Context(model=copy.deepcopy(model), options={**rule.options, **options},
                      settings={"report_type": None, "published": "not a date"})
        for finding in rule().check(ctx):
            assert finding.message and finding.code == rule.code
