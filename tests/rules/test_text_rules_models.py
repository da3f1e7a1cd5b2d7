"""The structure, metadata and content rules together: silent on a clean report (info included), and never
raising on odd models (missing keys, None everywhere, wrong types in a hand-edited model file)."""
from __future__ import annotations

import copy

import pytest
from _text_models import report, run

from giklint.rule import Context, option_defaults
from giklint.schema import errors
from giklint_rules import rule_classes

MY_CODES = {"GK101", "GK102", "GK103", "GK104", "GK105", "GK201", "GK202", "GK203", "GK204", "GK205", "GK206",
            "GK207", "GK501", "GK502", "GK503", "GK504"}
MINE = [rule for rule in rule_classes() if rule.code in MY_CODES]


@pytest.mark.parametrize("year", [2020, 2021])
def test_clean_report_gives_no_finding_at_all(year):
    for rule in MINE:
        assert run(rule, report(year=year)) == [], rule.slug


def _odd_models():
    """Models the schema accepts but the extractor never writes: rules read them without raising
    (a model file is schema-checked before any rule runs, so schema-breaking ones never reach them)."""
    model = report()
    model["meta"] = {key: None for key in model["meta"]}
    model["meta"].update(period={"start": None, "end": None, "raw": None, "valid": None},
                         contacts={kind: [] for kind in ("phone", "fax", "email", "address", "postcode")},
                         years_mentioned=[])
    no_tables = dict.fromkeys(("active_disclosure", "applications", "review_litigation"))
    yield {"meta": model["meta"], "sections": [], "tables": no_tables}
    yield model
    model = report()
    for part in model["sections"]:
        part["lines"] = []
        part["heading"] = ""
        part["body"] = ""
        part.pop("numbering", None)
    model["other_headings"] = [{"text": "", "location": {"line": 1}}]
    yield model
    model = report()
    model["meta"]["period"] = {"start": None, "end": None, "raw": "自2021年13月1日起至2021年12月31日止", "valid": None}
    model["meta"]["contacts"] = {"phone": ["", " "], "fax": [], "email": [], "address": [], "postcode": []}
    model["meta"]["signature"] = {"date": None}
    model["meta"]["published"] = "2021-02-30"
    yield model


@pytest.mark.parametrize("rule", MINE, ids=lambda rule: rule.slug)
def test_odd_models_do_not_raise(rule):
    options = {"aliases": {"x": ["其他事项"], "6": []}, "required": ["规定"], "topics": [{}, {"label": 1}],
               "fields": ["phone", "fax"]}
    for model in _odd_models():
        assert errors(model, "report") == []
        ctx = Context(model=copy.deepcopy(model), options={**option_defaults(rule), **options},
                      settings={"report_type": None, "published": "not a date"})
        for finding in rule().check(ctx):
            assert finding.message and finding.code == rule.code
