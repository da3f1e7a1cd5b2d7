"""``--format text``: one finding a line, ``path:line:col: CODE [severity] message (slug)``.

Findings in text sources (Markdown, plain text, HTML) carry the 1-based line and column. A finding
without a text line (a PDF page, a Word paragraph or table cell, or the report as a whole) is written
at ``path:0:0:`` and its place, when it has one, is added to the message in Chinese:
``…（第3页第12行）``, ``…（表格2第3行第4格）``. After the findings comes a one-line summary, and with
``--statistics`` (before it) a count per rule, most frequent first, per agency (files, errors,
warnings, infos) and per file with findings, in input order: errors, warnings, infos. ``--quiet``
leaves only the finding lines (and the statistics). Each file's lines are written as the file
is checked; the counts are added up on the way.
Statistics are this format's alone: ``--format json`` stays the list of findings of
``schemas/findings.schema.json``.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Dict, Iterable, List, Optional, Sequence, TextIO, Tuple

from giklint.document import Location
from giklint.output import rendered
from giklint.output._agencies import agency_lines, count_agency
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


class Tally:
    """What the summary and the statistics count, added up file by file as the results come."""

    def __init__(self, per_file: bool = False) -> None:
        self.severities: Counter = Counter()
        self.rules: Counter = Counter()  # (code, slug, severity) -> findings
        self.checked = self.unreadable = self.with_findings = 0
        self.files: List[Tuple[Counter, str]] = [] if per_file else None  # files with findings, in order
        self.agencies: Dict[str, Dict[str, int]] = {}  # agency -> files and findings by severity

    def add(self, result: Any) -> None:
        if result.error:
            self.unreadable += 1
        else:
            self.checked += 1
            count_agency(self.agencies, result)
        if not result.findings:
            return
        self.with_findings += 1
        severities = Counter(f.severity for f in result.findings)
        self.severities.update(severities)
        self.rules.update((f.code, f.rule, f.severity) for f in result.findings)
        if self.files is not None:
            self.files.append((severities, result.path))

    def summary(self) -> str:
        tail = f"，{self.unreadable} 个文件无法读取" if self.unreadable else ""
        total = sum(self.severities.values())
        if not total:
            return f"检查了 {self.checked} 个文件，未发现问题{tail}。"
        by_level = "，".join(f"{SEVERITY_ZH[s]} {self.severities.get(s, 0)}" for s in ("error", "warning", "info"))
        return (f"共 {total} 个问题（{by_level}），涉及 {self.with_findings} 个文件；"
                f"检查了 {self.checked} 个文件{tail}。")

    def statistics(self, rules: Sequence[type]) -> List[str]:
        """Counts per rule, most frequent first, then per agency, then per file that has findings."""
        return self.rule_statistics(rules) + agency_lines(self.agencies) + self.file_statistics()

    def rule_statistics(self, rules: Sequence[type]) -> List[str]:
        """One line per rule that gave findings, most frequent first."""
        summaries = {rule.slug: rule.summary for rule in rules}
        lines = ["按规则统计："]
        for (code, slug, severity), count in sorted(self.rules.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"{count:>6}  {code:<7} {slug:<26} [{severity}] {summaries.get(slug, '')}".rstrip())
        return lines

    def file_statistics(self) -> List[str]:
        """One line per file with findings, in input order: its errors, warnings and infos, then its path."""
        lines = ["按文件统计（错误 警告 提示）："]
        for counts, path in self.files or []:
            figures = "".join(f"{counts.get(s, 0):>6}" for s in ("error", "warning", "info"))
            lines.append(f"{figures}  {printable(path)}")
        return lines


def write(results: Iterable[Any], rules: Sequence[type] = (), options: Optional[Dict[str, Any]] = None,
          out: Optional[TextIO] = None) -> None:
    """The findings of each file as it comes, then the statistics and the summary."""
    options = options or {}
    tally = Tally(per_file=bool(options.get("statistics")))
    for result in results:
        tally.add(result)
        out.writelines(finding_line(f) + "\n" for f in result.findings)
    lines = tally.statistics(rules) if options.get("statistics") and tally.with_findings else []
    if not options.get("quiet"):
        lines.append(tally.summary())
    out.writelines(line + "\n" for line in lines)


def render(results: Sequence[Any], rules: Sequence[type] = (), options: Optional[Dict[str, Any]] = None) -> str:
    return rendered(write, results, rules, options)
