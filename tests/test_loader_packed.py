"""The PDF reading child's answer as plain tuples (giklint/loaders/_packed.py): the parent gets the very
document the child read."""
from __future__ import annotations

import pickle
from dataclasses import dataclass

from conftest import EXAMPLES
from giklint.document import Cell, Document, Line, Location
from giklint.loaders._packed import pack, unpack
from giklint.loaders.pdf import load_pdf, read_pdf

REPORT = EXAMPLES / "formats" / "report-2021.pdf"


def through_the_pipe(document: Document) -> Document:
    return unpack(pickle.loads(pickle.dumps(pack(document))))


def test_a_read_pdf_comes_back_equal_with_its_locations_shared_as_in_the_child():
    document = read_pdf(REPORT.read_bytes(), str(REPORT))
    back = through_the_pipe(document)
    assert back == document
    assert any(line.cells for line in back.lines)
    # the same object graph: one location shared by a row and its cell stays one object
    assert pickle.dumps(back) == pickle.dumps(document)


def test_the_checking_process_gets_what_the_reader_read():
    data = REPORT.read_bytes()
    assert pickle.dumps(load_pdf(data, "r.pdf")) == pickle.dumps(read_pdf(data, "r.pdf"))


def test_every_document_field_and_uncertain_location_comes_back():
    shared = Location(line=2, column=1, page=1)
    document = Document(path="a.pdf", format="pdf", encoding="utf-8", metadata={"title": "年报"},
                        notices=["ocr-pages:1/1"], uncertain=[shared, Location(line=3, column=4, page=1)],
                        lines=[Line("第一行", Location(line=1, column=1, page=1)),
                               Line("1\t2", shared, [Cell("1", shared),
                                                      Cell("2", Location(line=2, column=3, page=1))])])
    back = through_the_pipe(document)
    assert back == document
    assert back.uncertain[0] is back.lines[1].location is back.lines[1].cells[0].location


@dataclass
class MarkedLine(Line):
    mark: str = ""


def test_a_document_with_anything_but_the_plain_classes_is_not_packed():
    location = Location(line=1, column=1, page=1)
    assert pack(Document(path="a.pdf", format="pdf", lines=[MarkedLine("x", location, None, "m")])) is None
    assert pack(Document(path="a.pdf", format="pdf", lines=[Line("x", location)], uncertain=[object()])) is None
