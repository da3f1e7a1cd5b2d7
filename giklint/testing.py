"""Helpers for testing rules, built-in or from a plugin, in a few lines.

::

    from giklint.testing import check, report_from_text

    def test_an_overview_without_the_hotline_is_flagged():
        report = report_from_text("# 青禾市交通局2021年政府信息公开工作年度报告\\n\\n## 一、总体情况\\n…")
        [finding] = check(QingheHotline, report, hotline="12345")
        assert finding.line == 3

``report_from_text`` parses a Markdown (or plain-text) snippet the way ``giklint check`` would;
``report_from_dict`` takes a model in its JSON form (schema-checked, so a test cannot hand a rule a
model the extractor could never produce). ``check`` runs one rule with its declared defaults, the
given options (validated as the configuration would be) and settings, and returns its findings in
reading order. ``assert_findings`` compares them with ``(code, line)`` pairs or messages.
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from giklint.model import Report
from giklint.rule import Context, Finding, declared_option, option_defaults

ReportLike = Union[Report, Dict[str, Any], str]


def report_from_text(text: str, name: str = "report.md") -> Report:
    """The report model of a Markdown or plain-text snippet (``name``'s suffix picks the loader)."""
    from giklint.api import read_report

    return read_report(text.encode("utf-8"), name).typed


def report_from_dict(model: Dict[str, Any]) -> Report:
    """A model dict (the JSON form ``giklint parse`` prints) as a report, checked against the schema."""
    from giklint.model_dict import report_from_dict as convert
    from giklint.schema import validate

    validate(model, "report")
    return convert(model)


def _report(report: ReportLike) -> Report:
    if isinstance(report, str):
        return report_from_text(report)
    if isinstance(report, dict):
        return report_from_dict(report)
    return report


def rule_options(rule: type, **options: Any) -> Dict[str, Any]:
    """The rule's defaults with ``options`` over them; a value the configuration would reject raises
    ``ValueError`` naming the option."""
    merged = option_defaults(rule)
    for key, value in options.items():
        if key not in merged and key != "severity":
            raise ValueError(f"规则 {rule.code} {rule.slug} 没有选项 {key}")
        option = declared_option((rule.options or {}).get(key))
        problem = option.problem(value) if option is not None else None
        if problem:
            raise ValueError(f"{key}: {problem}")
        merged[key] = value
    return merged


def check(rule: type, report: ReportLike, previous: Optional[ReportLike] = None,
          settings: Optional[Dict[str, Any]] = None, path: str = "report.md", **options: Any) -> List[Finding]:
    """The findings of one rule on one report (a :class:`Report`, a model dict or Markdown text)."""
    ctx = Context(_report(report), options=rule_options(rule, **options), settings=settings,
                  previous=_report(previous) if previous is not None else None, path=path)
    found = list(rule().check(ctx) or ())
    for finding in found:
        finding.path = path
    return sorted(found, key=lambda finding: finding.sort_key)


def assert_findings(found: Iterable[Finding], expected: Sequence[Union[Tuple[str, Optional[int]], str]]) -> None:
    """``found`` are exactly ``expected``: ``(code, line)`` pairs, or message substrings, in order."""
    found = list(found)
    shown = [(finding.code, finding.line, finding.message) for finding in found]
    assert len(found) == len(expected), f"expected {len(expected)} findings, got {shown}"
    for finding, wanted in zip(found, expected):
        if isinstance(wanted, str):
            assert wanted in finding.message, f"{wanted!r} not in {finding.message!r}"
        else:
            assert (finding.code, finding.line) == tuple(wanted), f"expected {wanted}, got {shown}"
