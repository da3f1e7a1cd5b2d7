"""Findings on a model file (the JSON/YAML of ``giklint parse``, read back): the places are the
original report's.

A model's locations point into the document it was extracted from (``source.path``), not into the
JSON/YAML file, whose lines are unrelated. So such a finding names the model file (the file checked)
at no line of it (``model.json:0:0:`` in text, no line in JSON, SARIF and GitHub output), and its
message says where in the original it is: ``…（原报告 reports/2021.md 第89行第16列）``.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping

from giklint.document import Location
from giklint.rule import Finding

LINE_FIELDS = ("line", "column", "end_line", "end_column", "page")


def original_place(finding: Finding, source: str) -> str:
    """``原报告 X 第89行第16列`` (or ``原报告 X`` for a finding about the whole report)."""
    where: Dict[str, Any] = dict(finding.location or {})
    for key in ("line", "column", "page"):
        if getattr(finding, key) is not None:
            where.setdefault(key, getattr(finding, key))
    described = Location.from_dict(where).describe()
    return f"原报告 {source} {described}".rstrip() if source else f"原报告{described}"


def for_model_file(findings: List[Finding], model: Mapping[str, Any]) -> List[Finding]:
    """The findings moved off the model file's lines, each message naming its place in the original."""
    source = str((model.get("source") or {}).get("path") or "")
    for finding in findings:
        if any(getattr(finding, key) is not None for key in LINE_FIELDS) or finding.location:
            finding.message = f"{finding.message}（{original_place(finding, source)}）"
        for key in LINE_FIELDS:
            setattr(finding, key, None)
        finding.location = {}
    return findings
