"""PDFium called without ctypes' argument conversion (giklint/loaders/_pdfium.py) reads what the
pypdfium2 bindings read, and the loader's shortcuts for upright boxes keep the strokes' order."""
from __future__ import annotations

import ctypes
import random

import pytest

pdfium = pytest.importorskip("pypdfium2")


def drawn_pdf() -> bytes:
    """Text with spaces (some made up by PDFium between words), ruled cells and a filled box."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("helvetica", size=10)
    pdf.add_page()
    pdf.text(20, 20, "Table 1   with  spaces")
    pdf.text(20, 30, "1 2 3")
    pdf.text(60, 30, "total 12")
    for y in (40, 50, 60):
        pdf.line(20, y, 120, y)
    for x in (20, 70, 120):
        pdf.line(x, 40, x, 60)
    pdf.rect(130, 40, 30, 0.3, style="F")
    pdf.rect(20, 70, 40, 20)
    return bytes(pdf.output())


@pytest.fixture()
def page():
    document = pdfium.PdfDocument(drawn_pdf())
    page = document[0]
    yield page
    page.close()
    document.close()


def test_character_boxes_and_made_up_spaces_are_the_bindings(page):
    import pypdfium2.raw as raw

    from giklint.loaders._pdfium import calls

    textpage = page.get_textpage()
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    assert count > 30
    ours, theirs = raw.FS_RECTF(), raw.FS_RECTF()
    generated = 0
    for index in range(count):
        assert calls().loose_char_box(handle, index, ctypes.byref(ours)) == raw.FPDFText_GetLooseCharBox(
            handle, index, theirs)
        assert (ours.left, ours.top, ours.right, ours.bottom) == (theirs.left, theirs.top, theirs.right, theirs.bottom)
        made_up = calls().is_generated(handle, index)
        assert made_up == raw.FPDFText_IsGenerated(handle, index)
        generated += made_up
    assert generated > 0  # the line breaks PDFium makes up are among them
    assert ours.right > ours.left and theirs.top > theirs.bottom
    textpage.close()


def test_page_objects_their_kinds_draw_modes_and_bounds_are_the_bindings(page):
    import pypdfium2.raw as raw

    from giklint.loaders._pdfium import calls

    handle = page.raw
    count = raw.FPDFPage_CountObjects(handle)
    paths = 0
    fill, stroke, fill2, stroke2 = (ctypes.c_int() for _ in range(4))
    ours = [ctypes.c_float() for _ in range(4)]
    theirs = [ctypes.c_float() for _ in range(4)]
    for index in range(count):
        obj = calls().page_object(handle, index)
        assert isinstance(obj, raw.FPDFPage_GetObject.restype)  # a handle, not an int cut to 32 bits
        assert ctypes.cast(obj, ctypes.c_void_p).value == ctypes.cast(
            raw.FPDFPage_GetObject(handle, index), ctypes.c_void_p).value
        kind = calls().object_type(obj)
        assert kind == raw.FPDFPageObj_GetType(obj)
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        paths += 1
        calls().draw_mode(obj, ctypes.byref(fill), ctypes.byref(stroke))
        raw.FPDFPath_GetDrawMode(obj, fill2, stroke2)
        assert (fill.value, stroke.value) == (fill2.value, stroke2.value)
        assert calls().count_segments(obj) == raw.FPDFPath_CountSegments(obj)
        calls().bounds(obj, *(ctypes.byref(value) for value in ours))
        raw.FPDFPageObj_GetBounds(obj, *theirs)
        assert [value.value for value in ours] == [value.value for value in theirs]
    assert paths >= 8


def test_an_upright_box_gives_the_strokes_its_four_edges_give_in_the_same_order():
    from giklint.loaders.pdf import RuleCollector, add_edge

    rng = random.Random(13)
    sizes = [0.0, -0.0, 0.3, 0.59, 0.6, 2.9, 3.0, 3.1, 40.0]
    boxes = [(-0.0, 0.0, 3.0, -0.0)] + [
        (rng.uniform(0, 500), rng.uniform(0, 800), rng.choice(sizes) * rng.choice((1, -1)),
         rng.choice(sizes) * rng.choice((1, -1))) for _ in range(400)]
    for left, bottom, width, height in boxes:
        right, top = left + width, bottom + height
        collector = RuleCollector()
        collector.add_box(left, bottom, right, top)
        horizontal, vertical = [], []
        corners = [(left, bottom), (right, bottom), (right, top), (left, top)]
        for a, b in zip(corners, corners[1:] + corners[:1]):
            add_edge(a, b, horizontal, vertical)
        assert collector.horizontal == horizontal and collector.vertical == vertical
        assert [repr(r) for r in collector.horizontal + collector.vertical] == [
            repr(r) for r in horizontal + vertical]  # the same floats, not only equal ones
