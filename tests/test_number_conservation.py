"""Number conservation: every number printed inside a table's region ends up in exactly one cell of
the model, or in the printed values of a row the extractor could not place (which ``cell-missing``
reports with its location) — never lost, never counted twice.

Two levels. The loaders: for every example's facts rendered in every format (PDF ruled, partly ruled
and borderless; Word; HTML; text), the numbers of the table regions' tokens are exactly the facts'
numbers (a PDF cell whose border is missing gives the text layer's words, not "1 6" read as 16).
The extractor: for every example file as it is, the digits printed in each table region are the
digits of the numbers the model holds for that table (a glued run "801000081" is read as several).
"""
from __future__ import annotations

import collections
import re
from pathlib import Path
from typing import Any, Counter, Dict, Iterable, List

import pytest
from _examples import examples
from _layouts import Layout, cjk_font, render

from conftest import EXAMPLES
from giklint.api import default_loaders, parse
from giklint.extract.table_tokens import find_regions, tokenize, unflatten
from giklint.loaders import load_document

TABLES = ("active_disclosure", "applications", "review_litigation")
PDF_OPTIONS = dict(font_size=8, face=0, widths=[1.0, 1.3, 0.8, 1.1] * 4, break_row=9, missing_share=0.3, rng=0.5)
PDF_LAYOUTS = [
    Layout("pdf", 1, ("ruled", "page-break", "repeated-header"), PDF_OPTIONS),
    Layout("pdf", 2, ("partly-ruled",), dict(PDF_OPTIONS, missing=[2, 4, 5, 9])),
    Layout("pdf", 3, ("borderless",), PDF_OPTIONS),
]
OTHER_LAYOUTS = [Layout("docx", 4, ("merged",)), Layout("html", 5, ("spans",)), Layout("text", 6, ("spaces",))]
FORMAT_NAMES = ("pdf", "docx", "html", "text")


def region_numbers(data: bytes, name: str) -> Dict[str, Counter]:
    document = load_document(data, name, default_loaders())
    lines = unflatten(document.lines)
    found: Dict[str, Counter] = {}
    for table, region in find_regions(lines).items():
        tokens = tokenize(lines, region.start, region.end) if region else []
        found[table] = collections.Counter(float(t.value.number) for t in tokens if t.is_number)
    return found


def facts_numbers(facts: Dict[str, Any]) -> Dict[str, Counter]:
    found: Dict[str, Counter] = {}
    for table, rows in facts["tables"].items():
        values: List[Any] = []
        for cells in rows.values():
            values += cells.values() if isinstance(cells, dict) else cells
        found[table] = collections.Counter(float(re.match(r"-?[\d.]+", str(v)).group()) for v in values)
    return found


def distinct_examples():
    """Examples with every cell printed, one per distinct set of tables (variants share theirs)."""
    seen, found = set(), []
    for path, facts in examples():
        key = repr(facts["tables"])
        if key not in seen and all(v != "unplaced" for v in facts["tables"]["applications"].values()):
            seen.add(key)
            found.append((path, facts))
    return found


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_the_loaders_keep_every_printed_number_of_every_example(fmt):
    if fmt == "pdf" and cjk_font() is None:
        pytest.skip("no CJK TrueType font (Debian fonts-wqy-zenhei, installed by .ci/run)")
    wrong = []
    for index, (path, facts) in enumerate(distinct_examples()):
        layout = PDF_LAYOUTS[index % len(PDF_LAYOUTS)] if fmt == "pdf" else next(
            layout for layout in OTHER_LAYOUTS if layout.format == fmt)
        got = region_numbers(render(facts, layout), "r." + {"text": "txt"}.get(fmt, fmt))
        for table, want in facts_numbers(facts).items():
            have = got.get(table) or collections.Counter()
            if have != want:
                wrong.append(f"{path.name} {layout.name()} {table}: lost {dict(want - have)}, extra {dict(have - want)}")
    assert wrong == []


def digits(numbers: Iterable[Any]) -> Counter:
    return collections.Counter(ch for n in numbers for ch in re.sub(r"\D", "", f"{abs(n):g}" if isinstance(n, float)
                                                                       else str(abs(n))))


def model_numbers(model: Dict[str, Any], table: str) -> List[Any]:
    numbers = []
    for row in (model["tables"].get(table) or {}).values():
        numbers += [v for v in row.values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
    for info in (model["table_info"].get(table) or {}).get("rows", {}).values():
        if not info["placed"]:
            numbers += [v for v in info["printed"] if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return numbers


def example_files() -> List[Path]:
    formats = [p for p in (EXAMPLES / "formats").glob("report-2021*") if p.suffix != ".yaml"]
    return [path for path, _ in examples()] + sorted(formats)


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_the_extractor_accounts_for_every_digit_printed_in_a_table(path):
    data = path.read_bytes()
    document = load_document(data, str(path), default_loaders())
    lines = unflatten(document.lines)
    model = parse(str(path))
    for table, region in find_regions(lines).items():
        tokens = tokenize(lines, region.start, region.end) if region else []
        printed = collections.Counter(ch for t in tokens if t.is_number for ch in re.sub(r"\D", "", t.key.split(".")[0] + t.key.partition(".")[2]))
        assert digits(model_numbers(model, table)) == printed, f"{path.name} {table}"
