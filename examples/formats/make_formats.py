#!/usr/bin/env python3
"""Generate the HTML, Word and PDF versions of ``report-2021.md`` (and the bad files) in this folder.

    .venv/bin/python examples/formats/make_formats.py          # writes every fixture beside this file

The Markdown report is the source: its pipe tables use the official layout with three label columns
(``| 三、本年度办理结果 | （一）予以公开 | | 7 | … |``) and empty cells where the official table merges
cells. ``span_layout`` turns those empty cells back into the official merged cells (a label runs
right over the empty cells after it, then down over empty rows below it), so the HTML gets
rowspan/colspan, the Word file real merged cells and the PDF drawn merged cells.

Outputs (committed, so CI needs neither the font nor this script):

- ``report-2021.html``      UTF-8 page with site chrome (nav, breadcrumb, metadata block with 发布日期,
                            related links, footer, scripts) and an inline tag splitting a date
- ``report-2021-gbk.html``  an older GBK page: ``<meta http-equiv … charset=gb2312>``, layout tables
- ``report-2021.docx``      paragraphs, runs split inside a sentence, tables with merged cells, a footer
- ``report-2021.pdf``       text layer, tables drawn with cells, wrapped labels, ``- N -`` page numbers
- ``report-2021-borderless.pdf`` the same with the table borders left out (rows rebuilt from gaps)
- ``blank-template.docx``   the six headings, （文字描述） placeholders and the three tables left empty
- ``scanned.pdf``           an image-only page (no text layer)
- ``encrypted.pdf``         needs a password to open (fpdf2's RC4 encryption)
- ``truncated.pdf``         the first 60% of report-2021.pdf
- ``html-named.pdf``        an HTML page saved with a .pdf name

The PDF needs a CJK font: WenQuanYi Micro Hei (Debian ``fonts-wqy-microhei``), chosen because it is
small (5 MB, one file) and freely licensed; fpdf2 embeds only the glyphs used. Pass ``--font PATH``
for another TrueType/TTC font.
"""
from __future__ import annotations

import argparse
import datetime
import html
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "report-2021.md"
DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
PUBLISHED = "2022-01-20"
WRITTEN = "2022-01-18"  # 成文日期
PERIOD_SENTENCE = "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"
FIXED_TIME = datetime.datetime(2022, 1, 20, 16, 30, tzinfo=datetime.timezone.utc)


# ---------------------------------------------------------------- the source

@dataclass
class Block:
    kind: str  # "title", "heading", "paragraph", "table"
    text: str = ""
    rows: Optional[List[List[str]]] = None


def parse_markdown(text: str) -> List[Block]:
    """Just enough Markdown for the example: ``#`` title, ``##`` parts, paragraphs, pipe tables."""
    blocks: List[Block] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("|"):
            if re.fullmatch(r"\|(\s*:?-{3,}:?\s*\|)+", line):
                continue
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if not blocks or blocks[-1].kind != "table":
                blocks.append(Block("table", rows=[]))
            blocks[-1].rows.append(cells)
        elif line.startswith("## "):
            blocks.append(Block("heading", line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(Block("title", line[2:].strip()))
        else:
            blocks.append(Block("paragraph", line))
    return blocks


@dataclass
class Span:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


def span_layout(rows: Sequence[Sequence[str]]) -> List[List[Span]]:
    """Merged cells of a grid written with empty cells: per row, the spans that start in it.

    A filled cell first takes the empty cells to its right, then the rows below whose cells under it
    are all empty and not taken (so ``（七）总计`` does not grow into the ``四、`` row, whose empty
    cells its own label already took). In the column headers (rows before the first number) an
    empty cell under a filled one is that cell's, not its left neighbour's.
    """
    width = max(len(r) for r in rows)
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    taken = [[False] * width for _ in grid]
    spans: List[List[Span]] = [[] for _ in grid]
    first_data_row = next((r for r, row in enumerate(grid) if any(is_number(c) for c in row)), len(grid))

    def extends_right(r: int, c: int) -> bool:
        # in the column headers, an empty cell under a filled one belongs to it (总计 over two rows)
        return not grid[r][c] and not (r < first_data_row and r > 0 and grid[r - 1][c])

    for r, row in enumerate(grid):
        c = 0
        while c < width:
            if not row[c]:
                c += 1
                continue
            span = Span(row[c], r, c)
            taken[r][c] = True
            while c + span.colspan < width and extends_right(r, c + span.colspan):
                taken[r][c + span.colspan] = True
                span.colspan += 1
            spans[r].append(span)
            c += span.colspan
    for r in range(len(grid)):
        for span in spans[r]:
            below = r + 1
            cols = range(span.col, span.col + span.colspan)
            while below < len(grid) and all(not grid[below][c] and not taken[below][c] for c in cols):
                for c in cols:
                    taken[below][c] = True
                span.rowspan += 1
                below += 1
    return spans


def is_number(text: str) -> bool:
    return bool(re.fullmatch(r"-?\d+(\.\d+)?", text))


def blanked(blocks: List[Block]) -> List[Block]:
    """The official blank template: same headings and tables, values empty, text replaced by placeholders."""
    out: List[Block] = [Block("title", "XX政府信息公开工作年度报告")]
    placeholder = {"一": "（文字描述）", "五": "（文字描述）", "六": "（文字描述，收取信息处理费情况在此处报告。）"}
    for block in blocks:
        if block.kind == "heading":
            out.append(block)
            if block.text[0] in placeholder:
                out.append(Block("paragraph", placeholder[block.text[0]]))
        elif block.kind == "table":
            out.append(Block("table", rows=[[("" if is_number(c) else c) for c in row] for row in block.rows]))
    return out


def template_spans(filled: Block, blank: Block) -> List[List[Span]]:
    """Spans of the blank table, taken from the filled one (empty values would otherwise merge)."""
    spans = span_layout(filled.rows)
    return [[Span(blank.rows[s.row][s.col], s.row, s.col, s.rowspan, s.colspan) for s in row] for row in spans]


# ---------------------------------------------------------------- HTML

def html_paragraph(text: str) -> str:
    """A paragraph as a CMS writes it; the statistics period gets an inline tag inside a number."""
    escaped = html.escape(text, quote=False)
    if PERIOD_SENTENCE in text:
        split = html.escape(PERIOD_SENTENCE, quote=False).replace(
            "自2021年1月1日", "自20<font face=\"仿宋\">21年1月1日</font>").replace(
            "至2021年", "至<span style=\"font-family:仿宋\">2021</span>\n年")
        escaped = escaped.replace(html.escape(PERIOD_SENTENCE, quote=False), split)
    return f'<p style="text-indent:2em;line-height:2em"><span style="font-size:16px">{escaped}</span></p>'


def html_table(spans: List[List[Span]]) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">', "<tbody>"]
    for row in spans:
        out.append("<tr>")
        for span in row:
            attrs = ""
            if span.rowspan > 1:
                attrs += f' rowspan="{span.rowspan}"'
            if span.colspan > 1:
                attrs += f' colspan="{span.colspan}"'
            align = "center" if is_number(span.text) or len(span.text) <= 8 else "left"
            out.append(f'<td{attrs} valign="middle"><p align="{align}"><span style="font-size:14px">'
                       f"{html.escape(span.text, quote=False)}</span></p></td>")
        out.append("</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def html_body(blocks: List[Block]) -> Tuple[str, str]:
    """(title, the article's HTML)."""
    title = ""
    parts: List[str] = []
    for block in blocks:
        if block.kind == "title":
            title = block.text
        elif block.kind == "heading":
            parts.append(f'<p style="text-indent:2em"><strong>{html.escape(block.text)}</strong></p>')
        elif block.kind == "paragraph":
            parts.append(html_paragraph(block.text))
        else:
            parts.append(html_table(span_layout(block.rows)))
    return title, "\n".join(parts)


NAV = "".join(f'<li><a href="/{slug}/">{name}</a></li>' for slug, name in [
    ("", "首页"), ("zwgk", "政务公开"), ("zwfw", "政务服务"), ("hdjl", "互动交流"), ("zjyx", "走进云溪")])
RELATED = "".join(f'<li><a href="/zfxxgknb/{y}.html">江屿市云溪区市场监督管理局{y}年政府信息公开工作年度报告</a>'
                  f"<span>{y + 1}-01-25</span></li>" for y in (2020, 2019))


def modern_page(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}_江屿市云溪区人民政府</title>
<meta name="SiteName" content="江屿市云溪区人民政府">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{PUBLISHED} 16:30">
<meta name="ContentSource" content="区市场监管局">
<link rel="stylesheet" href="/css/common.css">
<style>
.nav li {{ float: left; }} .hidden-print {{ display: none; }}
</style>
<script src="/js/jquery.min.js"></script>
<script>
var _hmt = _hmt || []; document.write("<div class='tip'>一、总体情况（统计脚本）</div>");
</script>
</head>
<body>
<div class="top-bar">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="江屿市云溪区人民政府"></a></div>
  <div class="search"><form action="/search"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form></div>
  <div class="tools"><a href="/wza/">无障碍</a> | <a href="/en/">English</a></div>
</div>
<nav class="nav"><ul>{NAV}</ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; <a href="/zfxxgknb/">政府信息公开年报</a></div>
<div class="xxgk-meta">
<table class="meta-table">
<tr><th>索引号：</th><td>113509990031234567/2022-00012</td><th>发布机构：</th><td>江屿市云溪区市场监督管理局</td></tr>
<tr><th>成文日期：</th><td>{WRITTEN}</td><th>发布日期：</th><td>{PUBLISHED}</td></tr>
<tr><th>文　　号：</th><td></td><th>主题分类：</th><td>政府信息公开年报</td></tr>
</table>
</div>
<div class="article">
<h1 class="article-title">{title}</h1>
<div class="article-info">来源：区市场监管局　　浏览次数：<span id="hits">1024</span>　　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div id="zoom" class="TRS_Editor">
<!-- giklint-disable overview-length -->
{body}
</div>
<div class="share hidden-print">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>{RELATED}</ul></div>
<footer class="footer">
<p>主办单位：江屿市云溪区人民政府办公室　　承办单位：江屿市云溪区大数据中心</p>
<p>地址：江屿市云溪区政府路1号　　联系电话：0599-5550000　　网站标识码：3509990001</p>
<p>闽ICP备00000000号-1　　闽公网安备 35099902000001号</p>
</footer>
<script>
(function () {{ var s = document.createElement("script"); s.src = "/js/stat.js"; document.body.appendChild(s); }})();
</script>
</body>
</html>
"""


def legacy_page(title: str, body: str) -> str:
    """An older site: GB2312 declared in http-equiv, page laid out with nested tables."""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}</title>
<script language="javascript" src="/js/menu.js"></script>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td colspan="2" class="banner"><img src="/images/banner.jpg" /></td></tr>
  <tr><td colspan="2" class="menu"><a href="/">网站首页</a>｜<a href="/zwgk/">政务公开</a>｜<a href="/bsfw/">办事服务</a>｜<a href="/gzhd/">公众互动</a></td></tr>
  <tr>
    <td width="200" valign="top" class="left">
      <table width="100%"><tr><td class="lm">信息公开目录</td></tr>
      <tr><td><a href="/xxgkzn/">信息公开指南</a></td></tr><tr><td><a href="/xxgkzd/">信息公开制度</a></td></tr>
      <tr><td><a href="/xxgknb/">信息公开年报</a></td></tr></table>
    </td>
    <td valign="top">
      <table width="100%" border="0"><tr><td align="center" class="bt">{title}</td></tr>
      <tr><td align="center" class="sj">发布时间：{PUBLISHED[:4]}年{int(PUBLISHED[5:7])}月{int(PUBLISHED[8:])}日　　来源：区市场监管局</td></tr>
      <tr><td class="nr">
<div class="content">
{body}
</div>
      </td></tr></table>
    </td>
  </tr>
  <tr><td colspan="2" class="bottom">版权所有：江屿市云溪区人民政府　　技术支持：江屿网络公司　　联系电话：0599-5550000</td></tr>
</table>
</body>
</html>
"""


def write_html(blocks: List[Block]) -> None:
    title, body = html_body(blocks)
    (HERE / "report-2021.html").write_text(modern_page(title, body), encoding="utf-8")
    (HERE / "report-2021-gbk.html").write_bytes(legacy_page(title, body).encode("gbk"))
    (HERE / "html-named.pdf").write_text(modern_page(title, body)[:3000], encoding="utf-8")


# ---------------------------------------------------------------- Word

def docx_table(document, spans: List[List[Span]], width: int):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = document.add_table(rows=len(spans), cols=width)
    table.style = "Table Grid"
    for row in spans:
        for span in row:
            cell = table.cell(span.row, span.col)
            if span.rowspan > 1 or span.colspan > 1:
                cell = cell.merge(table.cell(span.row + span.rowspan - 1, span.col + span.colspan - 1))
            cell.text = span.text
            if is_number(span.text) or not span.text:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    return table


def docx_paragraph(document, text: str, bold: bool = False, center: bool = False):
    """A paragraph; the statistics period is split over runs the way Word splits them."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph()
    pieces = [text]
    if PERIOD_SENTENCE in text:
        head, tail = text.split("自2021年1月1日", 1)
        pieces = [head + "自20", "21年1月1日", tail]
    for piece in pieces:
        run = paragraph.add_run(piece)
        run.bold = bold
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def write_docx(blocks: List[Block], path: Path, table_spans=None) -> None:
    import docx

    document = docx.Document()
    document.core_properties.created = FIXED_TIME.replace(tzinfo=None)
    document.core_properties.modified = FIXED_TIME.replace(tzinfo=None)
    document.sections[0].footer.paragraphs[0].text = "江屿市云溪区市场监督管理局　第 1 页"
    tables = 0
    for block in blocks:
        if block.kind == "title":
            docx_paragraph(document, block.text, bold=True, center=True)
        elif block.kind == "heading":
            docx_paragraph(document, block.text, bold=True)
        elif block.kind == "paragraph":
            docx_paragraph(document, block.text)
        else:
            spans = table_spans[tables] if table_spans else span_layout(block.rows)
            docx_table(document, spans, max(len(r) for r in block.rows))
            document.add_paragraph()  # Word leaves an empty paragraph after a table
            tables += 1
    document.save(str(path))


# ---------------------------------------------------------------- PDF

# column widths (mm) of the three tables, by grid width
PDF_COLUMNS = {
    4: (46, 38, 38, 38),
    10: (12, 24, 40) + (12,) * 7,
    15: (160 / 15,) * 15,
}


def new_pdf(font: str):
    from fpdf import FPDF

    class Report(FPDF):
        def footer(self) -> None:  # the running page number of printed reports
            self.set_y(-15)
            self.set_font("cjk", size=10)
            self.cell(0, 8, f"- {self.page_no()} -", align="C")

    pdf = Report(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_margins(25, 25, 25)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_font("cjk", fname=font, collection_font_number=0)
    return pdf


def pdf_table(pdf, spans: List[List[Span]], width: int, borders: str) -> None:
    pdf.set_font("cjk", size=8)
    with pdf.table(col_widths=PDF_COLUMNS[width], width=sum(PDF_COLUMNS[width]), first_row_as_headings=False,
                   text_align="CENTER", v_align="MIDDLE", line_height=4.2, padding=1,
                   repeat_headings=0, borders_layout=borders) as table:
        for spans_of_row in spans:
            row = table.row()
            for span in spans_of_row:
                align = "LEFT" if len(span.text) > 12 else "CENTER"
                row.cell(span.text, colspan=span.colspan, rowspan=span.rowspan, align=align)
    pdf.ln(4)


def write_pdf(blocks: List[Block], font: str, borders: str = "ALL") -> bytes:
    pdf = new_pdf(font)
    pdf.add_page()
    for block in blocks:
        if block.kind == "title":
            pdf.set_font("cjk", size=15)
            pdf.multi_cell(0, 9, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif block.kind == "heading":
            if block.text.startswith("三"):
                pdf.add_page()  # the long table starts on a fresh page, as authors usually arrange it
            pdf.set_font("cjk", size=12)
            pdf.multi_cell(0, 8, block.text, new_x="LMARGIN", new_y="NEXT")
        elif block.kind == "paragraph":
            pdf.set_font("cjk", size=11)
            pdf.multi_cell(0, 7, "\u3000\u3000" + block.text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf_table(pdf, span_layout(block.rows), max(len(r) for r in block.rows), borders)
    return bytes(pdf.output())


def write_scanned_pdf(font: str) -> bytes:
    """One page that is only a picture of text, as a scanner makes it."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (827, 1169), 255)
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.truetype(font, 30), ImageFont.truetype(font, 20)
    draw.text((90, 110), "江屿市云溪区市场监督管理局2021年", font=big, fill=0)
    draw.text((150, 160), "政府信息公开工作年度报告", font=big, fill=0)
    for i, line in enumerate(["一、总体情况", "2021年，我局以《条例》为遵循，扎实推进各项工作。", "二、主动公开政府信息情况"]):
        draw.text((90, 260 + 40 * i), line, font=small, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def write_encrypted_pdf(font: str) -> bytes:
    from fpdf.enums import EncryptionMethod

    pdf = new_pdf(font)
    pdf.set_encryption(owner_password="giklint-owner", user_password="giklint", encryption_method=EncryptionMethod.RC4)
    pdf.add_page()
    pdf.set_font("cjk", size=11)
    pdf.multi_cell(0, 7, "本文件设有打开密码。")
    return bytes(pdf.output())


# ---------------------------------------------------------------- main

def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--font", default=DEFAULT_FONT, help="a CJK TrueType/TTC font for the PDFs")
    args = parser.parse_args(argv)
    blocks = parse_markdown(SOURCE.read_text(encoding="utf-8"))
    write_html(blocks)
    write_docx(blocks, HERE / "report-2021.docx")
    blank = blanked(blocks)
    filled_tables = [b for b in blocks if b.kind == "table"]
    blank_tables = [b for b in blank if b.kind == "table"]
    write_docx(blank, HERE / "blank-template.docx",
               [template_spans(f, b) for f, b in zip(filled_tables, blank_tables)])
    if not Path(args.font).exists():
        raise SystemExit(f"no CJK font at {args.font}: apt-get install fonts-wqy-microhei, or pass --font")
    report_pdf = write_pdf(blocks, args.font)
    (HERE / "report-2021.pdf").write_bytes(report_pdf)
    (HERE / "report-2021-borderless.pdf").write_bytes(write_pdf(blocks, args.font, borders="NONE"))
    (HERE / "truncated.pdf").write_bytes(report_pdf[: len(report_pdf) * 6 // 10])
    (HERE / "scanned.pdf").write_bytes(write_scanned_pdf(args.font))
    (HERE / "encrypted.pdf").write_bytes(write_encrypted_pdf(args.font))
    for name in sorted(p.name for p in HERE.iterdir() if p.suffix in (".html", ".docx", ".pdf")):
        print(f"{name}\t{(HERE / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
