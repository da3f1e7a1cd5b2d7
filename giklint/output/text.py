"""``--format text``: one finding a line, ``path:line:col: CODE [severity] message (slug)``.

Findings in text sources (Markdown, plain text, HTML) carry the 1-based line and column. A finding
without a text line (a PDF page, a Word paragraph or table cell, or the report as a whole) is written
at ``path:0:0:`` and its place, when it has one, is added to the message in Chinese:
``…（第3页第12行）``, ``…（表格2第3行第4格）``. After the findings comes a one-line summary, and with
``--statistics`` (before it) a count per rule, most frequent first, per agency (files, errors,
warnings, infos) and per file with findings, in input order: errors, warnings, infos. ``--quiet``
leaves only the finding lines (and the statistics).
Statistics are this format's alone: ``--format json`` stays the list of findings of
``schemas/findings.schema.json``.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Dict, List, Sequence, Tuple

from giklint.document import Location
from giklint.output._findings import printable
from giklint.rule import SEVERITY_ZH, Finding

NON_TEXT_KEYS = ("page", "paragraph", "table", "row", "cell")


def position(finding: Finding) -> Tuple[str, str]:
    """(``line:col``, the Chinese place to add to the message or "")."""
    where = dict(finding.location or {})
    for key in ("line", "column", "page"):
        if getattr(finding, key) is not None:
            where.setdefault(key, getattr(finding, key))
    if finding.line is not None and not any(k in where for k in NON_TEXT_KEYS):
        return f"{finding.line}:{finding.column or 1}", ""
    return "0:0", Location.from_dict(where).describe()


def finding_line(finding: Finding) -> str:
    place, described = position(finding)
    message = f"{finding.message}（{described}）" if described else finding.message
    line = f"{finding.path}:{place}: {finding.code} [{finding.severity}] {message} ({finding.rule})"
    return printable(line)


def summary(results: Sequence[Any]) -> str:
    findings = [f for r in results for f in r.findings]
    checked = sum(1 for r in results if not r.error)
    unreadable = sum(1 for r in results if r.error)
    tail = f"，{unreadable} 个文件无法读取" if unreadable else ""
    if not findings:
        return f"检查了 {checked} 个文件，未发现问题{tail}。"
    counts = Counter(f.severity for f in findings)
    by_level = "，".join(f"{SEVERITY_ZH[s]} {counts.get(s, 0)}" for s in ("error", "warning", "info"))
    with_findings = sum(1 for r in results if r.findings)
    return (f"共 {len(findings)} 个问题（{by_level}），涉及 {with_findings} 个文件；"
            f"检查了 {checked} 个文件{tail}。")


def statistics(results: Sequence[Any], rules: Sequence[type]) -> List[str]:
    """Counts per rule, most frequent first, then per agency, then per file that has findings."""
    from giklint.output._agencies import agency_statistics

    return rule_statistics(results, rules) + agency_statistics(results) + file_statistics(results)


def rule_statistics(results: Sequence[Any], rules: Sequence[type]) -> List[str]:
    """One line per rule that gave findings, most frequent first."""
    summaries = {rule.slug: rule.summary for rule in rules}
    counts = Counter((f.code, f.rule, f.severity) for r in results for f in r.findings)
    lines = ["按规则统计："]
    for (code, slug, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"{count:>6}  {code:<7} {slug:<26} [{severity}] {summaries.get(slug, '')}".rstrip())
    return lines


def file_statistics(results: Sequence[Any]) -> List[str]:
    """One line per file with findings, in input order: its errors, warnings and infos, then its path."""
    lines = ["按文件统计（错误 警告 提示）："]
    for result in results:
        if result.findings:
            counts = Counter(f.severity for f in result.findings)
            figures = "".join(f"{counts.get(s, 0):>6}" for s in ("error", "warning", "info"))
            lines.append(f"{figures}  {printable(result.path)}")
    return lines


def render(results: Sequence[Any], rules: Sequence[type] = (), options: Dict[str, Any] = None) -> str:
    options = options or {}
    lines = [finding_line(f) for r in results for f in r.findings]
    if options.get("statistics") and any(r.findings for r in results):
        lines += statistics(results, rules)
    if not options.get("quiet"):
        lines.append(summary(results))
    return "".join(line + "\n" for line in lines)
