"""Checks any family of built-in rules needs in its tests: a complete doc page, and the findings of a
set of rules on a real report checked against its hand labels (../shared/reports/*.expect.yaml)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, List, Set, Tuple

from conftest import load_yaml

from giklint.rule import SEVERITIES, Context, Finding, option_defaults

DOC_HEADINGS = ("检查内容", "为什么", "选项", "不通过的例子", "通过的例子")


def assert_doc_page(rule) -> None:
    """The module docstring shown by `giklint explain`: every heading, a source cited, every option."""
    doc = rule.doc()
    assert f"{rule.slug} ({rule.code})" in doc.splitlines()[0]
    for heading in DOC_HEADINGS:
        assert heading in doc, f"{rule.slug}: no {heading}"
    assert "条例" in doc or "国办公开办函" in doc
    for option in rule.options:
        assert f"`{option}`" in doc, f"{rule.slug}: option {option} undocumented"
    assert rule.severity in SEVERITIES and rule.summary


def findings_on(path: Path, rules: Iterable[type]) -> List[Finding]:
    """What the rules find on one document, with their default options (as the engine runs them)."""
    from giklint.api import parse

    model = parse(str(path))
    found: List[Finding] = []
    for rule in rules:
        ctx = Context(model=model, options=option_defaults(rule), settings={"report_type": "department"},
                      path=str(path))
        found.extend(rule().check(ctx))
    return found


def labelled_problems(label_path: Path, slugs: Set[str]) -> Tuple[List[Set[str]], Set[str]]:
    """(the label's problems for these slugs, each a set of alternatives; every slug it allows)."""
    label = load_yaml(label_path)
    problems: List[Set[str]] = []
    allowed: Set[str] = set()
    for key in ("problems", "optional_problems"):
        for problem in label.get(key) or []:
            alternatives = problem["rule"] if isinstance(problem["rule"], list) else [problem["rule"]]
            mine = set(alternatives) & slugs
            allowed |= mine
            if mine and key == "problems":
                problems.append(mine)
    return problems, allowed


def assert_matches_labels(findings: List[Finding], label_path: Path, slugs: Set[str]) -> None:
    """Every labelled problem found (one finding each), nothing unlabelled at error/warning, all located."""
    problems, allowed = labelled_problems(label_path, slugs)
    remaining = [finding.rule for finding in findings]
    for alternatives in problems:
        hit = next((slug for slug in remaining if slug in alternatives), None)
        assert hit, f"missed one of {sorted(alternatives)}"
        remaining.remove(hit)
    serious = [f for f in findings if f.severity in ("error", "warning") and f.rule not in allowed]
    assert serious == [], [f.message for f in serious]
    assert all(f.line for f in findings), [f.message for f in findings if not f.line]
