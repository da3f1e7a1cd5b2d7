"""The report model to and from its JSON form (``schemas/report.schema.json``).

The only module that knows the JSON keys: ``report_from_dict`` turns a (schema-valid) model dict into
a :class:`giklint.model.Report`, ``report_to_dict`` writes it back. For what the extractor produces
the round trip is exact, key order included, so ``giklint parse`` prints the same JSON as before.
A cell's value (``tables``), its invalid text and its row's description (``table_info``) and its
location (``locations``) are put together here, once.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any, Dict, List, Optional, Tuple

from giklint.frozen import from_mapping
from giklint.model import (
    BLANK,
    INVALID,
    NOWHERE,
    READ,
    UNCERTAIN,
    UNPLACED,
    Cell,
    Claim,
    Contacts,
    Line,
    Location,
    Meta,
    OtherHeading,
    Part,
    Period,
    Report,
    Row,
    Signature,
    Source,
    Table,
)

TABLE_PREFIX = "tables."
_CONTACT_KINDS = ("phone", "fax", "email", "address", "postcode")


# -- from the dict ---------------------------------------------------------------------------------
# (a report has hundreds of locations and cells, typed once per report: giklint.frozen builds them)
_LOCATION_DEFAULTS = {item.name: None for item in fields(Location)}
_LOCATION_FIELD_COUNT = len(_LOCATION_DEFAULTS)
_new = object.__new__


def location_from(value: Any) -> Location:
    if value.__class__ is dict:  # hundreds a report: no constructor call
        made = _new(Location)
        state = made.__dict__
        state.update(_LOCATION_DEFAULTS)
        state.update(value)
        if len(state) == _LOCATION_FIELD_COUNT:  # no key besides the fields (cheaper than testing the keys first)
            return made
    return from_mapping(Location, _LOCATION_DEFAULTS, value) if isinstance(value, dict) else NOWHERE


def _optional_location(value: Any) -> Optional[Location]:
    return location_from(value) if isinstance(value, dict) else None


def _lines(items: Any) -> Tuple[Line, ...]:
    lines = []
    for item in items or ():  # (a hundred lines a report, each with a location: made in one step)
        value = item.get("location")
        location = location_from(value) if value is not None else NOWHERE
        made = _new(Line)
        state = made.__dict__
        state["text"] = item["text"]
        state["location"] = location
        lines.append(made)
    return tuple(lines)


def _meta(meta: Dict[str, Any]) -> Meta:
    period = meta.get("period")
    contacts = meta.get("contacts")
    signature = meta.get("signature")
    return Meta(
        title=meta.get("title"), title_location=_optional_location(meta.get("title_location")),
        agency=meta.get("agency"), year=meta.get("year"), template=meta.get("template"),
        period=Period(period.get("start"), period.get("end"), period.get("raw"), period.get("valid"),
                      _optional_location(period.get("location"))) if isinstance(period, dict) else None,
        contacts=Contacts(**{kind: tuple(contacts.get(kind) or ()) for kind in _CONTACT_KINDS})
        if isinstance(contacts, dict) else None,
        signature=Signature(signature.get("agency"), signature.get("date"),
                            _optional_location(signature.get("location"))) if isinstance(signature, dict) else None,
        published=meta.get("published"), published_source=meta.get("published_source"),
        years_mentioned=tuple(meta.get("years_mentioned") or ()),
    )


def _cell_state(value: Any, text: Optional[str], row_info: Dict[str, Any], uncertain: bool = False) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return READ
    if uncertain:
        return UNCERTAIN
    if text is not None:
        return INVALID
    if row_info.get("placed") is False:
        return UNPLACED
    return BLANK


def _row(name: str, key: str, values: Optional[Dict[str, Any]], info: Optional[Dict[str, Any]],
         invalid: Dict[str, str], located: Dict[str, Location], uncertain: Dict[str, str]) -> Row:
    """``located``: the row's cell locations by column; ``invalid``/``uncertain``: texts by column."""
    row_info = info or {}
    given = values or {}
    columns = list(given)
    if not located.keys() <= given.keys():
        columns += [column for column in located if column not in columns]
    texts = {**invalid, **uncertain}
    if texts:
        columns += [column for column in texts if column not in columns]
    cells = []
    for column in columns:  # (hundreds of cells a report: each made in one step, fields in declaration order)
        value = given.get(column)
        own = located.get(column)
        text = texts.get(column) if texts else None
        kind = value.__class__
        cell = _new(Cell)
        state = cell.__dict__
        state["table"] = name
        state["row"] = key
        state["column"] = column
        state["value"] = value
        state["text"] = text
        state["state"] = READ if kind is int or kind is float else _cell_state(value, text, row_info,
                                                                              column in uncertain)
        state["location"] = own if own is not None else NOWHERE
        state["recorded"] = column in given
        state["located"] = own is not None
        cells.append(cell)
    printed = row_info.get("printed")
    runs = row_info.get("runs")
    row = _new(Row)  # (dozens a report: made in one step like the cells, fields in declaration order)
    state = row.__dict__
    state["table"] = name
    state["key"] = key
    state["cells"] = tuple(cells)
    state["label"] = row_info.get("label")
    state["location"] = _optional_location(row_info.get("location"))
    state["printed"] = tuple(printed) if isinstance(printed, list) else None
    state["expected"] = row_info.get("expected")
    state["placed"] = row_info.get("placed")
    state["runs"] = tuple(runs) if isinstance(runs, list) else None
    state["in_values"] = values is not None
    state["described"] = info is not None
    return row


def _cell_texts(listed: Optional[Dict[str, str]]) -> Dict[str, Dict[str, str]]:
    """``{"row.column": text}`` as row -> column -> text."""
    texts: Dict[str, Dict[str, str]] = {}
    for path, text in (listed or {}).items():
        row, _, column = path.partition(".")
        texts.setdefault(row, {})[column] = text
    return texts


def _table(name: str, values: Optional[Dict[str, Any]], info: Optional[Dict[str, Any]],
           locations: Dict[str, Dict[str, Location]], listed: bool) -> Table:
    """``locations``: this table's cell locations by row and column."""
    info_rows = (info or {}).get("rows") or {}
    invalid, uncertain = (_cell_texts((info or {}).get(kind)) for kind in ("invalid_cells", "uncertain_cells"))
    keys = list(values or {}) + [key for key in info_rows if key not in (values or {})]
    rows = tuple(_row(name, key, (values or {}).get(key) if key in (values or {}) else None, info_rows.get(key),
                      invalid.get(key, {}), locations.get(key, {}), uncertain.get(key, {})) for key in keys)
    extra = (info or {}).get("extra_columns")
    return Table(name, found=bool((info or {}).get("found")), template=(info or {}).get("template"),
                 location=_optional_location((info or {}).get("location")), rows=rows,
                 extra_columns=tuple(extra) if isinstance(extra, list) else None,
                 has_values=values is not None, described=info is not None, listed=listed,
                 location_given="location" in (info or {}))


def report_from_dict(model: Dict[str, Any]) -> Report:
    """A schema-valid model dict as a :class:`Report`."""
    all_locations = model.get("locations") or {}
    cell_locations: Dict[str, Dict[str, Dict[str, Location]]] = {}  # table -> row -> column -> location
    other_locations: List[Tuple[str, Location]] = []
    row_key: Tuple[str, str] = ("", "")
    row_locations: Dict[str, Location] = {}
    for path, value in all_locations.items():  # (hundreds a report, a row's cells one after the other)
        if not path.startswith(TABLE_PREFIX):
            other_locations.append((path, location_from(value)))
            continue
        names = path.split(".")
        if len(names) == 4:
            if names[1] != row_key[0] or names[2] != row_key[1]:
                row_key = (names[1], names[2])
                row_locations = cell_locations.setdefault(row_key[0], {}).setdefault(row_key[1], {})
            row_locations[names[3]] = location_from(value)
    values = model.get("tables") or {}
    infos = model.get("table_info") or {}
    names = list(values) + [name for name in infos if name not in values]
    source = model.get("source")
    return Report(
        meta=_meta(model.get("meta") or {}),
        parts=tuple(Part(part["number"], part["heading"], part.get("numbering"), location_from(part.get("location")),
                         part.get("body") or "", _lines(part.get("lines"))) for part in model.get("sections") or []),
        tables=tuple(_table(name, values.get(name), infos.get(name), cell_locations.get(name, {}), name in values)
                     for name in names),
        source=Source(source.get("path"), source.get("format"), source.get("encoding"),
                      tuple(source.get("notices") or ())) if isinstance(source, dict) else None,
        preamble=_lines(model["preamble"].get("lines")) if isinstance(model.get("preamble"), dict) else None,
        other_headings=tuple(OtherHeading(item["text"], item.get("numbering"), location_from(item.get("location")),
                                          item.get("after_part")) for item in model["other_headings"])
        if isinstance(model.get("other_headings"), list) else None,
        narrative=tuple(Claim(item["kind"], item["value"], item.get("text", ""), location_from(item.get("location")),
                              tuple(item["parts"]) if isinstance(item.get("parts"), list) else None)
                        for item in model["narrative"]) if isinstance(model.get("narrative"), list) else None,
        locations=tuple(other_locations) if "locations" in model else None,
        model_version=model.get("model_version"),
    )


# -- to the dict -----------------------------------------------------------------------------------
def _where(location: Optional[Location]) -> Optional[Dict[str, int]]:
    return location.to_dict() if location is not None else None


def _line_items(lines: Tuple[Line, ...]) -> List[Dict[str, Any]]:
    return [{"text": line.text, "location": line.location.to_dict()} for line in lines]


def _meta_dict(meta: Meta) -> Dict[str, Any]:
    period, contacts, signature = meta.period, meta.contacts, meta.signature
    return {
        "title": meta.title, "title_location": _where(meta.title_location), "agency": meta.agency,
        "year": meta.year, "template": meta.template,
        "period": {"start": period.start, "end": period.end, "raw": period.raw, "valid": period.valid,
                   "location": _where(period.location)} if period else None,
        "contacts": {kind: list(getattr(contacts, kind)) for kind in _CONTACT_KINDS} if contacts else None,
        "signature": {"agency": signature.agency, "date": signature.date, "location": _where(signature.location)}
        if signature else None,
        "published": meta.published, "published_source": meta.published_source,
        "years_mentioned": list(meta.years_mentioned),
    }


def _table_dicts(table: Table, locations: Dict[str, Dict[str, int]]) -> Tuple[Any, Optional[Dict[str, Any]]]:
    values: Dict[str, Any] = {}
    info: Dict[str, Any] = {"found": table.found, "template": table.template}
    if table.location_given:
        info["location"] = _where(table.location)
    rows: Dict[str, Any] = {}
    invalid: Dict[str, str] = {}
    uncertain: Dict[str, str] = {}
    for row in table.rows:
        if row.in_values:
            values[row.key] = {cell.column: cell.value for cell in row.cells if cell.recorded}
        if row.described:
            described: Dict[str, Any] = {}
            for key, value in (("label", row.label), ("location", _where(row.location)),
                               ("printed", list(row.printed) if row.printed is not None else None),
                               ("expected", row.expected), ("placed", row.placed),
                               ("runs", list(row.runs) if row.runs else None)):
                if value is not None:
                    described[key] = value
            rows[row.key] = described
            if row.location is not None:
                locations[f"{TABLE_PREFIX}{table.name}.{row.key}"] = row.location.to_dict()
        for cell in row.cells:
            if cell.located:
                locations[f"{TABLE_PREFIX}{table.name}.{row.key}.{cell.column}"] = cell.location.to_dict()
            if cell.text is not None:
                (uncertain if cell.state == UNCERTAIN else invalid)[f"{row.key}.{cell.column}"] = cell.text
    info["rows"] = rows
    if table.extra_columns is not None:
        info["extra_columns"] = list(table.extra_columns)
    if invalid:
        info["invalid_cells"] = invalid
    if uncertain:
        info["uncertain_cells"] = uncertain
    return (values if table.has_values else None), (info if table.described else None)


def report_to_dict(report: Report) -> Dict[str, Any]:
    """The JSON form of ``report`` (keys and order as ``giklint parse`` prints them)."""
    model: Dict[str, Any] = {}
    if report.model_version is not None:
        model["model_version"] = report.model_version
    if report.source is not None:
        source = report.source
        model["source"] = {"path": source.path, "format": source.format, "encoding": source.encoding,
                           "notices": list(source.notices)}
    model["meta"] = _meta_dict(report.meta)
    if report.preamble is not None:
        model["preamble"] = {"lines": _line_items(report.preamble)}
    model["sections"] = [{"number": part.number, "heading": part.heading, "numbering": part.numbering,
                          "location": part.location.to_dict(), "body": part.body, "lines": _line_items(part.lines)}
                         for part in report.parts]
    locations: Dict[str, Dict[str, int]] = {}
    tables: Dict[str, Any] = {}
    infos: Dict[str, Any] = {}
    for table in report.tables:
        values, info = _table_dicts(table, locations)
        if table.listed:
            tables[table.name] = values
        if info is not None:
            infos[table.name] = info
    model["tables"] = tables
    if infos:
        model["table_info"] = infos
    if report.other_headings is not None:
        model["other_headings"] = [{"text": item.text, "numbering": item.numbering, "location": item.location.to_dict(),
                                    "after_part": item.after_part} for item in report.other_headings]
    if report.narrative is not None:
        model["narrative"] = [_claim_dict(claim) for claim in report.narrative]
    if locations or report.locations is not None:
        model["locations"] = {**locations, **{path: location.to_dict() for path, location in report.locations or ()}}
    return model


def _claim_dict(claim: Claim) -> Dict[str, Any]:
    item: Dict[str, Any] = {"kind": claim.kind, "value": claim.value}
    if claim.parts is not None:
        item["parts"] = list(claim.parts)
    item["text"] = claim.text
    item["location"] = claim.location.to_dict()
    return item
