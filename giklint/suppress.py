"""Inline suppression comments in Markdown and HTML sources (``docs/configuration.md``).

    <!-- giklint-disable balance -->            rules off from this line on (codes, prefixes or slugs,
    <!-- giklint-enable balance -->             separated by spaces or commas; none = every rule)
    <!-- giklint-disable-next-line GK303 -->    off for the next non-blank line only

A finding is matched by its line number (the source line: HTML loaders keep the page's own lines).
A finding without a line (about the whole report, e.g. a missing part) is suppressed only by a
disable that covers the whole file: one written before any content and never enabled again.
Word and PDF files cannot carry such comments; use ``ignore``/``per-file-ignores`` there.

A comment that names no known rule (``GK007 unknown-suppressed-rule``), or that silences no finding
of a rule that ran (``GK006 unused-suppression``, as ruff's unused-noqa), is reported at its line:
a stale or misspelt suppression would otherwise hide nothing, or the wrong thing, for ever.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import List, Optional, Sequence, Set, Tuple

from giklint import lazy_re
from giklint.document import Document
from giklint.records import dataclass
from giklint.rule import Finding

SUPPORTED_FORMATS = ("markdown", "html")
# the selectors are bounded: ``.*?`` tried from each of many unclosed ``<!-- giklint-disable`` is quadratic
DIRECTIVE = lazy_re.compile(r"<!--\s*giklint-(disable-next-line|disable|enable)\b(.{0,1000}?)-->",
                       re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Directive:
    """One suppression comment (``<!-- giklint-disable … -->``) and the lines it silences."""
    line: int  # where it is written
    kind: str  # "disable", "enable" or "disable-next-line"
    selectors: Tuple[str, ...]  # empty: every rule
    target: Optional[int] = None  # disable-next-line: the line it silences
    before_content: bool = False  # written before any line of content
    column: Optional[int] = None  # where on its line it starts (1-based)


def names(selectors: Sequence[str], finding: Finding) -> bool:
    """Does a directive with these selectors cover this finding? (slug, code or code prefix)"""
    if not selectors:
        return True
    code = finding.code.upper()
    return any(s == finding.rule or code.startswith(s.upper()) for s in selectors)


def parse_directives(document: Document) -> List[Directive]:
    """Every suppression comment of the document, in order, with the line each silences."""
    found: List[Directive] = []
    if "<!--" not in "\n".join([line.text for line in document.lines]):  # (most reports: no comment at all)
        return found
    pending: List[int] = []  # indexes of disable-next-line directives waiting for their line
    content_seen = False
    for line in document.lines:
        number = line.location.line
        if number is None:
            continue
        commented = "<!--" in line.text  # (no directive on most lines: the pattern is not tried there)
        rest = (DIRECTIVE.sub("", line.text) if commented else line.text).strip()
        if rest and not rest.startswith("<!--"):
            for index in pending:
                found[index] = _with_target(found[index], number)
            pending = []
            content_seen = True
        for match in DIRECTIVE.finditer(line.text) if commented else ():
            selectors = tuple(s for s in re.split(r"[\s,，]+", match.group(2).strip()) if s)
            kind = match.group(1).lower()
            found.append(Directive(number, kind, selectors, before_content=not content_seen,
                                   column=match.start() + 1))
            if kind == "disable-next-line":
                pending.append(len(found) - 1)
    return found


def _with_target(directive: Directive, line: int) -> Directive:
    return replace(directive, target=line)


def silencer(finding: Finding, directives: Sequence[Directive]) -> Optional[int]:
    """The index of the directive that silences ``finding`` (None when none does)."""
    if finding.line is None:
        return _whole_file_off(finding, directives)
    disabled: Optional[int] = None
    for index, directive in enumerate(directives):
        if not names(directive.selectors, finding):
            continue
        if directive.kind == "disable-next-line":
            if directive.target == finding.line:
                return index
        elif directive.line <= finding.line:
            disabled = index if directive.kind == "disable" else None
    return disabled


def is_suppressed(finding: Finding, directives: Sequence[Directive]) -> bool:
    return silencer(finding, directives) is not None


def _whole_file_off(finding: Finding, directives: Sequence[Directive]) -> Optional[int]:
    disabled: Optional[int] = None
    for index, directive in enumerate(directives):
        if not names(directive.selectors, finding) or directive.kind == "disable-next-line":
            continue
        if directive.kind == "enable":
            disabled = None
        elif directive.before_content:
            disabled = index
    return disabled


def apply(findings: List[Finding], document: Optional[Document], ran: Optional[Sequence[type]] = None,
          known: Sequence[type] = ()) -> List[Finding]:
    """The findings that no suppression comment of ``document`` silences.

    With ``ran`` (the rules run on the document) and ``known`` (every rule), the comments' own
    problems are added: unknown rule names and suppressions that silenced nothing.
    """
    if document is None or document.format not in SUPPORTED_FORMATS:
        return findings
    directives = parse_directives(document)
    if not directives:
        return findings
    kept, used = [], set()
    for finding in findings:
        index = silencer(finding, directives)
        if index is None:
            kept.append(finding)
        else:
            used.add(index)
    if ran is not None:
        kept += directive_problems(directives, used, ran, known)
    return kept


def directive_problems(directives: Sequence[Directive], used: Set[int], ran: Sequence[type],
                       known: Sequence[type]) -> List[Finding]:
    """GK007 for a name no rule has, GK006 for a disable of rules that ran which silenced nothing
    (located by line and column; the engine sets their path)."""
    from giklint.engine_rules import UnknownSuppressedRule, UnusedSuppression
    from giklint.selection import hint, names_a_rule

    problems = []
    for index, directive in enumerate(directives):
        comment = f"giklint-{directive.kind}"
        unknown = [s for s in directive.selectors if not names_a_rule(s, known)]
        if unknown and UnknownSuppressedRule in ran:
            problems += [_at(directive, UnknownSuppressedRule,
                             f"{comment} 中的“{name}”不是已知的规则{hint(name, known)}") for name in unknown]
        if directive.kind == "enable" or index in used or UnusedSuppression not in ran:
            continue
        named = [s for s in directive.selectors if names_a_rule(s, ran)]
        if directive.selectors and not named:
            continue  # only rules that did not run this time (or unknown names, reported above)
        what = "、".join(named) if named else "任何规则"
        problems.append(_at(directive, UnusedSuppression, f"{comment}（{what}）没有屏蔽任何发现，可以删除"))
    return problems


def _at(directive: Directive, rule: type, message: str) -> Finding:
    return Finding(code=rule.code, rule=rule.slug, severity=rule.severity, message=message,
                   line=directive.line, column=directive.column)
