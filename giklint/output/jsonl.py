"""``--format jsonl``: one finding a line (JSON Lines), written as each file is checked.

Each line is one object with exactly the keys of an item of ``schemas/findings.schema.json`` (path,
code, rule, severity, message, line, column, end_line, end_column, page, context), in the order of
``--format json``. For archives: a line can be processed as soon as it is written, and a run cut
short leaves every line before the cut intact. Files that could not be read are not in the output
(their errors go to standard error and the exit code is 2).
"""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Optional, Sequence, TextIO

from giklint.output import rendered


def write(results: Iterable[Any], rules: Sequence[type] = (), options: Optional[Dict[str, Any]] = None,
          out: Optional[TextIO] = None) -> None:
    for result in results:
        for finding in result.findings:
            out.write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")


def render(results: Sequence[Any], rules: Sequence[type] = (), options: Optional[Dict[str, Any]] = None) -> str:
    return rendered(write, results, rules, options)
