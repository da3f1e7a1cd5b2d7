"""``--format json``: every finding of every file as one JSON list (``schemas/findings.schema.json``).

Each item has exactly the keys of ``schemas/findings.schema.json``: path, code, rule, severity,
message, line, column, end_line, end_column, page, context. Files that could not be read are not in
the list (their errors go to standard error and the exit code is 2).
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Sequence


def findings_data(results: Sequence[Any]) -> List[Dict[str, Any]]:
    return [finding.to_dict() for result in results for finding in result.findings]


def render(results: Sequence[Any], rules: Sequence[type] = (), options: Dict[str, Any] = None) -> str:
    return json.dumps(findings_data(results), ensure_ascii=False, indent=2) + "\n"
