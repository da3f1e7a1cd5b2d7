"""Scans read by OCR (giklint/loaders/ocr.py, scan.py, image.py, ocr_cache.py).

The OCR tests run when the ``giklint[ocr]`` extra is installed (CI installs it) on one page of the
project's own report PDF, printed, sealed and scanned back in by ``bench/scanner.py``: OCR is about
ten seconds a page, so the scan is read once per module and reused. The notices without the extra
run everywhere.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT
from giklint.loaders.ocr import ocr_installed

FORMATS = EXAMPLES / "formats"
TABLE_PAGE = 2  # report-2021.pdf's page with 表二 (index 1): a ruled table and some text
needs_ocr = pytest.mark.skipif(not ocr_installed(), reason="the giklint[ocr] extra is not installed")


def rows(lines):
    return [[cell.text for cell in line.cells] for line in lines if line.cells]


@pytest.fixture(scope="module")
def scanned_page(tmp_path_factory):
    """(scan as an image-only PDF, the same page's text-layer lines, cache folder)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from scanner import scanned_copy

    from giklint.loaders.pdf import load_pdf

    original = load_pdf((FORMATS / "report-2021.pdf").read_bytes(), "report-2021.pdf")
    page_lines = [line for line in original.lines if line.location.page == TABLE_PAGE]
    return scanned_copy(str(FORMATS / "report-2021.pdf"), 200, pages=[TABLE_PAGE - 1]), page_lines, \
        tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def scanned_document(scanned_page):
    from giklint.loaders.pdf import load_pdf

    data, _, cache = scanned_page
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GIKLINT_CACHE_DIR", str(cache))
        patch.setenv("GIKLINT_OCR", "auto")
        return load_pdf(data, "scan.pdf")


@needs_ocr
def test_a_scanned_table_reads_as_the_text_layer_does(scanned_page, scanned_document):
    _, text_layer, _ = scanned_page
    assert scanned_document.notices == ["ocr-pages:1/1"]
    assert rows(scanned_document.lines) == rows(text_layer)
    label = next(line for line in scanned_document.lines if line.cells and line.cells[0].text == "行政许可")
    assert label.location.page == 1 and label.cells[-1].text == "1286"


@needs_ocr
def test_a_second_read_comes_from_the_cache_outside_the_checked_tree(scanned_page, scanned_document, monkeypatch,
                                                                      tmp_path):
    import giklint.loaders.ocr as ocr
    from giklint.loaders.pdf import load_pdf

    data, _, cache = scanned_page
    assert [p.parent.name for p in cache.rglob("*.json")] == ["ocr"]
    monkeypatch.setenv("GIKLINT_CACHE_DIR", str(cache))
    monkeypatch.setattr(ocr, "engine", lambda: pytest.fail("OCR ran again instead of using the cache"))
    monkeypatch.chdir(tmp_path)
    again = load_pdf(data, "scan.pdf")
    assert rows(again.lines) == rows(scanned_document.lines) and list(tmp_path.iterdir()) == []


@needs_ocr
def test_an_image_file_of_a_page_is_read_by_the_command_line(scanned_page, tmp_path):
    """A .png of a page (the scan, cropped to the table): parse gives the table's values and says OCR read it."""
    from PIL import Image

    import pypdfium2 as pdfium

    data, _, _ = scanned_page
    page = pdfium.PdfDocument(data)[0]
    image = page.render(scale=200 / 72).to_pil()
    width, height = image.size
    path = tmp_path / "page.png"
    image.crop((0, 0, width, height // 3)).save(path, dpi=(200, 200))
    proc = subprocess.run([sys.executable, "-m", "giklint", "parse", str(path)], capture_output=True, text=True,
                          env={**__import__("os").environ, "GIKLINT_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == 0, proc.stderr
    model = json.loads(proc.stdout)
    assert model["source"]["format"] == "image" and model["source"]["notices"] == ["ocr-pages:1/1"]
    assert model["tables"]["active_disclosure"]["licensing"] == {"decisions": 1286}


def test_without_the_extra_a_scan_says_how_to_enable_ocr(monkeypatch):
    import giklint.loaders.scan as scan
    from giklint import lint

    monkeypatch.setattr(scan, "ocr_installed", lambda: False)
    findings = lint(FORMATS / "scanned.pdf")
    assert [(f.code, f.rule) for f in findings] == [("GK001", "no-text-layer")]
    assert findings[0].message.endswith("安装 OCR 扩展后可识别扫描件：pip install 'giklint[ocr]'")


def test_ocr_never_leaves_a_scan_unread_and_says_so():
    proc = subprocess.run([sys.executable, "-m", "giklint", "check", "--ocr", "never", str(FORMATS / "scanned.pdf")],
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert "GK001" in proc.stdout and "OCR 已关闭（--ocr never）" in proc.stdout


def test_an_image_without_the_extra_is_a_scan_without_text(monkeypatch, tmp_path):
    import giklint.loaders.scan as scan
    from giklint.api import parse

    monkeypatch.setattr(scan, "ocr_installed", lambda: False)
    png = io.BytesIO()
    __import__("PIL.Image", fromlist=["Image"]).new("L", (40, 40), 255).save(png, format="PNG")
    assert parse(png.getvalue(), "page.png")["source"]["notices"] == ["no-text-layer:ocr-missing"]


def test_images_in_a_folder_are_not_taken_for_reports(tmp_path):
    from giklint.loaders import builtin_loaders
    from giklint.targets import checked_suffixes, expand_paths

    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "report.md").write_text("# 报告\n", encoding="utf-8")
    found = [target.path for target in expand_paths([str(tmp_path)], checked_suffixes(builtin_loaders()))]
    assert found == [str(tmp_path / "report.md")]
    named = [target.path for target in expand_paths([str(tmp_path / "logo.png")], checked_suffixes(builtin_loaders()))]
    assert named == [str(tmp_path / "logo.png")]


def test_a_lone_zero_or_one_is_trusted_at_the_scores_a_noisy_scan_gives_them():
    from giklint.loaders.ocr import TextBox

    def uncertain(text: str, score: float) -> bool:
        return TextBox(text, score, []).uncertain

    # scores measured on a 200 dpi sealed scan (bench/ocr.py): lone 0s from 0.43, lone 1s from 0.82, read right
    assert not uncertain("0", 0.55) and not uncertain("1", 0.82)
    assert uncertain("0", 0.40) and uncertain("1", 0.6)
    assert uncertain("7", 0.82) and uncertain("12", 0.82)  # any other text keeps the usual threshold


def test_characters_ocr_reads_are_laid_out_as_the_same_characters_of_a_text_layer():
    """A scan's characters and strokes (no OCR engine needed: the text layer's own, as OCR would
    give them) go through the text layer's layout to the same lines, cells and locations."""
    import pypdfium2

    from giklint.loaders.ocr import PageScan, TextBox
    from giklint.loaders.pdf import layout_page, page_chars, page_drawing
    from giklint.loaders.scan import scan_lines

    document = pypdfium2.PdfDocument((EXAMPLES / "formats" / "report-2021.pdf").read_bytes())
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            chars, drawing = page_chars(textpage), page_drawing(page)
            scan = PageScan(page.get_width(), page.get_height(),
                            [TextBox(c.text, 1.0, [(c.x0, c.y0, c.x1, c.y1)]) for c in chars],
                            list(drawing.horizontal), list(drawing.vertical))
            expected = layout_page(chars, drawing.horizontal, drawing.vertical, page.get_height(), index + 1)
            lines, uncertain = scan_lines(scan, index + 1)
            assert [(line.text, line.location, line.cells) for line in lines] == [
                (line.text, line.location, line.cells) for line in expected]
            assert lines and uncertain == []
            textpage.close()
            page.close()
    finally:
        document.close()
