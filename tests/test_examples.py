"""Every example report reads back as the facts written into it (examples/reports/*.facts.yaml).

One test per example and part of the model, each failing with the list of fields that differ as
``field: expected …, got …`` so a failure says which extractor to look at.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from _examples import REPORTS_DIR, example_params, examples, norm

from giklint.extract.template import APPLICATION_COLUMNS, REVIEW_COLUMNS

APP_COLUMNS = [key for key, _ in APPLICATION_COLUMNS]
RL_COLUMNS = [key for key, _ in REVIEW_COLUMNS]
NUMBERING = re.compile(r"^\s*([一二三四五六七八九十]+、|\d+\s*[、.．])")

EXAMPLES = example_params()


@lru_cache(maxsize=None)
def model_of(path: Path) -> Dict[str, Any]:
    from giklint.api import parse

    return parse(str(path))


class Mismatches:
    """Collects ``field: expected …, got …`` lines; the test fails listing all of them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: List[str] = []

    def expect(self, field: str, good: bool, expected: Any, got: Any) -> None:
        if not good:
            self.lines.append(f"{field}: expected {expected!r}, got {got!r}")

    def check(self) -> None:
        if self.lines:
            pytest.fail(f"{self.path.name}:\n  " + "\n  ".join(self.lines), pytrace=False)


def same_number(got: Any, expected: Any) -> bool:
    return isinstance(got, (int, float)) and not isinstance(got, bool) and float(got) == float(expected)


# ------------------------------------------------------------------------------------------ meta
@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_title_agency_year_template(path, facts):
    meta = model_of(path)["meta"]
    m = Mismatches(path)
    if facts["title"] is None:
        m.expect("meta.title", meta["title"] is None, None, meta["title"])
    else:
        m.expect("meta.title", norm(meta["title"]) == norm(facts["title"]), facts["title"], meta["title"])
    m.expect("meta.agency", norm(meta["agency"]) == norm(facts["agency"]), facts["agency"], meta["agency"])
    m.expect("meta.year", meta["year"] == facts["year"], facts["year"], meta["year"])
    m.expect("meta.template", meta["template"] == facts["template"], facts["template"], meta["template"])
    m.check()


@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_sections_with_their_numbering(path, facts):
    sections = model_of(path)["sections"]
    m = Mismatches(path)
    numbers = [s["number"] for s in sections]
    m.expect("sections (numbers found)", numbers == sorted(facts["sections"]), sorted(facts["sections"]), numbers)
    for number, heading in facts["sections"].items():
        found = [s for s in sections if s["number"] == number]
        if not found:
            continue
        got = found[0]
        printed = (got["heading"] or "").lstrip("#").strip()
        m.expect(f"sections[{number}].heading", norm(printed) == norm(heading), heading, got["heading"])
        numbering = NUMBERING.match(heading).group(1)
        m.expect(f"sections[{number}].numbering", norm(got.get("numbering")) == norm(numbering), numbering,
                 got.get("numbering"))
    m.check()


@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_statistics_period(path, facts):
    period = model_of(path)["meta"]["period"]
    want = facts["period"]
    m = Mismatches(path)
    if not want["stated"]:
        for key in ("start", "end", "raw"):
            m.expect(f"meta.period.{key}", period[key] is None, None, period[key])
    for key in ("start", "end"):
        if key in want:
            m.expect(f"meta.period.{key}", period[key] == want[key], want[key], period[key])
    if "raw" in want:
        got = norm(period["raw"]) or ""
        m.expect("meta.period.raw", bool(got) and norm(want["raw"]) in got, want["raw"], period["raw"])
    elif want["stated"]:
        m.expect("meta.period.raw", bool(period["raw"]), "the period sentence", period["raw"])
    if "valid" in want:
        m.expect("meta.period.valid", period.get("valid") == want["valid"], want["valid"], period.get("valid"))
    m.check()


@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_contacts(path, facts):
    contacts = model_of(path)["meta"]["contacts"]
    m = Mismatches(path)
    for kind, values in facts["contacts"].items():
        got = [norm(v) for v in contacts.get(kind) or []]
        want = [norm(v) for v in values]
        if kind == "address":  # where an address ends is a matter of judgement: containment is enough
            good = len(got) == len(want) and all(any(w in g or g in w for g in got) for w in want)
        else:
            good = sorted(got) == sorted(want)
        m.expect(f"meta.contacts.{kind}", good, values, contacts.get(kind))
    m.check()


@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_signature_and_publication_date(path, facts):
    meta = model_of(path)["meta"]
    signature = meta["signature"] or {}
    m = Mismatches(path)
    want = facts["signature"]
    if want is None:
        m.expect("meta.signature", not signature.get("agency") and not signature.get("date"), None, meta["signature"])
    else:
        m.expect("meta.signature.agency", norm(signature.get("agency")) == norm(want["agency"]), want["agency"],
                 signature.get("agency"))
        m.expect("meta.signature.date", signature.get("date") == want["date"], want["date"], signature.get("date"))
    if facts["published"] is not None:
        m.expect("meta.published", meta["published"] == facts["published"], facts["published"], meta["published"])
    else:  # no publication date printed: none, or the signature date standing in for it
        fallback = (want or {}).get("date")
        m.expect("meta.published", meta["published"] in (None, fallback), f"None or {fallback}", meta["published"])
    m.check()


# ------------------------------------------------------------------------------------------ tables
@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_active_disclosure_table(path, facts):
    table = model_of(path)["tables"]["active_disclosure"] or {}
    m = Mismatches(path)
    for row, cells in facts["tables"]["active_disclosure"].items():
        got_row = table.get(row) or {}
        for column, value in cells.items():
            got = got_row.get(column)
            if isinstance(value, str):  # "186.4万元": the number, and the unit apart
                number, unit = re.match(r"^(-?[\d.]+)(\D*)$", value).groups()
                m.expect(f"active_disclosure.{row}.{column}", same_number(got, number), float(number), got)
                m.expect(f"active_disclosure.{row}.amount_unit", got_row.get("amount_unit") == unit, unit,
                         got_row.get("amount_unit"))
            else:
                m.expect(f"active_disclosure.{row}.{column}", same_number(got, value), value, got)
    m.check()


def compare_rows(m: Mismatches, name: str, table: Optional[Dict[str, Any]], want: Dict[str, Any],
                 columns: List[str]) -> None:
    table = table or {}
    for row, values in want.items():
        got_row = table.get(row) or {}
        if values == "unplaced":  # fewer values than columns: at least one cell must stay unknown
            got = [got_row.get(c) for c in columns]
            m.expect(f"{name}.{row}", None in got, "a row with at least one null cell", got)
            continue
        for column, value in zip(columns, values):
            got = got_row.get(column)
            m.expect(f"{name}.{row}.{column}", same_number(got, value), value, got)
    for row, cells in table.items():  # a row the document does not print must not get values
        if row not in want and any(v is not None for v in (cells or {}).values()):
            m.expect(f"{name}.{row}", False, "absent (not printed)", cells)


@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_applications_table(path, facts):
    model = model_of(path)
    m = Mismatches(path)
    compare_rows(m, "applications", model["tables"]["applications"], facts["tables"]["applications"], APP_COLUMNS)
    for name, template in (facts.get("table_templates") or {}).items():
        got = ((model.get("table_info") or {}).get(name) or {}).get("template")
        m.expect(f"table_info.{name}.template", got == template, template, got)
    m.check()


@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_review_litigation_table(path, facts):
    m = Mismatches(path)
    compare_rows(m, "review_litigation", model_of(path)["tables"]["review_litigation"],
                 facts["tables"]["review_litigation"], RL_COLUMNS)
    m.check()


@pytest.mark.parametrize("path, facts", EXAMPLES)
def test_encoding_is_detected(path, facts):
    got = (model_of(path).get("source") or {}).get("encoding")
    # a PDF has no text encoding: its facts say null
    assert (got or "").lower().replace("_", "-") == (facts["encoding"] or ""), f"{path.name}: source.encoding"


# ------------------------------------------------------------------------------------------ the examples themselves
@lru_cache(maxsize=None)
def load_make_encodings():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("make_encodings", REPORTS_DIR / "make_encodings.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_encodings"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_encoded_variants_are_what_make_encodings_writes(tmp_path):
    make_encodings = load_make_encodings()
    written = make_encodings.write_variants(REPORTS_DIR, tmp_path)
    assert len(written) == 2 * len(make_encodings.VARIANTS)
    for path in written:
        committed = REPORTS_DIR / path.name
        assert committed.read_bytes() == path.read_bytes(), f"{path.name} is stale: run make_encodings.py"


@pytest.mark.parametrize("variant", [v.name for v in load_make_encodings().VARIANTS])
def test_an_encoded_variant_reads_as_its_utf8_source(variant):
    source = next(v.source for v in load_make_encodings().VARIANTS if v.name == variant)
    ours = {k: v for k, v in model_of(REPORTS_DIR / variant).items() if k != "source"}
    theirs = {k: v for k, v in model_of(REPORTS_DIR / source).items() if k != "source"}
    assert ours == theirs


def test_every_report_has_facts_and_the_readme_lists_it():
    readme = (REPORTS_DIR / "README.md").read_text(encoding="utf-8")
    reports = {p.name for p in REPORTS_DIR.iterdir()
               if p.suffix in (".md", ".txt", ".pdf") and p.name != "README.md"}
    described = {path.name for path, _ in examples()}
    assert reports == described
    missing = [name for name in sorted(reports) if f"`{name}`" not in readme]
    assert not missing, f"not in examples/reports/README.md: {missing}"


IDENTITY_RULES = {"balance", "row-total", "outcome-total", "review-litigation-total"}


@pytest.mark.parametrize("path, facts", [p for p in EXAMPLES
                                         if not {x["rule"] for x in p.values[1]["problems"]} & IDENTITY_RULES])
def test_example_tables_hold_their_identities(path, facts):
    """The facts themselves: an example not meant to break an identity keeps every one of them."""
    app = facts["tables"]["applications"]
    placed = {row: values for row, values in app.items() if values != "unplaced"}
    for row, values in placed.items():
        assert sum(values[:6]) == values[6], f"{path.name}: row total of {row}"
    outcome_rows = [r for r in placed if r not in ("new_received", "carried_over", "results_total", "carried_forward")]
    if len(placed) == len(app):
        for col in range(7):
            assert sum(placed[r][col] for r in outcome_rows) == placed["results_total"][col], f"{path.name}: col {col}"
            assert (placed["new_received"][col] + placed["carried_over"][col]
                    == placed["results_total"][col] + placed["carried_forward"][col]), f"{path.name}: balance {col}"
    for group, values in facts["tables"]["review_litigation"].items():
        assert sum(values[:4]) == values[4], f"{path.name}: 表四 {group}"
