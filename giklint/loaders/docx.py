"""Word (.docx): body paragraphs and tables in document order, merged cells read once.

The package is read with zipfile and lxml directly (python-docx costs 150 ms to import and hides the
merge markup we need). Paragraph text is the text of its runs (deleted revisions, field codes,
hidden text and text boxes left out); a line break inside a paragraph starts a new line. Headers
and footers are not the report's text and are not read.

Tables: one Line per row with one Cell per ``<w:tc>``. A horizontally merged cell (``gridSpan``) is one
``<w:tc>`` and so appears once; a vertically merged cell (``vMerge``) keeps its text in its first row,
and its continuation cells in later rows come out as "" so each row keeps its grid positions.
A table of one column is a frame around text and is read as paragraphs.

Locations: ``Location(paragraph=n)`` where n counts the body's non-empty paragraphs, 1-based, as a
reader counts them on the page; ``Location(table=t, row=r, cell=c)`` with the body's tables, the
table's rows and the row's cells counted 1-based.
"""
from __future__ import annotations

import posixpath
from typing import Iterator, List, Optional

from giklint.document import Cell, Document, Line, Location
from giklint.errors import InputError
from giklint.loaders import LoaderSpec
from giklint.loaders._common import join_wrapped, require_data, table_row

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
OFFICE_DOCUMENT = "/officeDocument"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
SKIPPED = {W + "delText", W + "instrText", W + "txbxContent", W + "footnoteReference", MC_FALLBACK,
           W + "rPr", W + "pPr"}


def sniff_docx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and b"word/document.xml" in data


def main_part(package, path: str) -> str:
    """The name of the main document part, from the package relationships (word/document.xml)."""
    from lxml import etree

    try:
        rels = etree.fromstring(read_part(package, "_rels/.rels", path))
        for rel in rels:
            if str(rel.get("Type", "")).endswith(OFFICE_DOCUMENT):
                return posixpath.normpath(rel.get("Target", "").lstrip("/"))
    except KeyError:
        pass
    except etree.XMLSyntaxError:
        raise InputError(path, "Word文件已损坏（_rels/.rels 无法解析）") from None
    return "word/document.xml"


def read_part(package, name: str, path: str) -> bytes:
    """One part of the package, its declared size checked first: a zip bomb is refused, not inflated."""
    from giklint.limits import current, exceeded

    limit = current().max_part_bytes
    info = package.getinfo(name)
    if info.file_size > limit:
        raise exceeded(path, f"Word部件{name}解压后的大小", limit, "max_part_bytes")
    with package.open(info) as handle:
        data = handle.read(limit + 1)  # zipfile stops at the declared size; the cap is a second guard
    if len(data) > limit:
        raise exceeded(path, f"Word部件{name}解压后的大小", limit, "max_part_bytes")
    return data


def read_body(data: bytes, path: str):
    import io
    import zipfile

    from lxml import etree

    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in data:
            raise InputError(path, "Word文件已加密（设有打开密码），无法读取")
        raise InputError(path, "是旧版Word（.doc）格式，不是.docx；请在Word中另存为.docx后再检查")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            name = main_part(package, path)
            xml = read_part(package, name, path)
    except zipfile.BadZipFile:
        raise InputError(path, "Word文件已损坏或不完整（不是有效的.docx压缩包）") from None
    except KeyError:
        raise InputError(path, "不是Word文档（缺少正文部件word/document.xml）") from None
    except (zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as exc:
        raise InputError(path, f"Word文件已损坏或不完整（{exc}）") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"Word文件已损坏（正文XML无法解析：{exc}）") from None
    body = root.find(W + "body")
    if body is None:
        raise InputError(path, "不是Word文档（正文部件中没有w:body）")
    _check_size(body, path)
    return body


def _check_size(body, path: str) -> None:
    """Refuse a body of millions of tiny elements (a small file that unpacks to hours of work)."""
    from giklint.limits import current, exceeded

    limits = current()
    elements = paragraphs = 0
    for element in body.iter():
        elements += 1
        if element.tag == W + "p" or element.tag == W + "tr":
            paragraphs += 1
    if elements > limits.max_xml_elements:
        raise exceeded(path, "Word正文的XML元素数", limits.max_xml_elements, "max_xml_elements")
    if paragraphs > limits.max_lines:
        raise exceeded(path, "Word正文的段落和表格行数", limits.max_lines, "max_lines")


def is_hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val") not in ("0", "false")


def paragraph_lines(paragraph) -> List[str]:
    """The paragraph's text, split where it has line breaks."""
    lines = [""]
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag in SKIPPED or not isinstance(tag, str):
            continue
        if tag == W + "t":
            lines[-1] += node.text or ""
        elif tag == W + "tab":
            lines[-1] += "\t"
        elif tag in (W + "br", W + "cr"):
            if node.get(W + "type") not in ("page", "column"):
                lines.append("")
        elif tag == W + "noBreakHyphen":
            lines[-1] += "-"
        elif tag == W + "r" and is_hidden(node):
            continue
        else:
            stack.extend(reversed(node))
    return [line.strip() for line in lines]


def block_items(container) -> Iterator:
    """Paragraphs and tables of a body or cell, in order, through content controls and custom XML."""
    for child in container:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in (W + "sdt", W + "customXml", W + "sdtContent"):
            yield from block_items(child.find(W + "sdtContent") if child.tag == W + "sdt" else child)


def row_cells(row) -> Iterator:
    for child in row:
        if child.tag == W + "tc":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from row_cells(content)


def cell_text(cell) -> str:
    pieces: List[str] = []
    for item in block_items(cell):
        if item.tag == W + "p":
            pieces.extend(paragraph_lines(item))
        else:  # a table inside a cell: its text, row by row
            for row in item.iter(W + "tr"):
                pieces.append(" ".join(cell_text(c) for c in row_cells(row)))
    return join_wrapped(pieces)


def merge_state(cell, name: str) -> Optional[str]:
    """"restart", "continue" or None for the cell's vMerge/hMerge."""
    mark = cell.find(f"{W}tcPr/{W}{name}")
    if mark is None:
        return None
    return "restart" if mark.get(W + "val") == "restart" else "continue"


def property_int(element, path: str, default: int) -> int:
    found = element.find(path)
    try:
        return int(found.get(W + "val")) if found is not None else default
    except (TypeError, ValueError):
        return default


class BodyReader:
    def __init__(self) -> None:
        self.lines: List[Line] = []
        self.paragraphs = 0
        self.tables = 0

    def paragraph(self, paragraph) -> None:
        texts = [text for text in paragraph_lines(paragraph) if text]
        if not texts:
            return
        self.paragraphs += 1
        self.lines.extend(Line(text, Location(paragraph=self.paragraphs)) for text in texts)

    def table(self, table) -> None:
        self.tables += 1
        number = self.tables
        rows = [row for row in table if row.tag == W + "tr"]
        if all(sum(1 for _ in row_cells(row)) <= 1 for row in rows):
            self.frame(rows, number)
            return
        for r, row in enumerate(rows, start=1):
            cells: List[Cell] = []
            for _ in range(property_int(row, f"{W}trPr/{W}gridBefore", 0)):
                cells.append(Cell("", Location(table=number, row=r)))
            for c, cell in enumerate(row_cells(row), start=1):
                if merge_state(cell, "hMerge") == "continue":
                    continue  # the old-style horizontal merge: the first cell holds the text
                location = Location(table=number, row=r, cell=c)
                text = "" if merge_state(cell, "vMerge") == "continue" else cell_text(cell)
                cells.append(Cell(text, location))
            line = table_row(cells, Location(table=number, row=r))
            if line is not None:
                self.lines.append(line)

    def frame(self, rows: List, number: int) -> None:
        """A one-column table (a frame around text or around the real table): read what it holds."""
        for r, row in enumerate(rows, start=1):
            for cell in row_cells(row):
                for item in block_items(cell):
                    if item.tag == W + "p":
                        location = Location(table=number, row=r, cell=1)
                        self.lines.extend(Line(t, location) for t in paragraph_lines(item) if t)
                    else:
                        self.table(item)

    def read(self, container) -> None:
        for item in block_items(container):
            if item.tag == W + "p":
                self.paragraph(item)
            else:
                self.table(item)


def load_docx(data: bytes, path: str) -> Document:
    require_data(data, path)
    reader = BodyReader()
    reader.read(read_body(data, path))
    return Document(path=path, format="docx", lines=reader.lines, encoding=None)


DOCX = LoaderSpec("docx", (".docx", ".docm"), load_docx, sniff_docx, "Word文档（.docx）")
