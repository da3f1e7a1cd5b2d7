"""A loaded document as plain tuples, for the way from the reading child to the checking process.

A PDF is read in a forked child (``giklint.loaders._child``), which sends the :class:`Document` back
through a pipe as a pickle. Pickling a dataclass instance asks it how to rebuild itself and writes
its ``__dict__`` as a dictionary, and unpickling sets that state again, key by key: about 8,000
instructions per object each way. A 4-page report holds some 700 lines, cells and locations: 11.5 M
of the 517 M instructions its whole ``giklint check`` took (valgrind). Tuples of strings and numbers
pickle in C without any of that, so the child sends :func:`pack`'s tuples and the parent makes the
same objects again with :func:`unpack`: equal field for field, with the same locations shared
between lines and cells as in the child (6 M for both). Only instances of exactly these classes,
made by their constructors or ``giklint.frozen.builder`` (every field set, nothing else), are
packed; a document with anything else in it (a subclass, a field this module does not know) is sent
as it is.
"""
from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any, Dict, List, Optional, Tuple

from giklint.document import Cell, Document, Line, Location
from giklint.frozen import builder

_LOCATION_FIELDS = tuple(item.name for item in fields(Location))
_LINE_FIELDS = tuple(item.name for item in fields(Line))
_CELL_FIELDS = tuple(item.name for item in fields(Cell))
_DOCUMENT_FIELDS = tuple(item.name for item in fields(Document))
_location_values = attrgetter(*_LOCATION_FIELDS)
_make_document = builder(Document)
# :func:`unpack` writes the lines' and cells' fields by name
_KNOWN_FIELDS = _LINE_FIELDS == ("text", "location", "cells") and _CELL_FIELDS == ("text", "location")

Packed = Tuple[Any, ...]


def pack(document: Document) -> Optional[Packed]:
    """The document as nested tuples for :func:`unpack`, or None when it holds anything but the
    loader's own plain dataclasses."""
    locations = _plain_locations(document)
    if locations is None:
        return None
    places: Dict[int, int] = {}  # id(location) -> its index in ``table``: each location once
    table: List[Tuple[Any, ...]] = []
    for location in locations:
        key = id(location)
        if key not in places:
            if type(location) is not Location:
                return None
            places[key] = len(table)
            table.append(_location_values(location))
    lines = tuple([(line.text, places[id(line.location)], None if line.cells is None
                    else tuple([(cell.text, places[id(cell.location)]) for cell in line.cells]))
                   for line in document.lines])
    return (document.path, document.format, lines, document.encoding, document.metadata, document.notices,
            [places[id(location)] for location in document.uncertain], tuple(table))


def _plain_locations(document: Document) -> Optional[List[Any]]:
    """Every location the document holds, in order (a line's cells', the line's, then the uncertain
    ones); None unless the document, its lines and cells are the plain dataclasses :func:`unpack` makes."""
    if (not _KNOWN_FIELDS or type(document) is not Document or tuple(document.__dict__) != _DOCUMENT_FIELDS
            or type(document.lines) is not list or type(document.uncertain) is not list):
        return None
    locations = []
    add = locations.append
    for line in document.lines:
        if type(line) is not Line:
            return None
        cells = line.cells
        if cells is not None:
            if type(cells) is not list:
                return None
            for cell in cells:
                if type(cell) is not Cell:
                    return None
                add(cell.location)
        add(line.location)
    return locations + document.uncertain


def unpack(packed: Packed) -> Document:
    """The document :func:`pack` was given: each object made as ``giklint.frozen.builder`` makes it,
    written out here (a call per object would cost a third of what pickle costs)."""
    path, format_, packed_lines, encoding, metadata, notices, uncertain, table = packed
    new = object.__new__
    locations = []
    add_location = locations.append
    for values in table:
        location = new(Location)
        location.__dict__.update(zip(_LOCATION_FIELDS, values))
        add_location(location)
    lines = []
    add_line = lines.append
    for text, where, cells in packed_lines:
        if cells is not None:
            made_cells = []
            add_cell = made_cells.append
            for cell_text, cell_where in cells:
                cell = new(Cell)
                cell.__dict__.update(text=cell_text, location=locations[cell_where])
                add_cell(cell)
            cells = made_cells
        line = new(Line)
        line.__dict__.update(text=text, location=locations[where], cells=cells)
        add_line(line)
    return _make_document(path, format_, lines, encoding, metadata, notices,
                          [locations[where] for where in uncertain])
