"""``--format html``: the reviewer's page, loaded in a real headless Chromium.

The page is checked as the browser builds it (``--dump-dom``), draws it (``--screenshot``: Chinese as
glyphs, with the CJK font CI installs) and prints it (``--print-to-pdf``: the whole text): each finding
listed, marked in the document text where it occurs and, for table findings, on the cell; text from the
documents shown as text, never run (reports below carry ``<script>`` and ``onerror`` text that would
change the page).
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from _output_helpers import (  # noqa: F401  (at_root: autouse fixture)
    CLI_REPORTS, CROSS_YEAR, FORMATS, OPTIONS, REPORTS, all_rules, at_root, check_examples_as, checked, compared,
    finding, placed,
)

from giklint.runner import FileResult
from giklint.output import html

CHROMIUM = Path("/usr/bin/chromium")
PAGE_TITLE = "政府信息公开工作年度报告检查结果"
SCRIPT_LINE = ('我局<script>document.title="pwned"</script>编制了XX份文件'
               '<img src=x onerror="document.body.setAttribute(\'data-pwned\',\'1\')">。')
WEB_SCRIPT = "<p>&lt;script&gt;document.title=&quot;pwned2&quot;&lt;/script&gt;（文字描述）</p>\n"


@pytest.fixture
def injected_reports(tmp_path):
    """A Markdown report with script text in part 一 and a 表三 that does not balance, and a web page
    whose paragraph shows script text (as entities) and a placeholder."""
    markdown = (REPORTS / "faulty-balance.md").read_text(encoding="utf-8")
    markdown = markdown.replace("## 一、总体情况\n", f"## 一、总体情况\n\n{SCRIPT_LINE}\n", 1)
    (tmp_path / "script.md").write_text(markdown, encoding="utf-8")
    page = (FORMATS / "report-2021.html").read_text(encoding="utf-8")
    marker = "<!-- giklint-disable overview-length -->"
    (tmp_path / "web.html").write_text(page.replace(marker, WEB_SCRIPT + marker, 1), encoding="utf-8")
    return [checked(tmp_path / "script.md"), checked(tmp_path / "web.html")]


def chromium_dom(page: Path, profile: Path) -> str:
    """The DOM Chromium builds from ``page`` (scripts enabled, so injected code would show)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Debian chromium for the HTML test: apt-get install -y chromium")
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium); apt-get install -y chromium")
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def parsed(markup: str):
    import lxml.html

    return lxml.html.document_fromstring(markup)


def test_browser_shows_every_finding_marked_and_runs_nothing_from_the_documents(injected_reports, tmp_path):
    results = injected_reports
    page = tmp_path / "report.html"
    page.write_text(html.render(results, all_rules(), OPTIONS), encoding="utf-8")
    dom = parsed(chromium_dom(page, tmp_path / "profile"))

    assert dom.findtext(".//title") == PAGE_TITLE
    assert dom.xpath("//script") == [] and dom.xpath("//img") == []
    assert dom.body.get("data-pwned") is None
    texts = [t.text_content() for t in dom.xpath("//div[contains(@class, 'line')]/span[@class='text']")]
    assert any('<script>document.title="pwned"</script>' in t for t in texts)
    assert any("<script>document.title=\"pwned2\"</script>（文字描述）" in t for t in texts)

    for number, result in enumerate(results, 1):
        assert result.findings
        for k, found in enumerate(result.findings, 1):
            finding_id = f"file-{number}-finding-{k}"
            [item] = dom.xpath(f"//li[@id='{finding_id}']")
            assert item.get("data-code") == found.code and found.message in item.text_content()
            marks = dom.xpath(f"//mark[contains(concat(' ', @data-findings, ' '), ' {finding_id} ')]")
            assert marks, f"{found.code} {found.message} is not marked in the text"
            assert f"finding-mark sev-{found.severity}" in marks[0].get("class")
            assert dom.xpath(f"//span[@class='anchor'][@id='file-{number}-mark-{k}']")

    placeholder = dom.xpath("//li[@id='file-1-finding-1']")[0]
    assert placeholder.get("data-code") == "GK105"
    assert [m.text_content() for m in dom.xpath("//mark[@data-findings='file-1-finding-1']")] == ["XX"]
    assert [m.text_content() for m in dom.xpath("//mark[@data-findings='file-2-finding-1']")] == ["（文字描述）"]

    # the 表三 cell each balance finding points at, highlighted in the rendered table
    balance = [k for k, f in enumerate(results[0].findings, 1) if f.code == "GK311"]
    assert len(balance) == 2
    cells = dom.xpath("//td[contains(@class, 'hit')]")
    highlighted = {c.get("id"): (c.text_content(), c.get("data-findings")) for c in cells}
    assert highlighted["file-1-cell-applications-results_total-commercial"] == ("3", f"file-1-finding-{balance[0]}")
    assert highlighted["file-1-cell-applications-results_total-total"] == ("24", f"file-1-finding-{balance[1]}")
    [summary] = dom.xpath("//table[@class='rules-summary']//tr[@data-code='GK311']")
    assert summary.xpath("td[@class='count']")[0].text_content() == "2"


def test_page_is_self_contained_and_escapes_document_text(injected_reports):
    page = html.render(injected_reports, all_rules(), OPTIONS)
    assert "<script" not in page and "<img" not in page and "<link" not in page
    assert "&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;" in page
    assert "onerror=&quot;document.body.setAttribute(&#x27;data-pwned&#x27;" in page
    assert 'lang="zh-CN"' in page and "<style>" in page


def test_word_cell_finding_marks_the_cell_in_text_and_table():
    # 表三 is the docx's second table; row 4 is 一、本年新收, its fifth cell 科研机构 (after label and 自然人/商业企业)
    result = checked(FORMATS / "report-2021.docx")
    locations = result.model["locations"]
    target = next(path for path, loc in locations.items() if path.startswith("tables.applications.new_received.")
                  and loc.get("cell") == 5)
    location = locations[target]
    doc = parsed(html.render([placed(result, finding(message="单元格有误", **location))], all_rules(), OPTIONS))
    [mark] = doc.xpath("//mark[@data-findings='file-1-finding-1']")
    row = next(line for line in result.document.lines if line.cells and line.location.table == location["table"]
               and line.location.row == location["row"])
    assert mark.text_content() == row.cells[location["cell"] - 1].text
    assert mark.getparent().getparent().xpath("span[@class='where']")[0].text_content() == (
        f"表格{location['table']}第{location['row']}行")
    column = target.rsplit(".", 1)[1]
    [cell] = doc.xpath("//td[contains(@class, 'hit')]")
    assert cell.get("id") == f"file-1-cell-applications-new_received-{column}"


def test_findings_without_location_are_listed_for_the_whole_file():
    result = placed(checked(REPORTS / "clean-2021.md"),
                    finding(code="GK101", rule="section-missing", severity="warning", message="缺少第五部分"))
    doc = parsed(html.render([result], all_rules(), OPTIONS))
    [item] = doc.xpath("//li[@id='file-1-finding-1']")
    assert "全文" in item.text_content() and item.xpath(".//a") == []
    assert doc.xpath("//mark") == []


def test_overlapping_findings_share_the_marked_stretch():
    result = placed(checked(REPORTS / "faulty-balance.md"),
                    finding(message="整行", line=7), finding(severity="warning", message="一处", line=7, column=1))
    doc = parsed(html.render([result], all_rules(), OPTIONS))
    marks = doc.xpath("//div[@id='file-1-line-7']//mark")
    assert marks[0].get("data-findings") == "file-1-finding-1 file-1-finding-2"
    assert "sev-error" in marks[0].get("class")
    assert all("file-1-finding-1" in m.get("data-findings") for m in marks)
    assert "".join(m.text_content() for m in marks) == result.document.lines[6].text


def test_unreadable_file_and_summary():
    results = [FileResult("gone.md", error="gone.md: 文件不存在"), checked(REPORTS / "faulty-balance.md")]
    doc = parsed(html.render(results, all_rules(), OPTIONS))
    assert "无法检查此文件：文件不存在" in doc.xpath("//section[@id='file-1']")[0].text_content()
    rows = doc.xpath("//table[@class='files-summary']/tbody/tr")
    assert [r.xpath("td")[-1].text_content() for r in rows] == ["无法检查", "有问题"]
    assert doc.xpath("//section[@id='file-2']//table[@data-table='applications']")


def test_command_line_writes_the_page(tmp_path):
    page = tmp_path / "检查结果.html"
    expected, _ = check_examples_as("html", "--output", str(page))
    doc = parsed(page.read_text(encoding="utf-8"))
    sections = doc.xpath("//section[@class='file']")
    assert [s.get("data-path") for s in sections] == list(CLI_REPORTS)
    listed = [(s.get("data-path"), li.get("data-code")) for s in sections for li in s.xpath(".//li[@data-code]")]
    assert listed == [(f["path"], f["code"]) for f in expected]


# -- fonts, print, layout: what a reviewer sees and prints -------------------------------------

MEASURE = """<script>
function lines(node) {  // line boxes of an element's text: distinct tops of its client rectangles
  const range = document.createRange(); range.selectNodeContents(node);
  return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;
}
document.querySelectorAll("table[data-table='applications'] thead th").forEach(
  th => th.setAttribute("data-lines", lines(th)));
const h1 = document.querySelector("h1"), text = h1.firstChild, boxes = [];
for (let i = 0; i < text.length; i++) {
  const range = document.createRange(); range.setStart(text, i); range.setEnd(text, i + 1);
  const r = range.getBoundingClientRect(); boxes.push([r.left, r.top, r.right, r.bottom].map(Math.round).join(","));
}
h1.setAttribute("data-boxes", boxes.join(";"));
</script>"""
WINDOW = ["--window-size=760,900", "--force-device-scale-factor=1", "--hide-scrollbars"]


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    """Headless Chromium with a CJK font, as the reviewer's browser is (CI installs fonts-wqy-zenhei)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Debian chromium for the HTML test: apt-get install -y chromium")
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium); apt-get install -y chromium")
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()
    if not fonts:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs a CJK font for the HTML test: apt-get install -y fonts-wqy-zenhei")
        pytest.skip("no CJK font installed (fc-list :lang=zh is empty); apt-get install -y fonts-wqy-zenhei")
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.fixture
def reviewed_page(tmp_path):
    """The page for a report with a long text (longer than the 40em text box on screen), measured."""
    result = checked(REPORTS / "faulty-contacts-missing.md")
    page = html.render([result], all_rules(), OPTIONS)
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    (tmp_path / "measured.html").write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    return tmp_path, result


def test_page_declares_a_cjk_font_stack_for_text_and_document():
    assert 'body{font-family:"PingFang SC"' in html.STYLE and '"Noto Sans CJK SC"' in html.STYLE
    assert ".document{font-family:" + html.MONO_FONTS + "," + html.CJK_FONTS in html.STYLE


def test_chinese_characters_render_as_glyphs_not_empty_boxes(reviewed_page):
    from PIL import Image

    folder, _ = reviewed_page
    dom = parsed(chromium(*WINDOW, "--dump-dom", (folder / "measured.html").as_uri(), profile=folder / "p1").stdout)
    heading = dom.xpath("//h1")[0]
    boxes = [tuple(int(v) for v in box.split(",")) for box in heading.get("data-boxes").split(";")]
    chromium(*WINDOW, f"--screenshot={folder / 'shot.png'}", (folder / "report.html").as_uri(), profile=folder / "p2")
    shot = Image.open(folder / "shot.png").convert("L")
    glyphs = [shot.crop(box).tobytes() for box in boxes]
    assert all(min(glyph) < 128 for glyph in glyphs)  # something is drawn in each box
    # An empty box (tofu) is the same picture for every character; real glyphs differ from each other.
    assert len(set(glyphs)) == len(set(heading.text)) == len(boxes)


def test_table_three_column_headers_do_not_break_inside_a_word(reviewed_page):
    folder, _ = reviewed_page
    dom = parsed(chromium(*WINDOW, "--dump-dom", (folder / "measured.html").as_uri(), profile=folder / "p").stdout)
    headers = dom.xpath("//table[@data-table='applications']/thead/tr/th")
    assert [th.text_content() for th in headers][1:] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                                                         "其他", "总计"]
    assert [th.get("data-lines") for th in headers] == ["1"] * len(headers)


def test_printing_shows_the_whole_original_text(reviewed_page):
    import pypdfium2

    folder, result = reviewed_page
    pdf = folder / "printed.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", (folder / "report.html").as_uri(), profile=folder / "p")
    document = pypdfium2.PdfDocument(str(pdf))
    printed = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    squeezed = "".join(printed.split())
    lines = ["".join(line.text.split()) for line in result.document.lines if line.text.strip()]
    assert len(lines) > 40 and len(document) >= 3  # more than the 40em box holds on screen
    missing = [line for line in lines if line not in squeezed]
    assert missing == [], f"{len(missing)} of {len(lines)} lines not printed, e.g. {missing[:3]}"


def test_missing_contacts_are_marked_at_the_end_of_the_text_not_on_the_title(reviewed_page):
    _, result = reviewed_page
    [found] = [f for f in result.findings if f.rule == "contact-missing"]
    doc = parsed(html.render([result], all_rules(), OPTIONS))
    [mark] = doc.xpath("//mark[contains(@data-findings, 'file-1-finding-')][ancestor::div[@id='file-1-line-112']]")
    assert found.line == 112 and "2022年1月16日".startswith(mark.text_content())  # the signature line
    assert not doc.xpath("//div[@id='file-1-line-1']//mark")


def test_cross_year_findings_show_the_two_years_figures_side_by_side():
    result = compared(CROSS_YEAR / "yunxi-jtj-2022.md", CROSS_YEAR / "yunxi-jtj-2021.md")
    dom = parsed(html.render([result, checked(REPORTS / "clean-2021.md")], all_rules(), OPTIONS))
    [table] = dom.xpath("//table[@class='comparison']")
    rows = [[cell.text_content() for cell in row.xpath("td")] for row in table.xpath(".//tbody/tr")]
    assert [row[:2] + row[3:4] for row in rows] == [["表三“商业企业”列 上年结转", "0", "1"], ["表三“总计”列 上年结转", "2", "3"]]
    assert rows[0][2] == "第62行第26列"
    assert rows[0][4] == "上年报告表三“四、结转下年度继续办理”行“商业企业”列examples/cross-year/reports/yunxi-jtj-2021.md 第90行第21列"
    assert [a.get("href") for a in table.xpath(".//a")] == ["#file-1-finding-1", "#file-1-finding-2"]
    assert len(dom.xpath("//table[@class='comparison']")) == 1  # nothing compared in the other file
