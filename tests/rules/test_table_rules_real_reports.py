"""The table and narrative rules on the five real reports in ../shared/reports (read in place): every
problem their hand labels list for these rules is found, and nothing else of these rules fires at error
or warning level (SPEC.md: no false alarms on a clean report)."""
from __future__ import annotations

import pytest
from _rule_checks import assert_matches_labels, findings_on
from conftest import real_reports

from giklint_rules import rule_classes

MINE = [rule for rule in rule_classes() if rule.code[:3] in ("GK3", "GK4")]


@pytest.mark.parametrize("document, label", real_reports(), ids=lambda p: p.name)
def test_real_report_findings_match_the_hand_labels(document, label):
    assert_matches_labels(findings_on(document, MINE), label, {rule.slug for rule in MINE})


def test_suibin_row_with_six_values(shared_reports):
    [finding] = findings_on(shared_reports / "suibin-health-2021.txt", MINE)
    assert finding.rule == "cell-missing" and finding.line == 188
    assert finding.message == "表三“（一）予以公开”行只印出6个数值，应为7个"


def test_leshan_mangled_tables(shared_reports):
    found = {f.rule: f for f in findings_on(shared_reports / "leshan-shizhong-health-2021.md", MINE)}
    assert sorted(found) == ["cell-missing", "table-missing"]
    assert found["table-missing"].message == "表三只有标题，没有可读取的行" and found["table-missing"].line == 76
    assert found["cell-missing"].message.startswith("表四只印出3个数值，应为15个")


@pytest.mark.parametrize("name", ["changle-health-2020.txt", "ganzhou-health-2021.txt", "xinxiang-health-2020.txt"])
def test_clean_tables_give_nothing(shared_reports, name):
    # xinxiang: 2019 tables in a 2020 report, 61433668 元 procurement; changle: 425万元 procurement
    assert findings_on(shared_reports / name, MINE) == []
