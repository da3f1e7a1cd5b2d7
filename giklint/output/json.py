"""``--format json``: every finding of every file as one JSON list (``schemas/findings.schema.json``).

Each item has exactly the keys of ``schemas/findings.schema.json``: path, code, rule, severity,
message, line, column, end_line, end_column, page, context. Files that could not be read are not in
the list (their errors go to standard error and the exit code is 2). The list is written item by
item as the files are checked (the same text ``json.dumps(..., indent=2)`` would give at the end).
"""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Optional, Sequence, TextIO

from giklint.output import rendered


def write(results: Iterable[Any], rules: Sequence[type] = (), options: Optional[Dict[str, Any]] = None,
          out: Optional[TextIO] = None) -> None:
    first = True
    for result in results:
        for finding in result.findings:
            item = json.dumps(finding.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
            out.write(("[\n  " if first else ",\n  ") + item)
            first = False
    out.write("[]\n" if first else "\n]\n")


def render(results: Sequence[Any], rules: Sequence[type] = (), options: Optional[Dict[str, Any]] = None) -> str:
    return rendered(write, results, rules, options)
