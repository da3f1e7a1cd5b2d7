"""The rule API: what a rule is, what it is given, and what it returns.

A rule is a class with a stable ``code`` (``GK301``), a ``slug`` (``balance``), a default ``severity``,
a one-line Chinese ``summary`` and a ``check`` method; its module docstring is its documentation
(shown by ``giklint explain``). Rules are contributed through the ``giklint_rules`` hook; the built-in
ones live in the top-level ``rules/`` folder (package ``giklint_rules``) and use the same hook.

A rule sees only the report model (:mod:`giklint.model`, ``docs/model.md``) through a :class:`Context`, never
the source file: the same rule works on Markdown, Word, PDF and on a model read back from YAML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass
class Finding:
    """One problem found in one file (the fields of ``schemas/findings.schema.json``)."""

    code: str
    rule: str  # the slug
    severity: str
    message: str  # Chinese, names the place and the figures
    path: str = ""
    line: Optional[int] = None
    column: Optional[int] = None
    end_line: Optional[int] = None
    end_column: Optional[int] = None
    page: Optional[int] = None
    context: Optional[str] = None  # e.g. "表三 科研机构列" or the sentence at fault
    location: Dict[str, int] = field(default_factory=dict)  # the full location (paragraph/table/row/cell too)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "path": self.path, "code": self.code, "rule": self.rule, "severity": self.severity,
            "message": self.message, "line": self.line, "column": self.column, "end_line": self.end_line,
            "end_column": self.end_column, "page": self.page, "context": self.context,
        }

    @property
    def sort_key(self):
        """Reading order: page and line (text, PDF); in Word paragraphs, then table cells; then column."""
        where = self.location or {}
        return (self.path, self.page or 0, self.line or 0, where.get("table", 0), where.get("row", 0),
                where.get("cell", 0), where.get("paragraph", 0), self.column or 0, self.code)


@dataclass
class Context:
    """What a rule is given.

    ``model`` is the validated report model; ``options`` the rule's options (defaults merged with the
    configuration's ``[rules.<slug>]``); ``settings`` the profile-level settings (province, deadlines,
    report type, required references, heading aliases, …); ``previous`` last year's model when the
    user passed ``--previous``.
    """

    model: Dict[str, Any]
    options: Dict[str, Any] = field(default_factory=dict)
    settings: Dict[str, Any] = field(default_factory=dict)
    previous: Optional[Dict[str, Any]] = None
    path: str = ""

    # -- helpers most rules need -------------------------------------------------------------
    @property
    def meta(self) -> Dict[str, Any]:
        return self.model.get("meta") or {}

    def table(self, name: str) -> Optional[Dict[str, Any]]:
        return (self.model.get("tables") or {}).get(name)

    def cell(self, table: str, row: str, column: str):
        data = self.table(table) or {}
        return (data.get(row) or {}).get(column)

    def location_of(self, path: str) -> Dict[str, int]:
        """The location recorded for a model path such as ``tables.applications.new_received.total``.

        Falls back to the row (``tables.applications.new_received``) and then the table.
        """
        locations = self.model.get("locations") or {}
        probe = path
        while probe:
            if probe in locations:
                return dict(locations[probe])
            if "." not in probe:
                break
            probe = probe.rsplit(".", 1)[0]
        if path.startswith("tables."):
            name = path.split(".")[1]
            info = (self.model.get("table_info") or {}).get(name) or {}
            if info.get("location"):
                return dict(info["location"])
        return {}

    def section(self, number: int) -> Optional[Dict[str, Any]]:
        for part in self.model.get("sections") or []:
            if part.get("number") == number:
                return part
        return None


class Rule:
    """Base class for rules. Subclasses set the class attributes and implement :meth:`check`."""

    code: str = ""
    slug: str = ""
    severity: str = "warning"
    summary: str = ""  # one line, Chinese, for ``giklint rules``
    options: Dict[str, Any] = {}  # default options, overridable in ``[rules.<slug>]``
    needs_previous: bool = False  # cross-year rules run only with ``--previous``

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation: its module docstring (or the class docstring)."""
        import sys

        module = sys.modules.get(cls.__module__)
        return ((module.__doc__ if module else None) or cls.__doc__ or "").strip()

    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, ctx: Context, message: str, location: Optional[Dict[str, int]] = None,
                context: Optional[str] = None, severity: Optional[str] = None,
                end: Optional[Dict[str, int]] = None) -> Finding:
        """A finding of this rule at ``location`` (a location dict from the model)."""
        location = dict(location or {})
        severity = severity or ctx.options.get("severity") or self.severity
        return Finding(
            code=self.code, rule=self.slug, severity=severity, message=message, path=ctx.path,
            line=location.get("line"), column=location.get("column"),
            end_line=(end or {}).get("line"), end_column=(end or {}).get("column"),
            page=location.get("page"), context=context, location=location,
        )


def rule_index(rules: Iterable[type]) -> Dict[str, type]:
    """Rules by code and by slug."""
    index: Dict[str, type] = {}
    for rule in rules:
        index[rule.code] = rule
        index[rule.slug] = rule
    return index


def sort_rules(rules: Iterable[type]) -> List[type]:
    return sorted(rules, key=lambda r: (r.code, r.slug))
