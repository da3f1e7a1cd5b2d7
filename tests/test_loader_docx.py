"""The Word loader: paragraphs and real tables in document order, merged cells read once."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from conftest import EXAMPLES
from giklint.document import Location
from giklint.errors import InputError
from giklint.loaders.docx import DOCX, load_docx

FORMATS = EXAMPLES / "formats"
HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")


def docx_bytes(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rows(document):
    return [[cell.text for cell in line.cells] for line in document.lines if line.cells]


def test_paragraphs_and_tables_in_document_order():
    def build(document):
        document.sections[0].header.paragraphs[0].text = "页眉：某某局"
        document.sections[0].footer.paragraphs[0].text = "第 1 页"
        title = document.add_paragraph()
        title.add_run("某局2021年")
        title.add_run("政府信息公开工作").bold = True
        title.add_run("年度报告")
        document.add_paragraph("")  # empty paragraphs are not counted
        document.add_paragraph("一、总体情况")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "行政许可", "12"
        table.cell(1, 0).text, table.cell(1, 1).text = "行政处罚", "3"
        signature = document.add_paragraph("某局")
        signature.add_run().add_break()
        signature.add_run("2022年1月18日")

    document = load_docx(docx_bytes(build), "report.docx")
    assert [(line.text, line.location) for line in document.lines] == [
        ("某局2021年政府信息公开工作年度报告", Location(paragraph=1)),
        ("一、总体情况", Location(paragraph=2)),
        ("行政许可\t12", Location(table=1, row=1)),
        ("行政处罚\t3", Location(table=1, row=2)),
        ("某局", Location(paragraph=3)),
        ("2022年1月18日", Location(paragraph=3)),  # a line break inside the paragraph
    ]
    assert document.lines[3].cells[1].location == Location(table=1, row=2, cell=2)
    assert "页眉" not in document.text and "第 1 页" not in document.text


def test_merged_cells_appear_once_and_keep_their_grid_position():
    def build(document):
        table = document.add_table(rows=3, cols=4)
        table.cell(0, 0).merge(table.cell(2, 0)).text = "三、本年度办理结果"  # merged down three rows
        table.cell(0, 1).merge(table.cell(0, 2)).text = "（一）予以公开"  # merged across two columns
        table.cell(0, 3).text = "7"
        table.cell(1, 1).merge(table.cell(2, 1)).text = "（三）不予公开"
        table.cell(1, 2).text, table.cell(1, 3).text = "1.属于国家秘密", "0"
        table.cell(2, 2).text, table.cell(2, 3).text = "2.其他法律行政法规禁止公开", "1"

    document = load_docx(docx_bytes(build), "merged.docx")
    assert rows(document) == [
        ["三、本年度办理结果", "（一）予以公开", "7"],
        ["", "（三）不予公开", "1.属于国家秘密", "0"],
        ["", "", "2.其他法律行政法规禁止公开", "1"],
    ]
    assert [c.location for c in document.lines[2].cells] == [
        Location(table=1, row=3, cell=n) for n in (1, 2, 3, 4)]


def test_the_example_report_tables_match_the_official_layout():
    document = load_docx((FORMATS / "report-2021.docx").read_bytes(), "report-2021.docx")
    table = rows(document)
    assert table[14] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]
    assert table[15] == ["", "自然人", "法人或其他组织", "总计"]
    assert ["", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1", "0", "0", "0", "0", "0", "1"] in table
    # the statistics period is split over runs in the file
    assert "统计期限自2021年1月1日起至2021年12月31日止" in document.text


def test_blank_official_template_gives_six_headings_three_tables_and_no_values():
    document = load_docx((FORMATS / "blank-template.docx").read_bytes(), "blank-template.docx")
    texts = [line.text for line in document.lines if not line.cells]
    assert [t for t in texts if t in HEADINGS] == list(HEADINGS)
    assert "（文字描述）" in texts
    tables = {line.location.table for line in document.lines if line.cells}
    assert tables == {1, 2, 3}
    numbers = [cell.text for line in document.lines if line.cells for cell in line.cells if cell.text.isdigit()]
    assert numbers == []
    review_values = [line for line in document.lines if line.cells and line.location.table == 3][-1]
    assert [cell.text for cell in review_values.cells] == [""] * 15  # the row still to be filled in


def test_blank_official_template_parses_to_six_parts_and_null_cells():
    from giklint.api import parse

    model = parse(FORMATS / "blank-template.docx")
    assert [part["number"] for part in model["sections"]] == [1, 2, 3, 4, 5, 6]

    def values(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from values(value)
        else:
            yield node

    assert all(model["tables"][name] is not None for name in ("active_disclosure", "applications", "review_litigation"))
    assert set(values(model["tables"])) == {None}


def test_content_controls_and_deleted_text():
    body = ('<w:sdt><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>'
            '<w:p><w:r><w:t xml:space="preserve">保留</w:t></w:r><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>文字</w:t></w:r></w:p>')
    document = load_docx(minimal_docx(body), "controls.docx")
    assert [line.text for line in document.lines] == ["控件里的段落", "保留文字"]


def minimal_docx(body_xml: str) -> bytes:
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", f"<w:document {namespace}><w:body>{body_xml}</w:body></w:document>")
    return buffer.getvalue()


@pytest.mark.parametrize("data, reason", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧版Word（.doc）"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600, "已加密"),
    (b"PK\x03\x04 not really a zip word/document.xml", "已损坏或不完整"),
])
def test_bad_word_files_are_clear_input_errors(data, reason):
    with pytest.raises(InputError, match=reason):
        load_docx(data, "bad.docx")


def test_a_zip_without_a_document_part_is_not_a_word_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="不是Word文档"):
        load_docx(buffer.getvalue(), "sheet.docx")


def test_a_truncated_word_file_exits_2_naming_the_file(tmp_path):
    data = (FORMATS / "report-2021.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    proc = subprocess.run([sys.executable, "-m", "giklint", "parse", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "cut.docx" in proc.stderr and "损坏或不完整" in proc.stderr and "Traceback" not in proc.stderr


def test_sniffer():
    assert DOCX.sniff((FORMATS / "report-2021.docx").read_bytes())
    assert not DOCX.sniff(b"PK\x03\x04xl/workbook.xml") and not DOCX.sniff(b"%PDF-1.4")


def test_a_table_inside_a_one_cell_frame_is_still_a_table():
    def build(document):
        frame = document.add_table(rows=1, cols=1).cell(0, 0)
        frame.paragraphs[0].text = "表二"
        inner = frame.add_table(rows=1, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "行政许可", "12"

    document = load_docx(docx_bytes(build), "framed.docx")
    assert [(line.text, line.location) for line in document.lines] == [
        ("表二", Location(table=1, row=1, cell=1)),
        ("行政许可\t12", Location(table=2, row=1)),
    ]
