"""The rule API: what a rule is, what it is given, and what it returns.

A rule is a class with a stable ``code`` (``GK301``), a ``slug`` (``balance``), a default ``severity``,
a one-line Chinese ``summary`` and a ``check`` method; its module docstring is its documentation
(shown by ``giklint explain``). Rules are contributed through the ``giklint_rules`` hook; the built-in
ones live in the top-level ``rules/`` folder (package ``giklint_rules``) and use the same hook.

A rule sees only the report model (:mod:`giklint.model`, ``docs/model.md``) through a :class:`Context`, never
the source file: the same rule works on Markdown, Word, PDF and on a model read back from YAML.
"""
from __future__ import annotations

import re
from dataclasses import field
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from giklint.records import dataclass

if TYPE_CHECKING:  # the model's types, for annotations only: ``import giklint.rule`` stays cheap
    from giklint.model import Cell, Location, Meta, Part, Report, Row, Table

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass
class Related:
    """Another place a finding is about, in another file: last year's cell a figure was compared with.

    ``message`` (Chinese) says what stands there; ``value`` is the figure there and ``compared`` the
    figure of the checked report it was compared with (the HTML report shows the two side by side);
    ``format`` is the document format of ``path`` (whether ``location``'s line is a line of that file).
    """

    path: str
    message: str
    location: Dict[str, int] = field(default_factory=dict)
    value: Any = None
    compared: Any = None
    format: Optional[str] = None

    @classmethod
    def at(cls, report: "Report", at: "Place", message: str, value: Any = None, compared: Any = None) -> "Related":
        """A place in ``report`` (a cell, row, part, line or location of it)."""
        source = report.source
        return cls(path=(source.path if source else None) or "", message=message, location=location_dict(at),
                   value=value, compared=compared, format=source.format if source else None)

    def where(self) -> str:
        """``yunxi-2021.md 第96行第30列`` for messages: the file and the place in it."""
        from giklint.document import Location as Place

        place = Place.from_dict(self.location).describe()
        return f"{self.path} {place}".strip() if place else self.path

    def to_dict(self) -> Dict[str, Any]:
        return {"path": self.path, "message": self.message, "line": self.location.get("line"),
                "column": self.location.get("column"), "page": self.location.get("page"), "value": self.value,
                "compared": self.compared}


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
    related: List[Related] = field(default_factory=list)  # places in other files (last year's report)

    def to_dict(self) -> Dict[str, Any]:
        data = {
            "path": self.path, "code": self.code, "rule": self.rule, "severity": self.severity,
            "message": self.message, "line": self.line, "column": self.column, "end_line": self.end_line,
            "end_column": self.end_column, "page": self.page, "context": self.context,
        }
        if self.related:
            data["related"] = [place.to_dict() for place in self.related]
        return data

    @property
    def sort_key(self):
        """Reading order: page and line (text, PDF); in Word paragraphs, then table cells; then column."""
        where = self.location or {}
        return (self.path, self.page or 0, self.line or 0, where.get("table", 0), where.get("row", 0),
                where.get("cell", 0), where.get("paragraph", 0), self.column or 0, self.code)


_OPTIONAL_INT_FIELDS = ("line", "column", "end_line", "end_column", "page")


def finding_problem(finding: Any) -> Optional[str]:
    """Why ``finding`` cannot be output (a wrong type in one of its fields), None when it can.

    The outputs (SARIF, HTML, JSON) rely on these types; a plugin's rule that gets one wrong is
    reported as an internal error of that rule instead of crashing the output of the whole run.
    """
    if not isinstance(finding, Finding):
        return f"返回了不是 Finding 的对象：{finding!r:.80}"
    for name in ("code", "rule", "message"):  # path: the engine sets it
        if not isinstance(getattr(finding, name), str):
            return f"Finding.{name} 应为字符串，实际是 {getattr(finding, name)!r:.80}"
    if finding.severity not in SEVERITIES:
        return f"Finding.severity 应为 error、warning 或 info，实际是 {finding.severity!r:.80}"
    for name in _OPTIONAL_INT_FIELDS:
        value = getattr(finding, name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            return f"Finding.{name} 应为非负整数或 None，实际是 {value!r:.80}"
    if finding.context is not None and not isinstance(finding.context, str):
        return f"Finding.context 应为字符串或 None，实际是 {finding.context!r:.80}"
    location = finding.location
    if not isinstance(location, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in location.items()):
        return f"Finding.location 应为 字段名 -> 整数 的 dict，实际是 {location!r:.80}"
    return None


ModelLike = Union["Report", Dict[str, Any]]
Place = Union[None, "Location", Dict[str, int], Any]  # a Location, a location dict, or anything with .location


def _as_report(model: Optional[ModelLike]) -> "Optional[Report]":
    if model is None or not isinstance(model, dict):
        return model
    from giklint.model_dict import report_from_dict

    return report_from_dict(model)


def location_dict(at: Place) -> Dict[str, int]:
    """The location dict of ``at``: a :class:`~giklint.model.Location`, a location dict, or a model
    object with a ``location`` (a cell, row, part, line, table)."""
    if at is None:
        return {}
    if isinstance(at, dict):
        return dict(at)
    if hasattr(at, "to_dict"):
        return at.to_dict()
    return location_dict(getattr(at, "location", None))


class Context:
    """What a rule is given.

    ``report`` is the typed report model (:mod:`giklint.model`); ``options`` the rule's options
    (declared defaults merged with the configuration's ``[rules.<slug>]``, already validated);
    ``settings`` the profile-level settings (province, deadlines, report type, required references,
    heading aliases, …); ``previous`` last year's report when the user passed ``--previous``;
    ``path`` the file as the user named it. A model dict (the JSON form) is accepted for ``report``
    and ``previous`` and converted.
    """

    __slots__ = ("report", "options", "settings", "previous", "path", "_model")

    def __init__(self, report: Optional[ModelLike] = None, options: Optional[Dict[str, Any]] = None,
                 settings: Optional[Dict[str, Any]] = None, previous: Optional[ModelLike] = None, path: str = "",
                 *, model: Optional[ModelLike] = None) -> None:
        from giklint.model import Report

        self.report = _as_report(report if report is not None else model) or Report()
        self.options = dict(options or {})
        self.settings = dict(settings or {})
        self.previous = _as_report(previous)
        self.path = path
        self._model: Optional[Dict[str, Any]] = None

    # -- the report ------------------------------------------------------------------------------
    @property
    def meta(self) -> "Meta":
        return self.report.meta

    @property
    def parts(self) -> "Tuple[Part, ...]":
        return self.report.parts

    def part(self, number: int) -> "Optional[Part]":
        """Part ``number`` (1-6) when the report has it."""
        return self.report.part(number)

    def table(self, name: str) -> "Optional[Table]":
        """表二/表三/表四 by model name (``active_disclosure``, ``applications``, ``review_litigation``)."""
        return self.report.table(name)

    def row(self, table: str, row: str) -> "Optional[Row]":
        return self.report.row_at(table, row)

    def has_values(self, table: str) -> bool:
        """The model holds values for the table (it was read, if only in part)."""
        found = self.report.table(table)
        return bool(found and found.has_values)

    def cell(self, table: str, row: str, column: str) -> "Cell":
        """One cell, always: a cell the report lacks comes back ``blank`` (its row was read) or
        ``missing``, located at its row, else at its table, else at the table's part."""
        cell = self.report.cell_at(table, row, column)
        if cell is not None and cell.location:  # (the common case, asked for every cell a rule sums)
            return cell
        found_row = self.row(table, row)
        from dataclasses import replace

        from giklint.model import MISSING, Cell

        if cell is None:
            state = "blank" if found_row is not None and found_row.in_values else MISSING
            if found_row is not None and found_row.placed is False:
                state = "unplaced"
            cell = Cell(table, row, column, None, None, state, recorded=False)
        if cell.location:
            return cell
        return replace(cell, location=self.row_location(table, row))

    def row_location(self, table: str, row: str) -> "Location":
        """The row's label, else its first located cell, else :meth:`table_location`."""
        found = self.row(table, row)
        if found is not None:
            if found.location:
                return found.location
            located = sorted((cell for cell in found.cells if cell.located), key=lambda cell: cell.column)
            if located:
                return located[0].location
        return self.table_location(table)

    def table_location(self, table: str) -> "Location":
        """The table's caption when known, else the heading of its part, else the document start."""
        from giklint.model import Location
        from giklint.vocabulary import TABLE_PARTS

        found = self.report.table(table)
        if found is not None and found.location:
            return found.location
        part = self.report.part(TABLE_PARTS.get(table, 0))
        if part is not None and part.location:
            return part.location
        return Location(line=1, column=1)

    def location(self, path: str) -> "Location":
        """A recorded metadata location such as ``meta.published`` or ``meta.contacts.phone.1``
        (empty, hence false, when none was recorded)."""
        from giklint.model import NOWHERE

        return self.report.location(path) or NOWHERE

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)

    # -- for plugins written against the JSON form (before the typed model) --------------------------
    @property
    def model(self) -> Dict[str, Any]:
        """The report's JSON form (``schemas/report.schema.json``), built on first use. New rules
        read :attr:`report`; this keeps rules written for the dict working."""
        if self._model is None:
            from giklint.model_dict import report_to_dict

            self._model = report_to_dict(self.report)
        return self._model

    def section(self, number: int) -> Optional[Dict[str, Any]]:
        """Part ``number`` in its JSON form (see :meth:`part` for the typed one)."""
        return next((part for part in self.model.get("sections") or [] if part.get("number") == number), None)

    def location_of(self, path: str) -> Dict[str, int]:
        """The location dict of a model path such as ``tables.applications.new_received.total``
        or ``meta.published`` (see :meth:`cell` and :meth:`location` for the typed ones)."""
        if path.startswith("tables."):
            table, row, column = (path.split(".") + ["", ""])[1:4]
            if column:
                return self.cell(table, row, column).location.to_dict()
            return (self.row_location(table, row) if row else self.table_location(table)).to_dict()
        return self.location(path).to_dict()


_TYPE_ZH = {bool: "true/false", int: "整数", float: "数字", str: "字符串", list: "列表", dict: "表（table）"}


@dataclass(frozen=True)
class Option:
    """A rule option: its type, default, accepted values and a one-line help.

    ``type`` is ``bool``, ``int``, ``float``, ``str``, ``list`` or ``dict``; ``items`` the type of a
    list's items or a dict's values; ``choices``, ``min``/``max`` and ``pattern`` (a regular
    expression the whole string, or each string item, must match) narrow what is accepted;
    ``check`` is a last test returning a Chinese problem or None. The configuration is checked
    against this when it is read: a wrong value stops giklint with exit code 2.
    """

    type: type
    default: Any = None
    help: str = ""
    choices: Optional[Sequence[Any]] = None
    min: Optional[float] = None
    max: Optional[float] = None
    pattern: Optional[str] = None
    items: Optional[type] = None
    check: Optional[Callable[[Any], Optional[str]]] = None
    accepted: str = ""  # the accepted values in words, when the checks above do not say it well

    def problem(self, value: Any) -> Optional[str]:
        """Why ``value`` is not accepted (Chinese, naming what is), or None."""
        if value is None and self.default is None:
            return None
        problem = _type_problem(self.type, value)
        if problem is None and self.items is not None:
            members = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else []
            problem = next((p for p in (_type_problem(self.items, member) for member in members) if p), None)
        if problem is None:
            problem = self._range_problem(value)
        if problem is None and self.check is not None:
            problem = self.check(value)
        if problem is None:
            return None
        return f"{problem}；{self.describe()}"

    def _range_problem(self, value: Any) -> Optional[str]:
        shown = _shown(value)
        members = value if self.type is list and isinstance(value, list) else [value]
        stray = [member for member in members if self.choices is not None and member not in self.choices]
        if stray:
            return f"{_shown(stray[0])} 不是可选的值"
        if self.min is not None and isinstance(value, (int, float)) and value < self.min:
            return f"{shown} 小于 {self.min:g}"
        if self.max is not None and isinstance(value, (int, float)) and value > self.max:
            return f"{shown} 大于 {self.max:g}"
        if self.pattern is not None:
            texts = [value] if isinstance(value, str) else list(value.values()) if isinstance(value, dict) else \
                list(value) if isinstance(value, list) else []
            for text in texts:
                if isinstance(text, str) and not re.fullmatch(self.pattern, text):
                    return f"{_shown(text)} 格式不对"
        return None

    def describe(self) -> str:
        """The accepted values, for messages and ``giklint explain``."""
        if self.accepted:
            return f"可用的值：{self.accepted}"
        words = [_TYPE_ZH.get(self.type, self.type.__name__)]
        if self.choices is not None:
            words = ["、".join(_shown(choice) for choice in self.choices) + " 之一"]
        if self.min is not None:
            words.append(f"不小于 {self.min:g}")
        if self.max is not None:
            words.append(f"不大于 {self.max:g}")
        return "可用的值：" + "，".join(words)


def _shown(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, default=str)


def _type_problem(kind: type, value: Any) -> Optional[str]:
    if kind is bool:
        ok = isinstance(value, bool)
    elif kind in (int, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and (kind is float or value == int(value))
    else:
        ok = isinstance(value, kind)
    return None if ok else f"应为{_TYPE_ZH.get(kind, kind.__name__)}，实际是 {_shown(value)}"


def declared_option(value: Any) -> Optional[Option]:
    """The :class:`Option` declared for a rule option (a plain default is its own declaration;
    None when the type cannot be told, e.g. a default of None)."""
    if isinstance(value, Option):
        return value
    for kind in (bool, int, float, str, list, dict):
        if isinstance(value, kind):
            return Option(float if kind is int and not isinstance(value, bool) else kind, value)
    return None


def option_defaults(rule: type) -> Dict[str, Any]:
    """The rule's options with their default values (a fresh copy: safe to change)."""
    kept = _kept_defaults.get(rule)
    if kept is None or kept[0] is not rule.options:
        defaults = {name: value.default if isinstance(value, Option) else value
                    for name, value in (rule.options or {}).items()}
        immutable = all(type(value) in _IMMUTABLE for value in defaults.values())
        kept = _kept_defaults[rule] = (rule.options, defaults, immutable)
    if kept[2]:
        return dict(kept[1])
    import copy

    return {name: copy.deepcopy(value) for name, value in kept[1].items()}


# Every rule's defaults are asked for on every report (each rule's context gets them): read once per
# rule class, and copied value by value only where a value can be changed in place (a list, a table).
_kept_defaults: Dict[type, Tuple[Any, Dict[str, Any], bool]] = {}
_IMMUTABLE = (str, int, float, bool, type(None))


class Rule:
    """Base class for rules. Subclasses set the class attributes and implement :meth:`check`."""

    code: str = ""
    slug: str = ""
    severity: str = "warning"
    summary: str = ""  # one line, Chinese, for ``giklint rules``
    options: Dict[str, Any] = {}  # name -> Option (or a plain default), set in ``[rules.<slug>]``
    needs_previous: bool = False  # cross-year rules run only with ``--previous``

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation: its module docstring (or the class docstring)."""
        import sys

        module = sys.modules.get(cls.__module__)
        return ((module.__doc__ if module else None) or cls.__doc__ or "").strip()

    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, ctx: Context, message: str, at: Place = None, context: Optional[str] = None,
                severity: Optional[str] = None, end: Place = None, *, location: Place = None,
                related: Sequence[Related] = ()) -> Finding:
        """A finding of this rule at ``at``: a cell, row, table, part or line of the model, a
        :class:`~giklint.model.Location`, or a location dict (``location=`` is the older name);
        ``related``: the places in other files it is about (:class:`Related`)."""
        where = location_dict(at if at is not None else location)
        until = location_dict(end)
        severity = severity or ctx.options.get("severity") or self.severity
        return Finding(
            code=self.code, rule=self.slug, severity=severity, message=message, path=ctx.path,
            line=where.get("line"), column=where.get("column"),
            end_line=until.get("line"), end_column=until.get("column"),
            page=where.get("page"), context=context, location=where, related=list(related),
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
