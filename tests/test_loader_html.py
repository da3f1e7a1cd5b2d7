"""The HTML loader: a saved government page read as the report it holds, with source locations."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import EXAMPLES
from giklint.errors import InputError
from giklint.loaders.html import HTML, load_html

FORMATS = EXAMPLES / "formats"


def page(body: str, head: str = "", charset: str = "utf-8") -> bytes:
    return (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}">{head}</head>\n<body>\n{body}\n</body></html>\n'
            ).encode(charset)


def load(data: bytes, name: str = "page.html"):
    return load_html(data, name)


def rows(document):
    return [[cell.text for cell in line.cells] for line in document.lines if line.cells]


@pytest.fixture(scope="module")
def saved_page():
    return load((FORMATS / "report-2021.html").read_bytes())


def test_site_chrome_is_left_out_and_the_article_kept(saved_page):
    text = saved_page.text
    for chrome in ("政务服务", "无障碍", "请输入关键词", "当前位置", "分享到", "打印本页", "相关文章",
                   "2020年政府信息公开工作年度报告", "网站标识码", "0599-5550000", "统计脚本", "float"):
        assert chrome not in text, chrome
    texts = [line.text for line in saved_page.lines]
    assert texts[0] == "江屿市云溪区市场监督管理局2021年政府信息公开工作年度报告"
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert heading in texts
    assert texts[-2:] == ["江屿市云溪区市场监督管理局", "2022年1月18日"]


def test_publication_date_and_title_come_from_the_page_metadata(saved_page):
    assert saved_page.metadata["published"] == "2022-01-20"
    assert saved_page.metadata["written"] == "2022-01-18"
    assert saved_page.metadata["title"] == "江屿市云溪区市场监督管理局2021年政府信息公开工作年度报告"


@pytest.mark.parametrize("markup, published", [
    ('<div class="info">发表日期:2022-01-12 09:50:00 发布机构:卫生健康局</div>', "2022-01-12"),
    ('<p>发布时间：2022年1月9日</p>', "2022-01-09"),
    ('<table><tr><td>成文日期：</td><td>2022/01/05</td></tr></table>', "2022-01-05"),  # else 成文日期
    ('<table><tr><td>成文日期：</td><td>2022-01-05</td><td>发布日期：</td><td>2022-01-28</td></tr></table>',
     "2022-01-28"),
])
def test_publication_date_from_the_visible_metadata_block(markup, published):
    document = load(page(markup + "<div><p>一、总体情况</p><p>正文。</p></div>"))
    assert document.metadata["published"] == published


def test_publication_date_from_a_meta_tag_when_the_page_shows_none():
    document = load(page("<p>一、总体情况</p>", head='<meta name="PubDate" content="2022-01-26 10:00">'))
    assert document.metadata["published"] == "2022-01-26"
    assert "published" not in load(page("<p>一、总体情况</p>")).metadata


def test_table_rows_resolve_rowspan_and_colspan(saved_page):
    table = rows(saved_page)
    assert table[0] == ["第二十条第（一）项"]  # colspan 4: once
    assert table[14:17] == [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["", "自然人", "法人或其他组织", "总计"],  # the 3x3 merged cell: one "" in the rows below it
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]
    assert ["三、本年度办理结果", "（一）予以公开", "7", "1", "0", "1", "1", "0", "10"] in table
    assert ["", "", "2.其他法律行政法规禁止公开", "1", "0", "0", "0", "0", "0", "1"] in table
    assert ["四、结转下年度继续办理", "0", "1", "0", "0", "0", "0", "1"] in table


def test_a_cell_merged_down_at_the_end_of_a_row_keeps_its_place():
    document = load(page('<table><tr><td>a</td><td rowspan="2">b</td></tr><tr><td>c</td></tr>'
                         '<tr><td colspan="2">d</td></tr></table>'))
    assert rows(document) == [["a", "b"], ["c", ""], ["d"]]
    assert document.lines[0].text == "a\tb"


def test_text_split_by_inline_tags_and_source_lines_is_joined(saved_page):
    preamble = saved_page.lines[2].text
    assert "统计期限自2021年1月1日起至2021年12月31日止" in preamble  # 20<font>21年… and <span>2021</span>\n年


def test_layout_tables_of_an_old_gbk_page_give_the_same_report(saved_page):
    old = load((FORMATS / "report-2021-gbk.html").read_bytes())
    assert old.encoding == "gb18030"
    assert rows(old) == rows(saved_page)
    assert [line.text for line in old.lines] == [line.text for line in saved_page.lines if "giklint" not in line.text]
    assert "网站首页" not in old.text and "版权所有" not in old.text and "信息公开指南" not in old.text
    assert old.metadata["published"] == "2022-01-20"


def test_every_location_points_at_its_text_in_the_source(saved_page):
    source = (FORMATS / "report-2021.html").read_text(encoding="utf-8").split("\n")
    located = [(line.text, line.location) for line in saved_page.lines if not line.cells]
    located += [(cell.text, cell.location) for line in saved_page.lines if line.cells for cell in line.cells if cell.text]
    assert len(located) > 200
    for text, location in located:
        start = location.column - 1
        assert source[location.line - 1][start: start + len(text[:4])] == text[:4], (text, location)


def test_charset_from_bom_meta_or_detection():
    body = "<p>一、总体情况</p><p>本机关2021年新收申请3件。</p>"
    assert load(page(body, charset="gbk")).encoding == "gb18030"
    assert "新收申请3件" in load(page(body, charset="gbk")).text
    # a page that declares gb2312 but was saved as UTF-8 with a BOM
    with_bom = b"\xef\xbb\xbf" + page(body).replace(b"utf-8", b"gb2312")
    assert "新收申请3件" in load(with_bom).text
    # no declaration at all, GBK bytes
    bare = f"<html><body>{body}</body></html>".encode("gbk")
    assert "新收申请3件" in load(bare).text


def test_inline_suppression_comments_stay_as_lines(saved_page):
    assert saved_page.lines[1].text == "<!-- giklint-disable overview-length -->"


def test_a_page_without_part_headings_uses_the_text_heaviest_block():
    nav = "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(30))
    article = "<div class='main'>" + "".join(f"<p>第{i}段正文，内容较长的一段文字。</p>" for i in range(20)) + "</div>"
    document = load(page(f"<div class='menu'><ul>{nav}</ul></div>{article}<div class='links'>{nav}</div>"))
    assert document.lines[0].text == "第0段正文，内容较长的一段文字。"
    assert "栏目" not in document.text


def test_sniffer_and_suffixes():
    assert HTML.sniff(b"\xef\xbb\xbf  <!DOCTYPE html><html>") and HTML.sniff(b"<html lang='zh'>")
    assert not HTML.sniff(b"# \xe6\xa0\x87\xe9\xa2\x98\n") and not HTML.sniff(b"%PDF-1.7")
    assert ".htm" in HTML.suffixes and ".html" in HTML.suffixes


def test_an_empty_page_is_a_clear_input_error():
    with pytest.raises(InputError, match="文件为空"):
        load(b"  \n")


def test_a_pdf_named_page_is_refused_with_exit_2_naming_the_file():
    path = FORMATS / "html-named.pdf"
    proc = subprocess.run([sys.executable, "-m", "giklint", "parse", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "html-named.pdf" in proc.stderr and "HTML" in proc.stderr and "Traceback" not in proc.stderr


def test_caption_header_rows_and_a_preformatted_report():
    document = load(page("<table><caption>表二 主动公开政府信息情况</caption><thead><tr><th>信息内容</th>"
                         "<th>本年处理决定数量</th></tr></thead><tbody><tr><td>行政许可</td><td>12</td></tr></tbody></table>"))
    assert [line.text for line in document.lines] == ["表二 主动公开政府信息情况", "信息内容\t本年处理决定数量", "行政许可\t12"]
    text = load(page("<pre>一、总体情况\n  本机关2021年新收申请3件。\n二、主动公开政府信息情况</pre>"))
    assert [line.text for line in text.lines] == ["一、总体情况", "本机关2021年新收申请3件。", "二、主动公开政府信息情况"]
    assert [line.location.line for line in text.lines] == [4, 5, 6]


def test_the_builtin_loaders_are_their_modules_specs_imported_on_first_use():
    from giklint.loaders import builtin_loaders, docx, html, image, pdf, text

    specs = {spec.name: spec for spec in builtin_loaders()}
    assert len(specs) == 6
    for module_spec in (text.TEXT, text.MARKDOWN, html.HTML, docx.DOCX, pdf.PDF, image.IMAGE):
        spec = specs[module_spec.name]
        assert (spec.suffixes, spec.description, spec.searched) == \
            (module_spec.suffixes, module_spec.description, module_spec.searched)
        assert spec.sniff is None if module_spec.sniff is None else spec.sniff is not None
