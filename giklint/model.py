"""The report model: what giklint reads from one report, as frozen, typed objects.

The extractor produces a :class:`Report`; rules read it through :class:`giklint.rule.Context`. At the
edges (``giklint parse`` output, model files given as input) the model is the JSON document that
``schemas/report.schema.json`` describes; :mod:`giklint.model_dict` converts between the two and is
the only module that knows the JSON keys.

A table cell brings together what the JSON keeps in three places (``tables``, ``table_info`` and
``locations``): its value, the text printed where a number belongs, its state and its location.

In the JSON form: ``Report.parts`` is ``sections``; a table's cell values are ``tables.<table>.<row>``,
its description ``table_info.<table>`` (rows' ``label``/``location``/``printed``/``expected``/``placed``,
``invalid_cells`` and ``uncertain_cells`` as ``row.column`` -> text, ``extra_columns``), and cell and row locations are
``locations["tables.<table>.<row>[.<column>]"]``; ``Report.narrative`` is ``narrative``.

``python -m giklint.model`` prints the reference in ``docs/model.md`` (a test keeps the two equal).
"""
from __future__ import annotations

from dataclasses import MISSING as MISSING_FIELD
from dataclasses import field, fields
from typing import Any, Callable, Dict, Iterator, Optional, Tuple, Union

from giklint.records import dataclass

Number = Union[int, float]
# a cell's value: a number; the unit text of 表二's procurement amount (``amount_unit``); None
CellValue = Union[int, float, str, None]

READ = "read"
BLANK = "blank"
INVALID = "invalid"
UNPLACED = "unplaced"
MISSING = "missing"
UNCERTAIN = "uncertain"
CELL_STATES = {
    READ: "a number was read",
    BLANK: "the row was read; this cell printed nothing (or a dash)",
    INVALID: "text stands where a number belongs (`text` holds it)",
    UNPLACED: "the row printed values that could not be placed in their columns (too few, no cell boundaries)",
    MISSING: "the row, or the whole table, was not found",
    UNCERTAIN: "read by OCR with low confidence (`text` holds what was read; no value, so no sum is judged on it)",
}


_INDEX = "_index"  # an instance's lookup table (see first_by_attribute): no field, never pickled
_VALUES = "_values"  # a row's values by column (see Row.values): no field, never pickled
_KEPT = (_INDEX, _VALUES)


def kept_for(owner: Any, key: str, items: Tuple[Any, ...], make: Callable[..., Any], *arguments: Any) -> Any:
    """``make(items, *arguments)``, made at the first call and kept in the frozen ``owner`` (under
    ``key``) for as long as ``items`` is the tuple it holds (a copy made with other items makes its own)."""
    kept = owner.__dict__.get(key)
    if kept is None or kept[0] is not items:
        kept = (items, make(items, *arguments))
        owner.__dict__[key] = kept
    return kept[1]


def first_by_attribute(owner: Any, items: Tuple[Any, ...], attribute: str) -> Dict[Any, Any]:
    """``items`` by the value of their ``attribute`` (the first item of each value), kept in
    ``owner`` (see :func:`kept_for`)."""
    return kept_for(owner, _INDEX, items, _first_by, attribute)


def _first_by(items: Tuple[Any, ...], attribute: str) -> Dict[Any, Any]:
    return {getattr(item, attribute): item for item in reversed(items)}


def without_index(owner: Any) -> Dict[str, Any]:
    """The instance's fields as pickled: its lookup tables are made again when needed."""
    return {name: value for name, value in owner.__dict__.items() if name not in _KEPT}


def _rows_by_table(tables: Tuple[Any, ...]) -> Dict[Tuple[str, str], Any]:
    """(table name, row key) -> the row :meth:`Report.row_at` gives: the first row of that key in
    the first table of that name."""
    index: Dict[Tuple[str, str], Any] = {}
    seen = set()
    for table in tables:
        if table.name in seen:
            continue
        seen.add(table.name)
        name = table.name
        for row in reversed(table.rows):
            index[name, row.key] = row
    return index


def _recorded_values(cells: Tuple[Any, ...]) -> Dict[str, Any]:
    return {cell.column: cell.value for cell in cells if cell.recorded}


@dataclass(frozen=True)
class Location:
    """Where something stands in the source: line/column (text, Markdown, PDF text), page (PDF),
    paragraph or table/row/cell (Word). Every field is 1-based; absent ones are None."""

    line: Optional[int] = None
    column: Optional[int] = None
    page: Optional[int] = None
    paragraph: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    cell: Optional[int] = None

    def to_dict(self) -> Dict[str, int]:
        """Only the fields that are set (the form findings and the JSON model use)."""
        return {name: value for name, value in zip(_LOCATION_FIELDS, self._values()) if value is not None}

    def _values(self) -> Tuple[Optional[int], ...]:
        return self.line, self.column, self.page, self.paragraph, self.table, self.row, self.cell

    def __bool__(self) -> bool:
        return (self.line is not None or self.column is not None or self.page is not None or self.paragraph is not None
                or self.table is not None or self.row is not None or self.cell is not None)


_LOCATION_FIELDS = ("line", "column", "page", "paragraph", "table", "row", "cell")


NOWHERE = Location()


@dataclass(frozen=True)
class Line:
    """One non-blank line of text and where it stands."""

    text: str
    location: Location = NOWHERE


@dataclass(frozen=True)
class Source:
    """The file the model was read from: path, format (``markdown``, ``docx``, ``pdf`` …), the text
    encoding when it had to be guessed, and notices from loading (e.g. a scanned PDF)."""

    path: Optional[str] = None
    format: Optional[str] = None
    encoding: Optional[str] = None
    notices: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Period:
    """统计期限: the statement as printed (``raw``) and its dates as ``YYYY-MM-DD``."""

    start: Optional[str] = None
    end: Optional[str] = None
    raw: Optional[str] = None
    valid: Optional[bool] = None
    location: Optional[Location] = None


@dataclass(frozen=True)
class Contacts:
    """联系方式 found in the report, each kind in printed order."""

    phone: Tuple[str, ...] = ()
    fax: Tuple[str, ...] = ()
    email: Tuple[str, ...] = ()
    address: Tuple[str, ...] = ()
    postcode: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    """落款: the signing agency and date (``YYYY-MM-DD``) at the end of the report."""

    agency: Optional[str] = None
    date: Optional[str] = None
    location: Optional[Location] = None


@dataclass(frozen=True)
class Meta:
    """What the report says about itself. ``template`` is the table format (``2019``, ``2021``,
    ``pre-2019``); ``published`` the publication date when known (``YYYY-MM-DD``)."""

    title: Optional[str] = None
    title_location: Optional[Location] = None
    agency: Optional[str] = None
    year: Optional[int] = None
    template: Optional[str] = None
    period: Optional[Period] = None
    contacts: Optional[Contacts] = None
    signature: Optional[Signature] = None
    published: Optional[str] = None
    published_source: Optional[str] = None
    years_mentioned: Tuple[int, ...] = ()


@dataclass(frozen=True)
class Part:
    """One of the six numbered parts (一、总体情况 … 六、其他需要报告的事项)."""

    number: int
    heading: str
    numbering: Optional[str] = None
    location: Location = NOWHERE
    body: str = ""
    lines: Tuple[Line, ...] = ()

    @property
    def end(self) -> Location:
        """The last line of the part (its heading when it has no body lines)."""
        located = [line.location for line in self.lines if line.location]
        return located[-1] if located else self.location


@dataclass(frozen=True)
class OtherHeading:
    """A heading that is none of the six parts (``after_part``: the part it follows)."""

    text: str
    numbering: Optional[str] = None
    location: Location = NOWHERE
    after_part: Optional[int] = None


@dataclass(frozen=True)
class Claim:
    """A figure the narrative states (``kind``: ``sum`` with its ``parts``, or a table quantity such as
    ``new_received``), with the sentence it was read from."""

    kind: str
    value: Number
    text: str
    location: Location = NOWHERE
    parts: Optional[Tuple[Number, ...]] = None


@dataclass(frozen=True)
class Cell:
    """One table cell: ``value`` (a number, or None), ``text`` (what is printed where a number belongs,
    when it is not one), ``state`` (one of :data:`CELL_STATES`) and ``location`` (the cell's own when
    known, else its row's, else its table's)."""

    table: str
    row: str
    column: str
    value: CellValue = None
    text: Optional[str] = None
    state: str = MISSING
    location: Location = NOWHERE
    recorded: bool = True  # the value belongs to the table's values (False: only text or a location)
    located: bool = False  # ``location`` is the cell's own

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, (int, float)) and not isinstance(self.value, bool)


@dataclass(frozen=True)
class Row:
    """One row of a table: its printed ``label``, ``location``, the values it ``printed`` in order,
    how many it should have (``expected``), whether they could be ``placed`` in columns, and its cells
    (the ones read or located, in printed order)."""

    table: str
    key: str
    cells: Tuple[Cell, ...] = ()
    label: Optional[str] = None
    location: Optional[Location] = None
    printed: Optional[Tuple[Any, ...]] = None
    expected: Optional[int] = None
    placed: Optional[bool] = None
    runs: Optional[Tuple[str, ...]] = None  # unplaced: glued digit runs as printed, read several ways
    in_values: bool = True  # the row is among the table's values
    described: bool = True  # the extractor described the row (label, location, printed)

    def cell(self, column: str) -> Optional[Cell]:
        """The first cell of ``column`` (rules summing a table ask for every cell of a row in turn)."""
        kept = self.__dict__.get(_INDEX)  # (kept_for, inlined: rules ask it for every cell they read)
        if kept is None or kept[0] is not self.cells:
            return first_by_attribute(self, self.cells, "column").get(column)
        return kept[1].get(column)

    def __getstate__(self) -> Dict[str, Any]:
        return without_index(self)

    @property
    def values(self) -> Dict[str, CellValue]:
        """Column -> value of the recorded cells (a new dict each call; rules ask for a row's values
        hundreds of times a report: they are gathered once)."""
        return dict(kept_for(self, _VALUES, self.cells, _recorded_values))


@dataclass(frozen=True)
class Table:
    """表二 (``active_disclosure``), 表三 (``applications``) or 表四 (``review_litigation``).

    ``found``: a caption, header or row was seen; ``template``: the table's own format (``2019``,
    ``2021``, ``mixed``); ``has_values``: the model has a value object for it (None when absent)."""

    name: str
    found: bool = False
    template: Optional[str] = None
    location: Optional[Location] = None
    rows: Tuple[Row, ...] = ()
    extra_columns: Optional[Tuple[str, ...]] = None
    has_values: bool = False
    listed: bool = True  # the model lists the table among its values (possibly as null)
    described: bool = False  # the model has ``table_info`` for it
    location_given: bool = True  # ``table_info`` names a location (possibly None)

    def row(self, key: str) -> Optional[Row]:
        """The first row named ``key`` (rules ask for rows by name hundreds of times a report)."""
        return first_by_attribute(self, self.rows, "key").get(key)

    def __getstate__(self) -> Dict[str, Any]:
        return without_index(self)

    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row.cells


@dataclass(frozen=True)
class Report:
    """One report. ``parts`` are the numbered parts in printed order; ``tables`` by name;
    ``locations`` the locations of metadata (``meta.title``, ``meta.contacts.phone.1`` …)."""

    meta: Meta = field(default_factory=Meta)
    parts: Tuple[Part, ...] = ()
    tables: Tuple[Table, ...] = ()
    source: Optional[Source] = None
    preamble: Optional[Tuple[Line, ...]] = None
    other_headings: Optional[Tuple[OtherHeading, ...]] = None
    narrative: Optional[Tuple[Claim, ...]] = None
    locations: Optional[Tuple[Tuple[str, Location], ...]] = None
    model_version: Optional[int] = None

    def part(self, number: int) -> Optional[Part]:
        for part in self.parts:
            if part.number == number:
                return part
        return None

    def table(self, name: str) -> Optional[Table]:
        for table in self.tables:
            if table.name == name:
                return table
        return None

    def row_at(self, table: str, row: str) -> Optional[Row]:
        """``self.table(table).row(row)``, None where either is missing (rules ask it hundreds of
        times a report: the rows of all tables are indexed by table and key, once)."""
        kept = self.__dict__.get(_INDEX)  # (kept_for, inlined: asked for every cell a rule reads)
        if kept is None or kept[0] is not self.tables:
            return kept_for(self, _INDEX, self.tables, _rows_by_table).get((table, row))
        return kept[1].get((table, row))

    def cell_at(self, table: str, row: str, column: str) -> Optional[Cell]:
        """``self.row_at(table, row).cell(column)``, None where any of them is missing."""
        found = self.row_at(table, row)
        return found.cell(column) if found is not None else None

    def __getstate__(self) -> Dict[str, Any]:
        return without_index(self)

    def location(self, path: str) -> Optional[Location]:
        for key, location in self.locations or ():
            if key == path:
                return location
        return None


MODEL_TYPES = (Report, Meta, Period, Contacts, Signature, Source, Part, Line, OtherHeading, Claim, Table, Row,
               Cell, Location)


def _type_name(hint: Any) -> str:
    if isinstance(hint, type):
        return "None" if hint is type(None) else hint.__name__
    return str(hint).replace("typing.", "").replace(f"{__name__}.", "").replace("NoneType", "None")


def _markdown(text: str) -> str:
    """A docstring's reStructuredText roles and literals as Markdown."""
    import re

    text = re.sub(r":(?:class|mod|data|func|meth|attr):`~?([^`]+)`", r"`\1`", text)
    return text.replace("``", "`")


def reference() -> str:
    """The Markdown reference of the model's types (``docs/model.md``)."""
    import typing

    lines = ["# The report model", "",
             "<!-- Generated by `python -m giklint.model` from giklint/model.py; do not edit by hand. -->", "",
             _markdown((__doc__ or "").strip()), ""]
    for kind in MODEL_TYPES:
        lines += [f"## {kind.__name__}", "", _markdown(" ".join((kind.__doc__ or "").split())), "",
                  "| field | type | default |", "| --- | --- | --- |"]
        hints = typing.get_type_hints(kind)
        for item in fields(kind):
            default = "" if item.default is MISSING_FIELD else f"`{item.default!r}`"
            if item.default is NOWHERE:
                default = "`Location()`"
            if item.default_factory is not MISSING_FIELD:  # type: ignore[misc]
                default = f"`{item.default_factory.__name__}()`"  # type: ignore[misc]
            lines.append(f"| `{item.name}` | `{_type_name(hints[item.name])}` | {default} |")
        lines.append("")
    lines += ["## Cell states", ""] + [f"- `{state}`: {meaning}" for state, meaning in CELL_STATES.items()] + [""]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - tests/test_model.py checks docs/model.md against reference()
    from giklint.model import reference as _reference  # the module's own types, not __main__'s copies

    print(_reference(), end="")
