"""Inline suppression comments in Markdown and HTML sources (``docs/configuration.md``).

    <!-- giklint-disable balance -->            rules off from this line on (codes, prefixes or slugs,
    <!-- giklint-enable balance -->             separated by spaces or commas; none = every rule)
    <!-- giklint-disable-next-line GK303 -->    off for the next non-blank line only

A finding is matched by its line number (the source line: HTML loaders keep the page's own lines).
A finding without a line (about the whole report, e.g. a missing part) is suppressed only by a
disable that covers the whole file: one written before any content and never enabled again.
Word and PDF files cannot carry such comments; use ``ignore``/``per-file-ignores`` there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from giklint.document import Document
from giklint.rule import Finding

SUPPORTED_FORMATS = ("markdown", "html")
# the selectors are bounded: ``.*?`` tried from each of many unclosed ``<!-- giklint-disable`` is quadratic
DIRECTIVE = re.compile(r"<!--\s*giklint-(disable-next-line|disable|enable)\b(.{0,1000}?)-->",
                       re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Directive:
    line: int  # where it is written
    kind: str  # "disable", "enable" or "disable-next-line"
    selectors: Tuple[str, ...]  # empty: every rule
    target: Optional[int] = None  # disable-next-line: the line it silences
    before_content: bool = False  # written before any line of content


def names(selectors: Sequence[str], finding: Finding) -> bool:
    """Does a directive with these selectors cover this finding? (slug, code or code prefix)"""
    if not selectors:
        return True
    code = finding.code.upper()
    return any(s == finding.rule or code.startswith(s.upper()) for s in selectors)


def parse_directives(document: Document) -> List[Directive]:
    """Every suppression comment of the document, in order, with the line each silences."""
    found: List[Directive] = []
    pending: List[int] = []  # indexes of disable-next-line directives waiting for their line
    content_seen = False
    for line in document.lines:
        number = line.location.line
        if number is None:
            continue
        rest = DIRECTIVE.sub("", line.text).strip()
        if rest and not rest.startswith("<!--"):
            for index in pending:
                found[index] = _with_target(found[index], number)
            pending = []
            content_seen = True
        for match in DIRECTIVE.finditer(line.text):
            selectors = tuple(s for s in re.split(r"[\s,，]+", match.group(2).strip()) if s)
            kind = match.group(1).lower()
            found.append(Directive(number, kind, selectors, before_content=not content_seen))
            if kind == "disable-next-line":
                pending.append(len(found) - 1)
    return found


def _with_target(directive: Directive, line: int) -> Directive:
    return Directive(directive.line, directive.kind, directive.selectors, line, directive.before_content)


def is_suppressed(finding: Finding, directives: Sequence[Directive]) -> bool:
    if finding.line is None:
        return _whole_file_off(finding, directives)
    disabled = False
    for directive in directives:
        if not names(directive.selectors, finding):
            continue
        if directive.kind == "disable-next-line":
            if directive.target == finding.line:
                return True
        elif directive.line <= finding.line:
            disabled = directive.kind == "disable"
    return disabled


def _whole_file_off(finding: Finding, directives: Sequence[Directive]) -> bool:
    disabled = False
    for directive in directives:
        if not names(directive.selectors, finding) or directive.kind == "disable-next-line":
            continue
        if directive.kind == "enable":
            disabled = False
        elif directive.before_content:
            disabled = True
    return disabled


def apply(findings: List[Finding], document: Optional[Document]) -> List[Finding]:
    """The findings that no suppression comment of ``document`` silences."""
    if document is None or document.format not in SUPPORTED_FORMATS:
        return findings
    directives = parse_directives(document)
    if not directives:
        return findings
    return [finding for finding in findings if not is_suppressed(finding, directives)]
