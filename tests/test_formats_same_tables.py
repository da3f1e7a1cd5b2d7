"""One report in every format gives the same tables, cell for cell.

``examples/formats/report-2021.md`` is the source; ``make_formats.py`` beside it wrote the HTML pages
(a current one and an old GBK one with layout tables), the Word file and the PDFs (ruled and
borderless) from it. The hand-read figures are in ``report-2021.tables.yaml``.
"""
from __future__ import annotations

import pytest

from conftest import EXAMPLES, load_yaml
from giklint.api import parse, read_report
from giklint.extract.template import APPLICATION_COLUMNS, REVIEW_COLUMNS

FORMATS = EXAMPLES / "formats"
SOURCE = "report-2021.md"
RENDERED = ["report-2021.html", "report-2021-gbk.html", "report-2021.docx", "report-2021.pdf"]


def expected_tables():
    facts = load_yaml(FORMATS / "report-2021.tables.yaml")
    columns = [key for key, _ in APPLICATION_COLUMNS]
    review_columns = [key for key, _ in REVIEW_COLUMNS]
    return {
        "active_disclosure": facts["active_disclosure"],
        "applications": {row: dict(zip(columns, values)) for row, values in facts["applications"].items()},
        "review_litigation": {group: dict(zip(review_columns, values))
                              for group, values in facts["review_litigation"].items()},
    }


def table_rows(name: str):
    document = read_report(FORMATS / name).document
    return [[cell.text for cell in line.cells] for line in document.lines if line.cells]


def test_html_word_and_pdf_give_the_same_table_rows():
    """The loaders agree cell for cell before any extraction: same rows, same merged cells."""
    reference = table_rows("report-2021.docx")
    assert len(reference) == 46
    for name in ("report-2021.html", "report-2021-gbk.html", "report-2021.pdf"):
        assert table_rows(name) == reference, name


@pytest.mark.parametrize("name", [SOURCE] + RENDERED)
def test_every_format_gives_the_hand_read_tables(name):
    assert parse(FORMATS / name)["tables"] == expected_tables()


def test_borderless_pdf_gives_the_hand_read_tables():
    """Without borders the rows are rebuilt from gaps and wrapped labels joined to their row;
    表四's header words wrap into fragments ("结果维" / "持") and its row of values stands alone."""
    assert parse(FORMATS / "report-2021-borderless.pdf")["tables"] == expected_tables()
