"""``--format csv``: one row per finding, for offices that work in spreadsheets.

Columns: 文件, 机关, 年度, 代码, 规则名, 级别, 消息, 位置 (file, agency, year, code, slug, severity,
message, place). A file that could not be read is one row with its error as the message and no code.
UTF-8 with a byte-order mark and CRLF line ends, which Excel opens as Unicode without an import dialog;
a cell that starts with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` so a spreadsheet shows it as
text instead of running it as a formula (text from a checked report must never become a formula).
"""
from __future__ import annotations

import csv
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, TextIO

from giklint.output import rendered
from giklint.output._findings import describe_location, display_path, error_text, root_of, sorted_findings
from giklint.rule import SEVERITY_ZH

HEADER = ("文件", "机关", "年度", "代码", "规则名", "级别", "消息", "位置")
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def rows(results: Iterable[Any], root: str) -> Iterator[List[Any]]:
    for result in results:
        path = display_path(result.path, root)
        agency, year = getattr(result, "agency", None), getattr(result, "year", None)
        if getattr(result, "error", None):
            yield [path, agency, year, "", "", SEVERITY_ZH["error"], error_text(result), ""]
        for finding in sorted_findings(result):
            yield [path, agency, year, finding.code, finding.rule, SEVERITY_ZH.get(finding.severity, finding.severity),
                   finding.message, describe_location(finding)]


def write(results: Iterable[Any], rules: Sequence[type] = (), options: Optional[Dict[str, Any]] = None,
          out: Optional[TextIO] = None) -> None:
    """The rows of each file as it is checked."""
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(results, root_of(options)):
        writer.writerow([spreadsheet_safe(cell) for cell in row])


def render(results: Sequence[Any], rules: Sequence[type] = (), options: Dict[str, Any] = None) -> str:
    return rendered(write, results, rules, options)
