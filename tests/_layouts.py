"""Random layouts of an example report's facts, in every format, for the round-trip suite.

``render(facts, layout)`` writes the report the facts describe (title, the six parts, 表二/表三/表四
with every cell as in the facts, contacts, signature) as bytes of one format, laid out as the
``Layout`` says; ``parse`` of those bytes must give the facts' tables back. ``random_layout`` draws
a layout per format; its ``features`` name what the bench counts separately:

- PDF (fpdf2, drawn cell by cell): random column widths, font size and face; ``ruled`` /
  ``partly-ruled`` (a random share of inner vertical rules missing) / ``borderless``;
  ``page-break`` (a new page at a random row of 表三, with ``- N -`` page numbers) and
  ``repeated-header`` (表三's header printed again after it); ``char-wrapped-header`` (表四's
  header one character per line); ``single-row-other`` (（六）其他处理 as one row);
  ``centred-labels`` (a label merged over several rows printed in the middle of them, as Word and
  WPS centre it, beside a row it does not belong to); ``missing-segment`` (in a ruled table, one to
  three single rule segments left out: the border between two cells of one row, or between a cell
  and the one below it).
- DOCX (python-docx): ``merged`` (gridSpan/vMerge), ``blank-cells`` (no merges, empty cells),
  ``nested`` (the tables inside a one-cell layout table).
- HTML: ``spans`` (rowspan/colspan), ``blank-cells``, ``br`` (labels broken by ``<br>``),
  ``div-grid`` (tables as ``<div>`` rows of ``<div>`` cells, one row per line).
- text: ``cell-per-line`` (each cell its own line), ``tabs``, ``pipes``, ``spaces`` (cells apart
  by spaces, as a PDF's text layer), ``one-line`` (the whole report without line breaks),
  ``cr-only`` line ends, ``fullwidth-digits``.
"""
from __future__ import annotations

import datetime
import html
import io
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from giklint import template as official

FORMATS = ("pdf", "docx", "html", "text")
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # what .ci/run installs
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "text": ".txt"}


def cjk_font() -> Optional[str]:
    """A TrueType collection with Chinese glyphs (Debian fonts-wqy-zenhei, installed by .ci/run)."""
    return next((path for path in FONT_CANDIDATES if Path(path).exists()), None)


@dataclass
class Layout:
    format: str
    seed: int
    features: Tuple[str, ...] = ()
    options: Dict[str, Any] = field(default_factory=dict)

    def name(self) -> str:
        return f"{self.format}-{self.seed}-{'+'.join(self.features) or 'plain'}"


# ------------------------------------------------------------------------------- the report as blocks

@dataclass
class Span:
    text: str
    rowspan: int = 1
    colspan: int = 1


Grid = List[List[Optional[Span]]]  # None where a cell merged from above or the left stands


@dataclass
class Table:
    grid: Grid
    header_rows: int  # rows repeated after a page break
    kind: str  # "active", "applications", "review"


@dataclass
class Block:
    kind: str  # "title", "heading", "paragraph", "table"
    text: str = ""
    table: Optional[Table] = None


def _fmt(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _grid(rows: Sequence[Sequence[Any]]) -> Grid:
    """Rows given as Span (a cell), str (a one-by-one cell) or None (covered by a span)."""
    return [[Span(c) if isinstance(c, str) else c for c in row] for row in rows]


def active_tables(facts: Dict[str, Any], template: str) -> List[Table]:
    """表二 as one table per 第二十条 item, as the official template prints it."""
    table_facts = facts["tables"]["active_disclosure"]
    tables: List[Table] = []
    layout = official.active_disclosure_rows(template)
    for block in dict.fromkeys(row[2] for row in layout):
        rows = [row for row in layout if row[2] == block]
        columns = rows[0][3]
        width = max(len(row[3]) for row in layout)
        grid: List[List[Any]] = [[Span(block, 1, width + 1)] + [None] * width]
        header = [Span("信息内容")] + [Span(label) for _, label in columns]
        grid.append(_pad(header, width + 1))
        for key, label, _, cols in rows:
            cells = [Span(label)]
            for column, _ in cols:
                cells.append(Span(_fmt(table_facts.get(key, {}).get(column))))
            grid.append(_pad(cells, width + 1))
        tables.append(Table(_grid(grid), 2, "active"))
    return tables


def _pad(cells: List[Span], width: int) -> List[Optional[Span]]:
    """The last cell spans what the row leaves of the table's width."""
    missing = width - len(cells)
    if missing > 0:
        cells[-1] = Span(cells[-1].text, 1, cells[-1].colspan + missing)
    return cells + [None] * missing


def applications_table(facts: Dict[str, Any], template: str) -> Table:
    """表三 in the official grid: three label columns (groups merged down), then seven values."""
    table_facts = facts["tables"]["applications"]
    rows = official.application_rows(template)
    grid: List[List[Any]] = [
        [Span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), None, None,
         Span("申请人情况", 1, 7)] + [None] * 6,
        [None, None, None, Span("自然人", 2, 1), Span("法人或其他组织", 1, 5), None, None, None, None,
         Span("总计", 2, 1)],
        [None, None, None, None, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", None],
    ]
    groups = [row[2] for row in rows]
    for index, (key, label, group) in enumerate(rows):
        values = [Span(_fmt(v)) for v in table_facts[key]]
        if not group:
            grid.append([Span(label, 1, 3), None, None] + values)
            continue
        top = group if group.startswith("三、") else "三、本年度办理结果"
        first_of_top = index == 0 or not groups[index - 1]
        cells: List[Any] = [Span(top, sum(1 for g in groups if g), 1) if first_of_top else None]
        if group.startswith("三、"):
            cells += [Span(label, 1, 2), None]
        else:
            first_of_group = groups[index - 1] != group
            cells.append(Span(group, groups.count(group), 1) if first_of_group else None)
            cells.append(Span(label))
        grid.append(cells + values)
    return Table(_grid(grid), 3, "applications")


def review_table(facts: Dict[str, Any]) -> Table:
    table_facts = facts["tables"]["review_litigation"]
    columns = [label for _, label in official.REVIEW_COLUMNS]
    grid: List[List[Any]] = [
        [Span("行政复议", 2, 5)] + [None] * 4 + [Span("行政诉讼", 1, 10)] + [None] * 9,
        [None] * 5 + [Span("未经复议直接起诉", 1, 5)] + [None] * 4 + [Span("复议后起诉", 1, 5)] + [None] * 4,
        columns * 3,
        [_fmt(v) for group, _ in official.REVIEW_GROUPS for v in table_facts[group]],
    ]
    return Table(_grid(grid), 3, "review")


PARAGRAPHS = {
    1: "{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作推进政府信息公开，"
       "各项工作有序开展。全年通过门户网站主动公开政府信息，及时回应社会关切。",
    5: "{year}年政府信息公开工作仍存在一些不足：信息发布的及时性有待提高，政策解读形式较为单一。"
       "下一步将加强培训，完善信息发布审核机制。",
    6: "本年度未收取政府信息公开信息处理费。无其他需要报告的事项。",
}


def report_blocks(facts: Dict[str, Any]) -> List[Block]:
    template = "2019" if "other" in facts["tables"]["applications"] else "2021"
    active_template = facts["template"] if facts["template"] in ("2019", "2021") else template
    year = facts["year"]
    agency = facts["agency"]
    contacts = facts["contacts"]
    blocks = [Block("title", facts["title"] or f"{agency}{year}年政府信息公开工作年度报告")]
    contact = "；".join(f"{word}：{values[0]}" for word, values in (
        ("地址", contacts.get("address")), ("电话", contacts.get("phone")), ("电子邮箱", contacts.get("email")))
        if values)
    blocks.append(Block("paragraph", f"本报告由{agency}根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的"
                                     f"统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{agency}"
                                     f"办公室联系（{contact}）。"))
    for number, heading in sorted(facts["sections"].items()):
        blocks.append(Block("heading", heading))
        if number == 2:
            blocks += [Block("table", table=t) for t in active_tables(facts, active_template)]
        elif number == 3:
            blocks.append(Block("table", table=applications_table(facts, template)))
        elif number == 4:
            blocks.append(Block("table", table=review_table(facts)))
        else:
            blocks.append(Block("paragraph", PARAGRAPHS[number].format(year=year, agency=agency)))
    signature = facts.get("signature") or {}
    if signature.get("agency"):
        blocks.append(Block("paragraph", signature["agency"]))
    if signature.get("date"):
        y, m, d = (int(p) for p in signature["date"].split("-"))
        blocks.append(Block("paragraph", f"{y}年{m}月{d}日"))
    return blocks


def expanded(grid: Grid) -> List[List[str]]:
    """The grid with every merged cell's text in its first position and "" where it spans."""
    out = [["" for _ in row] for row in grid]
    for r, row in enumerate(grid):
        for c, span in enumerate(row):
            if span is not None:
                out[r][c] = span.text
    return out


def features_of(facts: Dict[str, Any]) -> Tuple[str, ...]:
    return ("single-row-other",) if "other" in facts["tables"]["applications"] else ()


# ------------------------------------------------------------------------------- layouts

def random_layout(fmt: str, seed: int, facts: Dict[str, Any]) -> Layout:
    rng = random.Random(seed)
    features: List[str] = list(features_of(facts))
    options: Dict[str, Any] = {}
    if fmt == "pdf":
        features.append(rng.choice(["ruled", "ruled", "partly-ruled", "borderless"]))
        if rng.random() < 0.6:
            features.append("page-break")
            if rng.random() < 0.5:
                features.append("repeated-header")
        if rng.random() < 0.3:
            features.append("char-wrapped-header")
        options.update(font_size=rng.choice([7, 7.5, 8, 9]), face=rng.choice([0, 1]),
                       widths=[rng.uniform(0.7, 1.6) for _ in range(16)], break_row=rng.randrange(4, 30),
                       missing_share=rng.uniform(0.1, 0.5))
        # the later features draw from their own generator, so earlier layouts stay as they were
        extra = random.Random(f"pdf-{seed}")
        if extra.random() < 0.5:
            features.append("centred-labels")
        if "borderless" not in features and extra.random() < 0.4:
            features.append("missing-segment")
        options["segments"] = extra.random()
    elif fmt == "docx":
        features.append(rng.choice(["merged", "blank-cells"]))
        if rng.random() < 0.3:
            features.append("nested")
    elif fmt == "html":
        features.append(rng.choice(["spans", "blank-cells", "div-grid"]))
        if rng.random() < 0.4:
            features.append("br")
    else:
        features.append(rng.choice(["cell-per-line", "tabs", "pipes", "spaces", "one-line"]))
        if rng.random() < 0.3:
            features.append("cr-only")
        if rng.random() < 0.3:
            features.append("fullwidth-digits")
    options["rng"] = rng.random()
    return Layout(fmt, seed, tuple(features), options)


def layout_sample(sources: Sequence[Tuple[Path, Dict[str, Any]]], per_format: int, first_seed: int,
                  stride: int) -> List[Tuple[Path, Dict[str, Any], Layout]]:
    """A fixed-seed sample of layouts: ``per_format`` of each format, each of one of ``sources``
    ((path, facts) of examples), chosen by seed so that every format draws other examples."""
    sample = []
    for fmt in FORMATS:
        for seed in range(per_format):
            path, facts = sources[(seed * stride + len(fmt)) % len(sources)]
            sample.append((path, facts, random_layout(fmt, first_seed + seed, facts)))
    return sample


def skip_without_font(layout: Layout) -> None:
    """Skip a PDF layout where no CJK font can draw it (the test says why)."""
    import pytest

    if layout.format == "pdf" and cjk_font() is None:
        pytest.skip("no CJK TrueType font (Debian fonts-wqy-zenhei, installed by .ci/run)")


def render(facts: Dict[str, Any], layout: Layout) -> bytes:
    blocks = report_blocks(facts)
    rng = random.Random(layout.options.get("rng", 0.0))
    if layout.format == "pdf":
        return render_pdf(blocks, layout, rng)
    if layout.format == "docx":
        return render_docx(blocks, layout)
    if layout.format == "html":
        return render_html(blocks, layout, rng)
    return render_text(blocks, layout)


# ------------------------------------------------------------------------------- text

VALUE = re.compile(r"[-+]?[\d.]+(?:万元|元)?")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def render_text(blocks: List[Block], layout: Layout) -> bytes:
    style = next(f for f in layout.features if f in ("cell-per-line", "tabs", "pipes", "spaces", "one-line"))
    lines: List[str] = []
    indent = "\u3000\u3000" if style == "one-line" else ""  # a web page's paragraph indent
    for block in blocks:
        if block.kind != "table":
            lines.append(block.text if block.kind == "title" else indent + block.text)
            continue
        for row in expanded(block.table.grid):
            if style == "cell-per-line":
                lines += [cell for cell in row if cell] + [""]
            elif style == "tabs":
                lines.append("\t".join(row))
            elif style == "pipes":
                lines.append("| " + " | ".join(row) + " |")
            else:
                lines.append(" ".join(cell for cell in row if cell))
    if style == "one-line":
        text = " ".join(lines)
    else:
        text = ("\r" if "cr-only" in layout.features else "\n").join(lines) + "\n"
    if "fullwidth-digits" in layout.features:
        text = text.translate(FULLWIDTH)
    return text.encode("utf-8")


# ------------------------------------------------------------------------------- HTML

def _html_cell(text: str, layout: Layout, rng: random.Random) -> str:
    escaped = html.escape(text, quote=False)
    if "br" in layout.features and len(text) > 4 and not VALUE.fullmatch(text):
        cut = rng.randrange(2, len(text) - 1)
        escaped = html.escape(text[:cut], quote=False) + "<br>" + html.escape(text[cut:], quote=False)
    return escaped


def render_html(blocks: List[Block], layout: Layout, rng: random.Random) -> bytes:
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>年报</title></head><body><div class='article'>"]
    for block in blocks:
        if block.kind == "title":
            out.append(f"<h1>{html.escape(block.text)}</h1>")
        elif block.kind != "table":
            out.append(f"<p>{html.escape(block.text)}</p>")
        elif "div-grid" in layout.features:
            out.append("<div class='table'>")
            for row in expanded(block.table.grid):
                cells = "".join(f"<div class='cell'>{_html_cell(c, layout, rng)}</div>" for c in row)
                out.append(f"<div class='row'>{cells}</div>")
            out.append("</div>")
        else:
            out.append("<table border='1'>")
            grid = block.table.grid
            for r, row in enumerate(grid):
                out.append("<tr>")
                if "spans" in layout.features:
                    for span in row:
                        if span is None:
                            continue
                        attrs = (f" rowspan='{span.rowspan}'" if span.rowspan > 1 else "") + (
                            f" colspan='{span.colspan}'" if span.colspan > 1 else "")
                        out.append(f"<td{attrs}>{_html_cell(span.text, layout, rng)}</td>")
                else:
                    out += [f"<td>{_html_cell(c, layout, rng)}</td>" for c in expanded(grid)[r]]
                out.append("</tr>")
            out.append("</table>")
    out.append("</div></body></html>")
    return "\n".join(out).encode("utf-8")


# ------------------------------------------------------------------------------- DOCX

def _docx_table(container, table: Table, merged: bool):
    grid = table.grid
    width = len(grid[0])
    doc_table = container.add_table(rows=len(grid), cols=width)
    doc_table.style = "Table Grid"
    cells = [list(row.cells) for row in doc_table.rows]  # once: python-docx's table.cell() is slow
    for r, row in enumerate(grid):
        for c, span in enumerate(row):
            if span is None:
                continue
            cell = cells[r][c]
            if merged and (span.rowspan > 1 or span.colspan > 1):
                cell = cell.merge(cells[r + span.rowspan - 1][c + span.colspan - 1])
            if span.text:
                cell.text = span.text
    return doc_table


def render_docx(blocks: List[Block], layout: Layout) -> bytes:
    import docx

    document = docx.Document()
    merged = "merged" in layout.features
    for block in blocks:
        if block.kind == "table":
            container = document
            if "nested" in layout.features:
                outer = document.add_table(rows=1, cols=1)
                container = outer.cell(0, 0)
            _docx_table(container, block.table, merged)
            document.add_paragraph()
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------- PDF

FIXED_TIME = datetime.datetime(2022, 1, 20, 16, 30, tzinfo=datetime.timezone.utc)
PAGE_W, PAGE_H, MARGIN_MM, BOTTOM_MM = 210.0, 297.0, 20.0, 25.0
LINE_MM = 1.45  # line height as a share of the font size in points, in mm per point (about)


def _wrap(pdf, text: str, width: float) -> List[str]:
    """Characters wrapped to ``width`` mm (CJK text wraps anywhere; a number is never broken)."""
    if not text:
        return []
    if re.fullmatch(r"[\d.\-+]+", text):
        return [text]
    lines, current = [], ""
    for char in text:
        if current and pdf.get_string_width(current + char) > width:
            lines.append(current)
            current = ""
        current += char
    return lines + [current]


class _PdfWriter:
    def __init__(self, layout: Layout, font: str) -> None:
        from fpdf import FPDF

        self.layout = layout
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.set_creation_date(FIXED_TIME)  # the same bytes for the same layout
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("cjk", fname=font, collection_font_number=layout.options.get("face", 0))
        self.size = layout.options.get("font_size", 8)
        self.y = 0.0
        self.new_page()

    @property
    def line_height(self) -> float:
        return self.size * 0.3528 * 1.35

    def new_page(self) -> None:
        self.pdf.add_page()
        self.pdf.set_font("cjk", size=9)
        self.pdf.text(PAGE_W / 2 - 5, PAGE_H - 12, f"- {self.pdf.page_no()} -")
        self.y = MARGIN_MM

    def paragraph(self, text: str, size: float = 10.5) -> None:
        self.pdf.set_font("cjk", size=size)
        height = size * 0.3528 * 1.5
        for line in _wrap(self.pdf, text, PAGE_W - 2 * MARGIN_MM):
            if self.y + height > PAGE_H - BOTTOM_MM:
                self.new_page()
            self.pdf.text(MARGIN_MM, self.y + height * 0.75, line)
            self.y += height
        self.y += 1.5

    def table(self, table: Table, rng: random.Random) -> None:
        self.pdf.set_font("cjk", size=self.size)
        grid = table.grid
        width = len(grid[0])
        weights = self.layout.options["widths"][:width]
        if table.kind == "applications":
            weights = [2.2, 2.0, 4.5] + [w * 0.9 for w in weights[3:]]
        if table.kind == "active":
            weights = [2.2] + weights[1:]
        total = PAGE_W - 2 * MARGIN_MM
        widths = [total * w / sum(weights) for w in weights]
        xs = [MARGIN_MM]
        for w in widths:
            xs.append(xs[-1] + w)
        char_wrapped = "char-wrapped-header" in self.layout.features and table.kind == "review"
        heights = [self._row_height(grid, r, xs, char_wrapped and r < table.header_rows) for r in range(len(grid))]
        ruling = next(f for f in self.layout.features if f in ("ruled", "partly-ruled", "borderless"))
        missing = set(self.layout.options.get("missing", ()))
        if ruling == "partly-ruled" and not missing:
            share = self.layout.options["missing_share"]
            missing = {c for c in range(1, width) if rng.random() < share}
        breaks_here = "page-break" in self.layout.features and table.kind == "applications"
        break_row = table.header_rows + self.layout.options["break_row"] % max(len(grid) - table.header_rows - 1, 1)
        self._heights, self._header_rows = heights, table.header_rows
        self._break_row = break_row if breaks_here else None
        self._segments = self._missing_segments(grid, table.header_rows)
        r = 0
        top = self.y
        while r < len(grid):
            block_end = r + 1
            needed = sum(heights[r:block_end])
            forced = breaks_here and r <= break_row < block_end and r > table.header_rows
            if forced or self.y + needed > PAGE_H - BOTTOM_MM:
                self._rules(grid, xs, heights, top, r, missing, ruling, closing=True)
                self.new_page()
                self.pdf.set_font("cjk", size=self.size)
                top = self.y
                breaks_here = False if forced else breaks_here
                self._break_row = None if forced else self._break_row
                if "repeated-header" in self.layout.features and table.kind == "applications":
                    self._draw_rows(grid[: table.header_rows], xs, heights[: table.header_rows], 0, char_wrapped)
                    self._rules(grid[: table.header_rows], xs, heights, top, table.header_rows, missing, ruling)
                    top = self.y
                self._draw_rows(grid[r:block_end], xs, heights[r:block_end], r, False)
                if r == block_end:
                    break
            else:
                self._draw_rows(grid[r:block_end], xs, heights[r:block_end], r,
                                char_wrapped and r < table.header_rows)
            r = block_end
        self._rules(grid, xs, heights, top, len(grid), missing, ruling, closing=True)
        self.y += 3

    def _missing_segments(self, grid: Grid, header_rows: int) -> set:
        """One to three rule segments of the table's body left out: ("v", row, column) is the
        border left of that cell, ("h", row, column) the border above it."""
        if "missing-segment" not in self.layout.features or len(grid) <= header_rows:
            return set()
        self._tables_drawn = getattr(self, "_tables_drawn", 0) + 1
        rng = random.Random(self.layout.options["segments"] * 1000 + self._tables_drawn)
        segments = set()
        for _ in range(rng.randint(1, 3)):
            kind = rng.choice("vh")
            first_row = header_rows + (kind == "h" and len(grid) > header_rows + 1)
            segments.add((kind, rng.randrange(first_row, len(grid)), rng.randrange(1, len(grid[0]))))
        return segments

    def _rows_on_page(self, r: int, count: int) -> int:
        """How many of the rows r, r+1, … r+count-1 are drawn on the page row r starts on."""
        y, rows = self.y, 0
        for k in range(r, r + count):
            if k > r and (y + self._heights[k] > PAGE_H - BOTTOM_MM
                          or (k == self._break_row and k > self._header_rows)):
                break
            y += self._heights[k]
            rows += 1
        return rows

    def _row_height(self, grid: Grid, r: int, xs: List[float], char_wrapped: bool) -> float:
        lines = 1
        for c, span in enumerate(grid[r]):
            if span is None or span.rowspan > 1:
                continue
            if char_wrapped:
                lines = max(lines, len(span.text))
                continue
            lines = max(lines, len(_wrap(self.pdf, span.text, xs[c + span.colspan] - xs[c] - 1.6)))
        return lines * self.line_height + 2

    def _draw_rows(self, rows: Grid, xs: List[float], heights: List[float], first: int, char_wrapped: bool) -> None:
        self._row_tops = getattr(self, "_row_tops", {})
        for offset, row in enumerate(rows):
            r = first + offset
            self._row_tops[r] = (self.pdf.page_no(), self.y)
            for c, span in enumerate(row):
                if span is None or not span.text:
                    continue
                cell_width = xs[c + span.colspan] - xs[c] - 1.6
                lines = list(span.text) if char_wrapped else _wrap(self.pdf, span.text, cell_width)
                top = self.y
                if span.rowspan > 1 and not char_wrapped and "centred-labels" in self.layout.features:
                    box = sum(self._heights[r:r + self._rows_on_page(r, span.rowspan)])
                    top += max((box - len(lines) * self.line_height) / 2 - 1, 0)
                for index, line in enumerate(lines):
                    x = xs[c] + 0.8
                    if len(lines) == 1 and re.fullmatch(r"[\d.\-+]+", line):
                        x = xs[c] + (xs[c + span.colspan] - xs[c] - self.pdf.get_string_width(line)) / 2
                    self.pdf.text(x, top + 1 + (index + 0.8) * self.line_height, line)
            self.y += heights[offset]

    def _rules(self, grid: Grid, xs: List[float], heights: List[float], top: float, end: int,
               missing: set, ruling: str, closing: bool = False) -> None:
        """Borders of the rows drawn on this page since ``top``: each row's top rule, the vertical
        rules between cells that are not merged, the frame."""
        if ruling == "borderless":
            return
        pdf = self.pdf
        pdf.set_line_width(0.2)
        page = pdf.page_no()
        rows = [r for r, (p, _) in getattr(self, "_row_tops", {}).items() if p == page and r < end]
        for r in rows:
            _, y = self._row_tops[r]
            for c, span in enumerate(grid[r]):
                covered_from_above = span is None and r > 0 and self._owner(grid, r, c)[0] < r
                if not covered_from_above and ("h", r, c) not in self._segments:
                    pdf.line(xs[c], y, xs[c + 1], y)
            for c in range(len(xs)):
                inner = 0 < c < len(xs) - 1
                if inner and (c in missing or self._owner(grid, r, c)[1] < c or ("v", r, c) in self._segments):
                    continue
                pdf.line(xs[c], y, xs[c], y + heights[r])
        if rows:
            bottom = self._row_tops[rows[-1]][1] + heights[rows[-1]]
            pdf.line(xs[0], bottom, xs[-1], bottom)
        self._row_tops = {r: v for r, v in self._row_tops.items() if v[0] != page}

    @staticmethod
    def _owner(grid: Grid, r: int, c: int) -> Tuple[int, int]:
        """The (row, column) where the cell covering (r, c) starts."""
        for rr in range(r, -1, -1):
            for cc in range(c, -1, -1):
                span = grid[rr][cc]
                if span is not None and rr + span.rowspan > r and cc + span.colspan > c:
                    return rr, cc
        return r, c


def render_pdf(blocks: List[Block], layout: Layout, rng: random.Random) -> bytes:
    font = cjk_font()
    if font is None:
        raise RuntimeError("no CJK font: install Debian fonts-wqy-zenhei")
    writer = _PdfWriter(layout, font)
    for block in blocks:
        if block.kind == "title":
            writer.paragraph(block.text, size=14)
        elif block.kind == "table":
            writer.table(block.table, rng)
        else:
            writer.paragraph(block.text)
    return bytes(writer.pdf.output())


# ------------------------------------------------------------------------------- comparing

def table_differences(model: Dict[str, Any], facts: Dict[str, Any]) -> List[str]:
    """``table.row.column: expected …, got …`` for every cell the parse got wrong."""
    out: List[str] = []
    tables = model.get("tables") or {}
    columns = {
        "applications": [key for key, _ in official.APPLICATION_COLUMNS],
        "review_litigation": [key for key, _ in official.REVIEW_COLUMNS],
    }
    for name, rows in facts["tables"].items():
        got_table = tables.get(name) or {}
        for row, cells in rows.items():
            if isinstance(cells, list):
                cells = dict(zip(columns[name], cells))
            got_row = got_table.get(row) or {}
            for column, value in cells.items():
                got = got_row.get(column)
                if isinstance(value, str):
                    number, unit = re.match(r"^(-?[\d.]+)(\D*)$", value).groups()
                    good = _same(got, float(number)) and got_row.get("amount_unit") == unit
                else:
                    good = _same(got, value)
                if not good:
                    out.append(f"{name}.{row}.{column}: expected {value!r}, got {got!r}")
    return out


def _same(got: Any, expected: Any) -> bool:
    return isinstance(got, (int, float)) and not isinstance(got, bool) and float(got) == float(expected)


def round_trip(facts: Dict[str, Any], layout: Layout) -> List[str]:
    """What the parse of the rendered layout got wrong (empty when it read the facts back exactly)."""
    from giklint.api import parse

    data = render(facts, layout)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report{SUFFIX[layout.format]}"
        path.write_bytes(data)
        model = parse(str(path))
    return table_differences(model, facts)
