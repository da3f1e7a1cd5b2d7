"""Helpers the SARIF, GitHub and HTML formats share: where a finding stands, and how findings add up.

``results`` are :class:`giklint.runner.FileResult` objects (path, findings, model, document, error);
only those attributes are read, so any object that has them works.
"""
from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath
from typing import Any, Dict, Iterable, List, Optional

from giklint import lazy_re
from giklint.document import Location
from giklint.rule import SEVERITY_RANK

# Document formats whose line numbers are lines of the checked file itself.
LINE_FORMATS = ("text", "markdown", "html")


# C0 and C1 control characters, DEL and the Unicode line and paragraph separators: a file name or a
# paragraph holding ESC sequences (OSC 0, OSC 8, ESC[2J) or "\n::error::" must not drive a terminal or CI log
_CONTROL = lazy_re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control character but those in ``keep`` written as an escape (``\\n``,
    ``\\x1b``, ``\\u2028``)."""
    def escape(match: "re.Match[str]") -> str:
        char = match.group(0)
        if char in keep:
            return char
        return _NAMED.get(char) or char.encode("unicode_escape").decode("ascii")

    return _CONTROL.sub(escape, str(text))


def root_of(options: Optional[Dict[str, Any]]) -> str:
    """The folder paths are shown relative to: ``options["root"]``, else the working folder."""
    return (options or {}).get("root") or os.getcwd()


def display_path(path: str, root: Optional[str] = None) -> str:
    """``path`` (relative to the working folder, or absolute) relative to ``root`` (default: the working
    folder), with forward slashes.

    A path outside ``root`` becomes absolute; a pseudo path such as ``<stdin>`` stays unchanged.
    """
    if not path or path.startswith("<") or path == "-":
        return path
    full = Path(os.path.abspath(path))
    try:
        return PurePosixPath(full.relative_to(os.path.abspath(root or os.getcwd()))).as_posix()
    except ValueError:
        return full.as_posix()


def finding_location(finding: Any) -> Location:
    """The finding's full location (its ``location`` dict, or else its line/column/page fields)."""
    data = dict(getattr(finding, "location", None) or {})
    if not data:
        data = {key: getattr(finding, key, None) for key in ("line", "column", "page")}
        data = {key: value for key, value in data.items() if value is not None}
    return Location.from_dict(data)


def is_line_addressable(finding: Any, document: Any) -> bool:
    """True when the finding's line and column are a line and column of the checked file itself.

    Not so for PDF (line within a page), Word (paragraph/table/cell) or a model file read back from
    JSON/YAML (its locations point into the original document).
    """
    if document is None or getattr(document, "format", "") not in LINE_FORMATS:
        return False
    location = finding_location(finding)
    return location.line is not None and location.page is None and location.table is None


def describe_location(finding: Any) -> str:
    """第3页第12行 / 表格2第3行第4格 / 第12行第5列, or "" when the finding has no location."""
    return finding_location(finding).describe()


def sorted_findings(result: Any) -> List[Any]:
    return sorted(getattr(result, "findings", None) or [], key=lambda f: f.sort_key)


def count_by_severity(findings: Iterable[Any]) -> Dict[str, int]:
    """Counts for error, warning and info (every key present, most severe first)."""
    counts = {severity: 0 for severity in sorted(SEVERITY_RANK, key=SEVERITY_RANK.get, reverse=True)}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


def rules_by_code(rules: Iterable[type]) -> Dict[str, type]:
    """Rule classes by code, first one wins, sorted by code."""
    found: Dict[str, type] = {}
    for rule in sorted(rules or [], key=lambda r: (r.code, r.slug)):
        found.setdefault(rule.code, rule)
    return found


def error_text(result: Any) -> str:
    """The reason a file could not be checked, or "" (the path that ``FileResult.error`` starts with removed)."""
    error = getattr(result, "error", None)
    if not error:
        return ""
    text = str(getattr(error, "reason", None) or error)
    prefix = f"{result.path}: "
    return text[len(prefix):] if text.startswith(prefix) else text
