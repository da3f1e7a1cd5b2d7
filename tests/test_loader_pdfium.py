"""giklint's own binding of PDFium (giklint/loaders/_pdfium.py) reads what pypdfium2 reads: its
prototypes are pypdfium2's, its document, page and text helpers give pypdfium2's results and errors,
its calls without ctypes' argument conversion give the bindings' values; it loads the library that
pypdfium2 ships without importing pypdfium2, and falls back to pypdfium2 where that file is missing.
The loader's shortcuts for upright boxes keep the strokes' order."""
from __future__ import annotations

import ctypes
import random
import subprocess
import sys
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


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

    from giklint.loaders._pdfium import calls, library

    handle = page.raw
    count = raw.FPDFPage_CountObjects(handle)
    paths = 0
    fill, stroke, fill2, stroke2 = (ctypes.c_int() for _ in range(4))
    ours = [ctypes.c_float() for _ in range(4)]
    theirs = [ctypes.c_float() for _ in range(4)]
    for index in range(count):
        obj = calls().page_object(handle, index)
        assert isinstance(obj, library().FPDFPage_GetObject.restype)  # a handle, not an int cut to 32 bits
        assert ctypes.cast(obj, ctypes.c_void_p).value == ctypes.cast(
            raw.FPDFPage_GetObject(handle, index), ctypes.c_void_p).value
        obj = raw.FPDFPage_GetObject(handle, index)  # (pypdfium2's functions take only their own handles)
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


def _kind(ctype) -> tuple:
    """What a C type is to a call: its size, and whether a pointer, a float or a signed integer."""
    if ctype is None:
        return ("void",)
    pointer = ctype is ctypes.c_void_p or ctype is ctypes.c_char_p or hasattr(ctype, "contents")
    if pointer:
        return ("pointer",)
    floating = ctype in (ctypes.c_float, ctypes.c_double)
    signed = floating or ctype(-1).value == -1
    return (ctypes.sizeof(ctype), floating, signed)


def test_each_function_is_declared_as_pypdfium2_declares_it():
    import pypdfium2.raw as raw

    from giklint.loaders._pdfium import FPDF_LIBRARY_CONFIG, FS_MATRIX, FS_RECTF, PROTOTYPES, library

    assert len(PROTOTYPES) >= 25
    for name, (restype, argtypes) in PROTOTYPES.items():
        theirs = getattr(raw, name)
        assert _kind(restype) == _kind(theirs.restype), name
        assert [_kind(t) for t in argtypes] == [_kind(t) for t in theirs.argtypes], name
        assert getattr(library(), name).restype is restype
    for ours, theirs in ((FS_RECTF, raw.FS_RECTF), (FS_MATRIX, raw.FS_MATRIX),
                         (FPDF_LIBRARY_CONFIG, raw.FPDF_LIBRARY_CONFIG)):
        assert [field[0] for field in ours._fields_] == [field[0] for field in theirs._fields_]
        assert ctypes.sizeof(ours) == ctypes.sizeof(theirs)
    for constant in ("FPDF_PAGEOBJ_PATH", "FPDF_PAGEOBJ_IMAGE", "FPDF_PAGEOBJ_FORM", "FPDF_SEGMENT_LINETO",
                     "FPDF_SEGMENT_MOVETO"):
        assert getattr(library(), constant) == getattr(raw, constant)


def example_pdfs():
    return sorted(EXAMPLES.rglob("*.pdf"))


def test_documents_pages_sizes_and_text_are_pypdfium2s():
    from giklint.loaders._pdfium import Document, PdfiumError

    assert len(example_pdfs()) >= 5
    pages = 0
    for path in example_pdfs() + [None]:
        data = path.read_bytes() if path else drawn_pdf()
        try:
            theirs = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:  # the examples of unreadable files
            with pytest.raises(PdfiumError) as ours:
                Document(data)
            assert ours.value.err_code == exc.err_code
            continue
        ours = Document(data)
        assert len(ours) == len(theirs) >= 1
        pages += len(ours)
        for index in range(len(ours)):
            page, their_page = ours[index], theirs[index]
            assert (page.get_width(), page.get_height()) == their_page.get_size()
            textpage, their_textpage = page.get_textpage(), their_page.get_textpage()
            text = textpage.get_text_range()
            assert text == their_textpage.get_text_range()
            assert len(text) == their_textpage.count_chars()
            textpage.close()
            their_textpage.close()
            page.close()
            their_page.close()
        ours.close()
        theirs.close()
    assert pages >= 10


def test_a_document_that_does_not_load_gives_pypdfium2s_error_code():
    from fpdf import FPDF

    from giklint.loaders._pdfium import Document, PdfiumError

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "locked")
    pdf.set_encryption(owner_password="owner", user_password="user")
    locked = bytes(pdf.output())
    whole = (EXAMPLES / "formats" / "report-2021.pdf").read_bytes()
    no_pages = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    codes = []
    for data in (locked, whole[: len(whole) // 3], b"%PDF-1.4\n" + bytes(range(256)) * 8, no_pages):
        with pytest.raises(PdfiumError) as ours:
            Document(data)
        with pytest.raises(pdfium.PdfiumError) as theirs:
            pdfium.PdfDocument(data)
        assert ours.value.err_code == theirs.value.err_code
        codes.append(ours.value.err_code)
    assert codes[0] == 4  # FPDF_ERR_PASSWORD: the loader's message asks for the password


def test_the_library_is_read_without_importing_pypdfium2():
    """The start-up cost of ``import pypdfium2`` (its generated bindings) is not paid to read a PDF."""
    script = ("import sys\nfrom giklint.loaders.pdf import read_pdf\n"
              "document = read_pdf(open(sys.argv[1], 'rb').read(), 'report.pdf')\n"
              "print(len(document.lines), sorted(m for m in ('pypdfium2', 'pypdfium2_raw') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script, str(EXAMPLES / "formats" / "report-2021.pdf")],
                          capture_output=True, text=True)
    count, imported = done.stdout.split(" ", 1)
    assert int(count) > 50 and imported.strip() == "[]", done.stderr


def test_without_the_library_file_pypdfium2_reads_the_same(monkeypatch):
    import giklint.loaders._pdfium as binding
    from giklint.loaders.pdf import read_pdf

    data = (EXAMPLES / "formats" / "report-2021.pdf").read_bytes()
    expected = read_pdf(data, "report.pdf")
    assert type(binding.library()) is binding.Binding
    monkeypatch.setattr(binding, "library_file", lambda: None)
    monkeypatch.setattr(binding, "_library", None)
    monkeypatch.setattr(binding, "_calls", None)
    import pypdfium2.raw as raw

    assert binding.library() is raw
    assert read_pdf(data, "report.pdf") == expected


SMP_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")  # has 𝐴 (U+1D434): a UTF-16 pair


def tricky_text_pdf(cjk_font: str) -> bytes:
    """Chinese, characters outside the BMP, ligature characters, runs of spaces, wrapped and rotated text."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.add_font("cjk", fname=cjk_font, collection_font_number=0)
    pdf.add_font("serif", fname=str(SMP_FONT))
    for page in range(2):
        pdf.add_page()
        pdf.set_font("cjk", size=11)
        pdf.text(15, 20, "政府信息公开工作年度报告（一）  主动公开  123  45.6%")
        pdf.set_font("serif", size=10)
        if page == 0:  # the second page stays in the BMP: its text is read in one call
            pdf.text(15, 32, "math \U0001d434\U0001d435 x = 3")
        pdf.text(15, 44, "liga \ufb01nd \ufb02ow   wide    gaps")
        pdf.set_xy(15, 50)
        pdf.multi_cell(80, 5, "wrapped words " * 8)
        with pdf.rotation(90, x=150, y=200):
            pdf.set_font("cjk", size=10)
            pdf.text(150, 200, "旋转的文字 42")
    return bytes(pdf.output())


def test_the_page_text_read_in_one_call_gives_the_characters_read_one_by_one():
    """``page_chars`` reads a page's text with one ``FPDFText_GetText`` call where it has as many
    UTF-16 units as PDFium counts characters: its characters are then exactly those that
    ``FPDFText_GetUnicode`` gives one by one (made-up spaces and line breaks included); a page with
    characters outside the BMP (two units, two PDFium characters each) is read one by one."""
    from _layouts import cjk_font

    from giklint.loaders._pdfium import Document, calls, library
    from giklint.loaders.pdf import page_chars

    font = cjk_font()
    if font is None or not SMP_FONT.exists():
        pytest.skip("needs a CJK font (fonts-wqy-zenhei, installed by .ci/run) and DejaVu Serif")
    binding, bare = library(), calls()
    document = Document(tricky_text_pdf(font))
    one_call = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        handle = textpage.raw
        count = binding.FPDFText_CountChars(handle)
        units = "".join(chr(binding.FPDFText_GetUnicode(handle, i)) for i in range(count))
        text = textpage.get_text_range()
        one_call.append(len(text) == count)
        if one_call[-1]:
            assert text == units
        else:
            assert any("\ud800" <= unit <= "\udfff" for unit in units)
        expected = []
        for i, char in enumerate(units):
            if char.isspace():
                if char in "\r\n" or bare.is_generated(handle, i):
                    continue
                char = " "
            expected.append(char)
        assert [char.text for char in page_chars(textpage)] == expected
        assert "旋" in expected and " " in expected  # (PDFium gives a ligature as its letters)
        textpage.close()
        page.close()
    document.close()
    assert one_call == [False, True]
