"""The PDF loader: text in reading order, table rows rebuilt from the layout, scans and bad files."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from giklint.document import Location
from giklint.errors import InputError
from giklint.loaders.pdf import NO_TEXT_LAYER, PDF, load_pdf

FORMATS = EXAMPLES / "formats"


def rows(document):
    return [[cell.text for cell in line.cells] for line in document.lines if line.cells]


def run_giklint(*args):
    return subprocess.run([sys.executable, "-m", "giklint", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def report():
    return load_pdf((FORMATS / "report-2021.pdf").read_bytes(), "report-2021.pdf")


def new_pdf():
    """A PDF with a core font (no CJK font needed), for layouts written in the tests."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("helvetica", size=10)
    pdf.set_auto_page_break(False)
    return pdf


def pdf_bytes(pdf) -> bytes:
    return bytes(pdf.output())


def test_text_in_reading_order_with_page_and_line(report):
    first = report.lines[0]
    assert first.text == "江屿市云溪区市场监督管理局2021年政府信息公开工作年度报告"
    assert first.location == Location(page=1, line=1, column=1)
    headings = [line for line in report.lines if re.match(r"^[一二三四五六]、", line.text) and not line.cells]
    assert [h.text[:2] for h in headings] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert [h.location.page for h in headings] == [1, 1, 3, 3, 4, 4]
    for earlier, later in zip(report.lines, report.lines[1:]):
        assert (earlier.location.page, earlier.location.line) < (later.location.page, later.location.line)
    assert report.notices == []


def test_running_page_numbers_are_dropped(report):
    assert not any(re.fullmatch(r"-\s*\d+\s*-", line.text) for line in report.lines)
    assert report.lines[-1].text == "2022年1月18日"


def test_ruled_table_rows_keep_wrapped_labels_and_their_numbers_together(report):
    table = rows(report)
    assert ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2", "1", "0", "0", "0", "0", "3"] in table
    assert ["", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1", "0", "0", "0", "0", "0", "1"] in table
    assert ["三、本年度办理结果", "（一）予以公开", "7", "1", "0", "1", "1", "0", "10"] in table  # merged down
    assert ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3 in table  # "结果\n维持" joined


def test_a_table_continued_on_the_next_page(report):
    pages = {line.location.page for line in report.lines if line.cells and line.cells[0].text in ("规章", "行政许可")}
    assert pages == {1, 2}
    assert ["行政许可", "1286"] in rows(report)


def test_cell_locations_are_page_line_and_column(report):
    row = next(line for line in report.lines if line.cells and line.cells[0].text == "一、本年新收政府信息公开申请数量")
    label, first_number = row.cells[0].location, row.cells[1].location
    assert label.page == first_number.page == 3
    assert label.line == first_number.line and label.column == 1
    assert first_number.column == len("一、本年新收政府信息公开申请数量") + 1
    assert row.location == label


def test_borderless_table_rows_are_rebuilt_from_gaps():
    document = load_pdf((FORMATS / "report-2021-borderless.pdf").read_bytes(), "borderless.pdf")
    table = rows(document)
    assert ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2", "1", "0", "0", "0", "0", "3"] in table
    assert ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1", "0", "0", "0", "0", "0", "1"] in table
    assert ["行政规范性文件", "3", "1", "12"] in table
    assert "第二十条第（六）项" in [line.text for line in document.lines]  # a caption is not glued to a row


def test_wrapped_label_in_a_borderless_table_written_here():
    pdf = new_pdf()
    pdf.add_page()
    pdf.text(20, 30, "Table 3")
    for y, label, numbers in ((50, "1. Applications received", "12   3   15"),
                              (60, "2. Applications carried over from", "2   0   2"),
                              (65, "the year before", ""),
                              (75, "3. Total", "14   3   17")):
        pdf.text(20, y, label)
        if numbers:
            for i, number in enumerate(numbers.split()):
                pdf.text(120 + 20 * i, y, number)
    pdf.set_font("helvetica", size=9)
    pdf.text(100, 290, "- 1 -")
    document = load_pdf(pdf_bytes(pdf), "written.pdf")
    assert rows(document) == [
        ["1. Applications received", "12", "3", "15"],
        ["2. Applications carried over from the year before", "2", "0", "2"],
        ["3. Total", "14", "3", "17"],
    ]
    assert [line.text for line in document.lines if not line.cells] == ["Table 3"]


def test_a_numbered_row_with_blank_cells_under_a_borderless_row_stays_its_own_line():
    """A row whose cells are all blank prints only its numbered label: that is no wrapped label."""
    pdf = new_pdf()
    pdf.add_page()
    for y, label, numbers in ((50, "1. State secrets", "14"), (56, "2. Prohibited by law", ""),
                              (62, "3. Third parties", ""), (68, "4. Internal affairs", "5")):
        pdf.text(20, y, label)
        if numbers:
            pdf.text(120, y, numbers)
    document = load_pdf(pdf_bytes(pdf), "written.pdf")
    assert rows(document) == [["1. State secrets", "14"], ["4. Internal affairs", "5"]]
    assert [line.text for line in document.lines if not line.cells] == ["2. Prohibited by law", "3. Third parties"]


@pytest.mark.parametrize("footer", ["- 3 -", "3", "Page 3 of 9", "3/9"])
def test_page_number_styles_in_the_margin_are_dropped(footer):
    pdf = new_pdf()
    pdf.add_page()
    pdf.text(20, 30, "Body text 2021.")
    pdf.text(20, 200, "7")  # a lone number in the body stays
    pdf.text(100, 288, footer)
    document = load_pdf(pdf_bytes(pdf), "numbers.pdf")
    assert [line.text for line in document.lines] == ["Body text 2021.", "7"]


def test_a_scan_loads_with_a_no_text_layer_notice(monkeypatch):
    """Without OCR (``--ocr never``; OCR itself: tests/test_loader_ocr.py), with the reason why."""
    monkeypatch.setenv("GIKLINT_OCR", "never")
    document = load_pdf((FORMATS / "scanned.pdf").read_bytes(), "scanned.pdf")
    assert document.notices == [NO_TEXT_LAYER + ":ocr-off"] and document.lines == []
    proc = run_giklint("parse", "--ocr", "never", str(FORMATS / "scanned.pdf"))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"]["notices"] == [NO_TEXT_LAYER + ":ocr-off"]


def test_scanned_pages_inside_a_text_pdf_are_named(monkeypatch):
    monkeypatch.setenv("GIKLINT_OCR", "never")
    from PIL import Image

    pdf = new_pdf()
    pdf.add_page()
    pdf.text(20, 30, "A page with its text layer, long enough to count as text.")
    pdf.add_page()
    image = io.BytesIO()
    Image.new("L", (200, 280), 200).save(image, format="PNG")
    pdf.image(image, x=0, y=0, w=210, h=297)
    document = load_pdf(pdf_bytes(pdf), "mixed.pdf")
    assert document.notices == ["image-only-pages:2;ocr-off"]


@pytest.mark.parametrize("name, reason", [
    ("encrypted.pdf", "PDF已加密"),
    ("truncated.pdf", "PDF文件不完整"),
    ("html-named.pdf", "文件内容是HTML格式"),
])
def test_bad_pdf_files_exit_2_with_a_message_naming_the_file(name, reason):
    proc = run_giklint("parse", str(FORMATS / name))
    assert proc.returncode == 2
    assert name in proc.stderr and reason in proc.stderr and "Traceback" not in proc.stderr


def test_corrupt_and_empty_pdfs_are_input_errors():
    with pytest.raises(InputError, match="已损坏"):
        load_pdf(b"%PDF-1.7\n garbage garbage\n%%EOF\n", "corrupt.pdf")
    with pytest.raises(InputError, match="文件为空"):
        load_pdf(b"", "empty.pdf")


def test_sniffer():
    assert PDF.sniff(b"%PDF-1.7\n") and PDF.sniff(b"\r\n%PDF-1.4")
    assert not PDF.sniff(b"<!DOCTYPE html>")


def test_a_table_drawn_inside_a_scaled_form_xobject(report):
    """Some producers wrap each page's content in a form XObject; its borders still make the grid."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument((FORMATS / "report-2021.pdf").read_bytes())
    target = pdfium.PdfDocument.new()
    page = target.new_page(*source[2].get_size())
    wrapped = source.page_as_xobject(2, target).as_pageobject()
    wrapped.transform(pdfium.PdfMatrix().scale(0.8, 0.8).translate(30, 40))
    page.insert_obj(wrapped)
    page.gen_content()
    buffer = io.BytesIO()
    target.save(buffer)
    document = load_pdf(buffer.getvalue(), "wrapped.pdf")
    assert rows(document) == [[c.text for c in line.cells] for line in report.lines
                              if line.cells and line.location.page == 3]


def ruled_row(pdf, top: float, height: float, xs, missing=()) -> None:
    """The borders of one table row: its top and bottom, and a vertical rule at each x of ``xs``
    except the ``missing`` ones."""
    pdf.set_line_width(0.2)
    pdf.line(xs[0], top, xs[-1], top)
    pdf.line(xs[0], top + height, xs[-1], top + height)
    for x in xs:
        if x not in missing:
            pdf.line(x, top, x, top + height)


def test_a_group_label_centred_beside_a_wrapped_sub_label_in_one_drawn_cell_stays_whole():
    """The rule between a group label and its sub-label is missing: the group label, printed in the
    middle of its rows, shares the cell's lines with the wrapped sub-label; read line by line it
    would land inside the sub-label ("2. Fee not paid, 6. Other handling the agency stops")."""
    pdf = new_pdf()
    pdf.add_page()
    ruled_row(pdf, 40, 20, [20, 60, 130, 150, 170], missing=(60,))
    pdf.text(22, 51, "6. Other handling")
    pdf.text(62, 46, "2. Fee not paid,")
    pdf.text(62, 56, "the agency stops")
    pdf.text(138, 46, "0")
    pdf.text(158, 46, "7")
    document = load_pdf(pdf_bytes(pdf), "written.pdf")
    assert rows(document) == [["6. Other handling 2. Fee not paid, the agency stops", "0", "7"]]


def sub_label_rows(pdf, rows, missing_left_of: int = -1):
    """Ruled rows of a sub-label and a number from y=40 mm, 8 mm high, right of a group label
    column from 20 to 60 mm (drawn by the caller); the rule left of row ``missing_left_of`` left out."""
    xs = [20, 60, 130, 150]
    for index, (label, number) in enumerate(rows):
        top = 40 + 8 * index
        pdf.line(xs[1], top, xs[-1], top)
        pdf.line(xs[1], top + 8, xs[-1], top + 8)
        for x in xs[1 if index != missing_left_of else 2:]:
            pdf.line(x, top, x, top + 8)
        pdf.text(62, top + 5.5, label)
        pdf.text(138, top + 5.5, number)
    return xs


def test_a_merged_label_joined_to_a_cell_beside_it_by_a_missing_rule_segment_is_parted():
    """A merged cell is a rectangle: a label merged down (printed in its middle row) joined to the
    sub-label cell of its last row by a missing segment is two cells, and that row keeps its label."""
    pdf = new_pdf()
    pdf.add_page()
    xs = sub_label_rows(pdf, (("1. Secret", "0"), ("2. By law", "4"), ("3. Security", "2")), missing_left_of=2)
    pdf.line(xs[0], 40, xs[1], 40)
    pdf.line(xs[0], 64, xs[1], 64)
    pdf.line(xs[0], 40, xs[0], 64)
    pdf.text(22, 53.5, "Withheld")
    document = load_pdf(pdf_bytes(pdf), "written.pdf")
    assert rows(document) == [
        ["Withheld", "1. Secret", "0"], ["", "2. By law", "4"], ["", "3. Security", "2"]]


def test_a_number_a_narrow_gap_after_a_borderless_label_is_a_cell_of_its_own():
    """The label is wrapped and its first line ends close to the first number (a narrow column):
    the text layer's words say where the label ends, and its next line joins the label, not the number."""
    pdf = new_pdf()
    pdf.add_page()
    label = "5. Confirm information already"
    pdf.text(20, 50, label)
    end = 20 + pdf.get_string_width(label)
    for x, number in ((end + 2.4, "0"), (end + 20, "3"), (end + 40, "3")):
        pdf.text(x, 50, number)
    pdf.text(20, 55, "obtained")
    document = load_pdf(pdf_bytes(pdf), "written.pdf")
    assert rows(document) == [["5. Confirm information already obtained", "0", "3", "3"]]


def test_the_next_lines_of_two_wrapped_borderless_labels_join_the_label_above_each():
    pdf = new_pdf()
    pdf.add_page()
    for x, text in ((20, "6. Other"), (60, "1. Overdue correction,"), (150, "1"), (170, "1")):
        pdf.text(x, 50, text)
    pdf.text(20, 55, "handling")
    pdf.text(60, 55, "the agency stops")
    document = load_pdf(pdf_bytes(pdf), "written.pdf")
    assert rows(document) == [["6. Other handling", "1. Overdue correction, the agency stops", "1", "1"]]


def test_a_group_label_joined_to_its_last_sub_label_and_the_total_below_is_read_row_band_by_band():
    """Two segments missing: left of "3. Other", and above "7. Total" (merged across the label
    columns) under the group label merged down over three rows. Each row band starts a numbered
    label: each band is its row's cell (no blank cell added beside "3. Other" or "7. Total")."""
    pdf = new_pdf()
    pdf.add_page()
    xs = sub_label_rows(pdf, (("1. Overdue", "1"), ("2. Fee", "2"), ("3. Other", "3")), missing_left_of=2)
    pdf.line(xs[0], 40, xs[0], 72)
    pdf.line(xs[0], 40, xs[1], 40)
    pdf.line(xs[1], 64, xs[-1], 64)  # not under the group label: the segment from 20 to 60 is missing
    pdf.line(xs[0], 72, xs[-1], 72)
    pdf.line(xs[3], 64, xs[3], 72)
    pdf.text(22, 53.5, "6. Other handling")
    pdf.text(22, 69.5, "7. Total")
    pdf.text(138, 69.5, "6")
    document = load_pdf(pdf_bytes(pdf), "written.pdf")
    assert rows(document) == [
        ["", "1. Overdue", "1"], ["6. Other handling", "2. Fee", "2"], ["3. Other", "3"], ["7. Total", "6"]]


def test_a_wrapped_group_label_beside_two_sub_labels_in_one_drawn_cell_is_read_per_row():
    """The rules between the label columns and between the two sub-label rows are missing: one drawn
    cell over two rows holds "3. Not" / "disclosed" beside "1. Secret" over "2. By law". The numbered
    sub-labels are cut at the row border, the group label stays whole in its top row."""
    pdf = new_pdf()
    pdf.add_page()
    for x in (20, 130, 150):
        pdf.line(x, 40, x, 56)
    for y in (40, 56):
        pdf.line(20, y, 150, y)
    pdf.line(130, 48, 150, 48)  # the row border only between the numbers
    for x, y, text in ((22, 45.5, "3. Not"), (22, 53.5, "disclosed"), (62, 45.5, "1. Secret"), (62, 53.5, "2. By law"),
                       (138, 45.5, "0"), (138, 53.5, "4")):
        pdf.text(x, y, text)
    document = load_pdf(pdf_bytes(pdf), "written.pdf")
    assert rows(document) == [["3. Not disclosed 1. Secret", "0"], ["2. By law", "4"]]
