"""The structure, metadata and content rules on the five real reports in ../shared/reports (read in
place): every problem their hand labels list for these rules is found, and nothing else of these rules
fires at error or warning level (SPEC.md: no false alarms on a clean report)."""
from __future__ import annotations


import pytest
from conftest import load_yaml, real_reports

from giklint.rule import Context, option_defaults
from giklint_rules import rule_classes

MY_CODES = {"GK101", "GK102", "GK103", "GK104", "GK105", "GK201", "GK202", "GK203", "GK204", "GK205", "GK206",
            "GK207", "GK501", "GK502", "GK503"}
MINE = [rule for rule in rule_classes() if rule.code in MY_CODES]
MY_SLUGS = {rule.slug for rule in MINE}


def _findings(path):
    from giklint.api import parse

    model = parse(str(path))
    found = []
    for rule in MINE:
        ctx = Context(model=model, options=option_defaults(rule), settings={"report_type": "department"},
                      path=str(path))
        found.extend(rule().check(ctx))
    return found


def _labels(label_path):
    """(problems of these rules, each a set of alternative slugs; every slug of these rules allowed)."""
    label = load_yaml(label_path)
    problems, allowed = [], set()
    for key in ("problems", "optional_problems"):
        for problem in label.get(key) or []:
            slugs = set(problem["rule"] if isinstance(problem["rule"], list) else [problem["rule"]]) & MY_SLUGS
            allowed |= slugs
            if slugs and key == "problems":
                problems.append(slugs)
    return problems, allowed


@pytest.mark.parametrize("document, label", real_reports(), ids=lambda p: p.name)
def test_real_report_findings_match_the_hand_labels(document, label):
    findings = _findings(document)
    problems, allowed = _labels(label)
    found = {f.rule for f in findings}
    missed = [sorted(slugs) for slugs in problems if not slugs & found]
    assert not missed, f"missed: {missed}"
    unexpected = [f.message for f in findings if f.severity in ("error", "warning") and f.rule not in allowed]
    assert not unexpected, f"unexpected: {unexpected}"
    assert all(f.line for f in findings), [f.message for f in findings if not f.line]


def test_garbled_period_of_ganzhou_is_quoted_and_explained(shared_reports):
    [finding] = [f for f in _findings(shared_reports / "ganzhou-health-2021.txt") if f.rule == "period-invalid"]
    assert "20211月1日" in finding.message and "缺“年”字" in finding.message and "2022年" in finding.message
    assert finding.line == 12
