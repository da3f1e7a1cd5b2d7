"""Saved web pages: the report's article body, its tables cell by cell, and the page's publication date.

Steps: decode (BOM, then the charset the page declares, then detection — GBK pages are common); parse
with lxml; drop scripts, styles, navigation, headers, footers and hidden elements; find the article
body as the smallest element holding the report's part headings (or, failing that, most of the
page's non-link text); read it into lines — inline tags (``20<font>23年``) are joined, block tags and
``<br>`` end a line, a line break between CJK characters is dropped — and read each data ``<table>``
into rows with rowspan/colspan resolved: a merged cell appears once, and later rows of a vertically
merged cell get "" at its position. Tables that hold other tables are page layout, read as blocks.

Locations are the line and column of the text in the decoded source. lxml gives each element's
line; the column is found by searching the source for the text's first characters, so it is exact
for text written literally and falls back to the start of the element's tag when the text is
written with character references (``&#24180;``) — approximate, but on the right line.
"""
from __future__ import annotations

import bisect
import re
from typing import Dict, List, Optional, Tuple

from giklint import lazy_re
from giklint.document import Cell, Document, Line, Location
from giklint.encoding import decode
from giklint.errors import InputError
from giklint.loaders import LoaderSpec
from giklint.loaders._common import collapse_spaces, iso_date, join_wrapped, require_data, table_row

# not "form" (ASP.NET pages wrap the whole page in one) nor "header" (an article's own header holds its title)
JUNK_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
             "button", "select", "input", "textarea", "nav", "footer", "head", "map")
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 hgroup hr html li main menu ol p pre section summary table tbody td tfoot th "
    "thead tr ul".split())
CHROME = lazy_re.compile(r"share|print|bdshare|jiathis|fontsize|font-size|close|breadcrumb|crumb", re.I)
HIDDEN = lazy_re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
PART_HEADING = lazy_re.compile(r"^[一二三四五六][、.．]?(总体情况|主动公开政府信息|收到和处理|(政府信息公开)?(工作)?行政复议|"
                          r"(政府信息公开工作)?存在的主要问题|其他需要报告|其他需要说明|其他事项)")
CONTAINERS = frozenset("div section article main center body form table tbody thead tr td th font span".split())
TITLE_WORDS = lazy_re.compile(r"年度报告|工作报告|年报")
TITLE_CLASS = lazy_re.compile(r"title|(^|\s)bt(\s|$)|biaoti|headline", re.I)
CHARSET = lazy_re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
                     re.I)
XML_DECLARATION = lazy_re.compile(r"^\s*<\?xml[^>]*\?>")
PUBLISHED_LABEL = lazy_re.compile(r"(发布日期|发布时间|发表日期|公开日期|发文日期|发布于)\s*[:：]?\s*")
WRITTEN_LABEL = lazy_re.compile(r"(成文日期|成文时间)\s*[:：]?\s*")
PUBLISHED_META = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date",
                  "dcterms.issued", "publishtime")
SAFE_CHARS = lazy_re.compile(r"[\u4e00-\u9fffA-Za-z0-9，。、；：？！（）《》〔〕【】]{1,8}")
SEARCH_WINDOW = 200_000
SHORT_WINDOW = 2_000  # the window once searches that found nothing have scanned MISS_BUDGET times the page
MISS_BUDGET = 8


def sniff_html(data: bytes) -> bool:
    head = data[:2048]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.decode("utf-16", "ignore").encode("ascii", "ignore")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<!doctype html") or b"<html" in head[:1024]


def decode_page(data: bytes, path: str) -> Tuple[str, str]:
    """(text, encoding): BOM first, then the declared charset if the bytes fit it, then detection."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        match = CHARSET.search(data[:4096])
        if match:
            declared = (match.group(1) or match.group(2)).decode("ascii").lower()
            codec = "gb18030" if declared in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936") else declared
            try:
                return data.decode(codec), codec
            except (LookupError, UnicodeDecodeError):
                pass  # a page that says gb2312 but is UTF-8 (or the reverse): detect instead
    try:
        return decode(data)
    except UnicodeDecodeError:
        raise InputError(path, "无法识别网页的字符编码") from None


class Source:
    """The decoded page, mapping text back to (line, column) by searching forward from a cursor."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.cursor = 0
        self.missed = 0  # characters scanned by searches that found nothing

    def offset_of_line(self, line: Optional[int]) -> int:
        if not line:
            return 0
        return self.line_starts[min(line, len(self.line_starts)) - 1]

    def location_of(self, offset: int) -> Location:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return Location(line=index + 1, column=offset - self.line_starts[index] + 1)

    def find_text(self, text: str, line: Optional[int]) -> Optional[Location]:
        """Where ``text`` (stripped) starts, at or after the cursor and the owning element's line."""
        probe = SAFE_CHARS.match(text.strip())
        if not probe:
            return None
        start = max(self.cursor, self.offset_of_line(line))
        # every text node searching 200,000 characters for nothing is quadratic: past a budget, a short window
        window = SEARCH_WINDOW if self.missed < MISS_BUDGET * len(self.text) else SHORT_WINDOW
        end = start + window
        found = self.text.find(probe.group(0), start, end)
        while found >= 0 and self.text.rfind("<", 0, found) > self.text.rfind(">", 0, found):
            # inside a tag ("font-size:14px"): search on after the tag, not after the character (linear)
            tag_end = self.text.find(">", found, end)
            found = self.text.find(probe.group(0), tag_end + 1, end) if tag_end >= 0 else -1
        if found < 0:
            self.missed += min(end, len(self.text)) - start
            return None
        self.cursor = found + len(probe.group(0))
        return self.location_of(found)

    def tag_location(self, element, opening: str = "") -> Location:
        """The start of the element's tag on its line (or the line's start)."""
        line = element.sourceline or 1
        start = self.offset_of_line(line)
        found = self.text.find(opening or "<" + str(element.tag), start, start + 4000)
        return self.location_of(found if found >= 0 else start)


class Fragments:
    """Text pieces of the line being built, with the location of the first non-blank one."""

    def __init__(self) -> None:
        self.parts: List[str] = []
        self.location: Optional[Location] = None

    def add(self, text: str, location: Optional[Location]) -> None:
        self.parts.append(text)
        if self.location is None and text.strip() and location is not None:
            self.location = location

    def text(self) -> str:
        return collapse_spaces("".join(self.parts)).strip()


def is_junk(element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag in JUNK_TAGS or element.get("hidden") is not None:
        return True
    return bool(HIDDEN.search(element.get("style", "")))


def classes(element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


class PageReader:
    """Reads the article body of a parsed page into Lines."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.lines: List[Line] = []
        self.current = Fragments()

    # -- lines
    def flush(self, fallback: Optional[Location] = None) -> None:
        text = self.current.text()
        if text:
            self.lines.append(Line(text, self.current.location or fallback or Location()))
        self.current = Fragments()

    def add_text(self, text: Optional[str], owner, pre: bool) -> None:
        if not text:
            return
        if pre and "\n" in text:
            for index, piece in enumerate(text.split("\n")):
                if index:
                    self.flush(self.source.tag_location(owner))
                self.add_text(piece.replace(" ", "\u00a0"), owner, False)
            return
        location = self.source.find_text(text, owner.sourceline) if text.strip() else None
        if text.strip() and location is None:
            location = self.source.tag_location(owner)
        self.current.add(text, location)

    # -- walking
    def read(self, element, pre: bool = False, tail: bool = True) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag:  # comment or processing instruction: keep only our own directives
            text = element.text or ""
            if "giklint-" in text:  # inline suppression comments (docs/configuration.md) stay visible to the engine
                self.flush()
                self.lines.append(Line(f"<!--{text}-->", self.source.tag_location(element, "<!--")))
        elif not is_junk(element):
            self.read_element(element, tag, pre)
        if tail:
            self.add_text(element.tail, element, pre)

    def read_element(self, element, tag: str, pre: bool) -> None:
        block = tag in BLOCK_TAGS
        if tag == "table" and is_data_table(element):
            self.flush()
            self.read_table(element)
        elif tag == "br":
            self.flush(self.source.tag_location(element))
        else:
            if block:
                self.flush()
            self.add_text(element.text, element, pre or tag == "pre")
            for child in element:
                self.read(child, pre or tag == "pre")
            if block:
                self.flush(self.source.tag_location(element))

    def cell_text(self, cell) -> Tuple[str, Location]:
        saved_lines, saved_current = self.lines, self.current
        self.lines, self.current = [], Fragments()
        self.add_text(cell.text, cell, False)
        for child in cell:
            self.read(child)
        self.flush()
        lines, self.lines, self.current = self.lines, saved_lines, saved_current
        location = lines[0].location if lines else self.source.tag_location(cell)
        return join_wrapped(line.text for line in lines), location

    def read_table(self, table) -> None:
        for caption in table.iterchildren("caption"):
            self.read(caption, tail=False)
        pending: Dict[int, Dict[int, Tuple[int, Location]]] = {}  # row -> start column -> (width, location)
        for r, row in enumerate(own_rows(table)):
            cells: List[Cell] = []
            column = 0
            waiting = pending.pop(r, {})
            for cell in row:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                    continue
                while column in waiting:  # a cell merged down from an earlier row stands here
                    width, location = waiting.pop(column)
                    cells.append(Cell("", location))
                    column += width
                colspan = span_value(cell.get("colspan"))
                rowspan = span_value(cell.get("rowspan"))
                text, location = self.cell_text(cell)
                cells.append(Cell(text, location))
                for below in range(r + 1, r + rowspan):
                    pending.setdefault(below, {})[column] = (colspan, location)
                column += colspan
            for start in sorted(waiting):  # merged cells at the end of the row
                width, location = waiting[start]
                cells.append(Cell("", location))
            line = table_row(cells, next((c.location for c in cells if c.text), Location(line=row.sourceline)))
            if line is not None:
                self.lines.append(line)


def span_value(value: Optional[str]) -> int:
    if not value:
        return 1
    try:
        return max(1, min(int(str(value).strip() or 1), 1000))
    except ValueError:
        return 1


def own_rows(table) -> List:
    """The table's rows (through thead/tbody/tfoot), not those of tables nested in it."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def is_data_table(table) -> bool:
    """A table of data: holds no other table and has rows of two cells or more."""
    if table.find(".//table") is not None:
        return False
    return any(sum(1 for c in tr if c.tag in ("td", "th")) >= 2 for tr in own_rows(table))


def leaf_block_texts(root):
    """(element, text) of every block element that holds no other block: paragraphs, cells, headings."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCK_TAGS or element.tag == "table":
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in element.iterdescendants()):
            continue
        yield element, "".join(element.itertext())


def in_link(element) -> bool:
    return element.tag == "a" or any(a.tag == "a" for a in element.iterancestors())


# lxml makes element proxies on demand, so id() of a proxy that was let go can come back for another
# element: the sets and dicts below hold the elements themselves, which keeps their proxies alive.

def common_ancestor(elements: List):
    chains = [[element] + list(element.iterancestors()) for element in elements]
    shared = set(chains[0])
    for chain in chains[1:]:
        shared &= set(chain)
    return next(element for element in chains[0] if element in shared)


def heaviest(body):
    """The deepest element holding at least 70% of the page's non-link text (pages without headings)."""
    weight: Dict[object, int] = {}
    for element in body.iter():
        if not isinstance(element.tag, str) or in_link(element):
            continue
        own = len("".join((element.text or "").split()))
        tail = len("".join((element.tail or "").split()))
        for target, amount in ((element, own), (element.getparent(), tail)):
            if amount and target is not None:
                for node in [target] + list(target.iterancestors()):
                    weight[node] = weight.get(node, 0) + amount
    total = weight.get(body, 0)
    node = body
    while True:
        child = max((c for c in node if isinstance(c.tag, str)), key=lambda c: weight.get(c, 0), default=None)
        if child is None or weight.get(child, 0) < 0.7 * total or child.tag not in CONTAINERS:
            return node
        if child.tag == "table" and is_data_table(child):
            return node
        node = child


def find_article(body):
    """The smallest element holding the report's part headings, else the text-heaviest one."""
    found: Dict[str, object] = {}
    for element, text in leaf_block_texts(body):
        squeezed = "".join(text.split())
        match = PART_HEADING.match(squeezed) if len(squeezed) <= 60 else None
        if match and squeezed[0] not in found and not in_link(element):
            found[squeezed[0]] = element
    if len(found) >= 3:
        return common_ancestor(list(found.values()))
    return heaviest(body)


def drop_tree(element) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def drop_chrome(root) -> None:
    for element in list(root.iter()):
        if element.getparent() is not None and is_junk(element):
            drop_tree(element)
    for element in list(root.iter()):
        if (isinstance(element.tag, str) and element.getparent() is not None and CHROME.search(classes(element))
                and len("".join(element.itertext())) < 80):
            drop_tree(element)


def visible_title(root, article) -> Optional[object]:
    """The page's own heading for the report, before the article (h1–h3 first, then title-like classes)."""
    inside = set(article.iter())
    ancestors = set(article.iterancestors())
    best: Dict[int, object] = {}
    for element in root.iter():
        if element is article:
            break
        if not isinstance(element.tag, str) or element in ancestors or element in inside or in_link(element):
            continue
        text = "".join("".join(element.itertext()).split())
        if not text or len(text) > 100 or not TITLE_WORDS.search(text):
            continue
        if element.tag in ("h1", "h2", "h3"):
            best[0] = element
        elif TITLE_CLASS.search(classes(element)):
            best[1] = element
    return best.get(0, best.get(1))


def page_metadata(root, body, title_element) -> Dict[str, str]:
    """Publication date (发布日期 block, else a PubDate-like meta, else 成文日期), 成文日期 and title."""
    metadata: Dict[str, str] = {}
    metas = {(m.get("name") or m.get("property") or "").lower(): m.get("content") or "" for m in root.iter("meta")}
    text = " ".join(t.strip() for t in body.itertext() if t.strip())
    for key, label in (("published", PUBLISHED_LABEL), ("written", WRITTEN_LABEL)):
        for match in label.finditer(text):
            date = iso_date(text[match.end(): match.end() + 24])
            if date:
                metadata[key] = date
                break
    if "published" not in metadata:
        for name in PUBLISHED_META:
            date = iso_date(metas.get(name, ""))
            if date:
                metadata["published"] = date
                break
    if "published" not in metadata and "written" in metadata:
        metadata["published"] = metadata["written"]
    title = metas.get("articletitle", "").strip()
    if not title and title_element is not None:
        title = " ".join("".join(title_element.itertext()).split())
    if not title:
        page_title = root.find(".//title")
        if page_title is not None and page_title.text:
            pieces = re.split(r"\s*(?:_|\||｜|——| - )\s*", page_title.text.strip())
            title = next((p for p in pieces if TITLE_WORDS.search(p)), pieces[0])
    if title:
        metadata["title"] = title
    return metadata


def load_html(data: bytes, path: str) -> Document:
    from lxml import etree  # plain elements: lxml.html's element classes cost a lookup per node

    require_data(data, path)
    text, encoding = decode_page(data, path)
    declaration = XML_DECLARATION.match(text)
    if declaration:  # lxml refuses str input that declares an encoding; blank it, keeping offsets
        text = " " * declaration.end() + text[declaration.end():]
    try:
        root = etree.fromstring(text, etree.HTMLParser(remove_comments=False, remove_pis=True))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(path, f"网页无法解析：{exc}") from None
    if root is None:
        raise InputError(path, "网页中没有内容")
    source = Source(text)
    body = root.find("body")
    if body is None:
        body = root
    drop_chrome(body)
    article = find_article(body)
    title_element = visible_title(body, article)
    metadata = page_metadata(root, body, title_element)
    reader = PageReader(source)
    if title_element is not None:
        reader.read(title_element, tail=False)
        reader.flush()
    reader.read(article, tail=False)
    reader.flush()
    return Document(path=path, format="html", lines=reader.lines, encoding=encoding, metadata=metadata)


HTML = LoaderSpec("html", (".html", ".htm", ".shtml", ".xhtml"), load_html, sniff_html, "网页（HTML）")
