"""The eight layouts of real reports that lost numbers or gave false findings, one example each
(examples/reports/README.md, "Long-tail layouts"): what each must read, and what it must not report."""
from __future__ import annotations

import json
import subprocess
import sys
from functools import lru_cache
from typing import Any, Dict, List

from _examples import REPORTS_DIR


@lru_cache(maxsize=None)
def model_of(name: str) -> Dict[str, Any]:
    from giklint.api import parse

    return parse(str(REPORTS_DIR / name))


def findings(name: str) -> List[dict]:
    result = subprocess.run([sys.executable, "-m", "giklint", "check", "--format", "json", str(REPORTS_DIR / name)],
                            capture_output=True, text=True)
    data = json.loads(result.stdout)
    items = data if isinstance(data, list) else data.get("findings") or [
        finding for report in data.get("files", []) for finding in report.get("findings", [])]
    return [item for item in items if item.get("severity") in ("error", "warning")]


def test_1_rows_after_a_page_break_inside_table_three_are_read():
    applications = model_of("page-break-pdf-2021.pdf")["tables"]["applications"]
    assert applications["other_overdue_correction"]["total"] == 1
    assert applications["results_total"] == {"natural_person": 20, "commercial": 2, "research": 0,
                                              "public_interest": 1, "legal_services": 1, "other_org": 0, "total": 24}
    assert applications["carried_forward"]["total"] == 2
    assert findings("page-break-pdf-2021.pdf") == []


def test_2_a_single_row_other_in_the_2021_format_is_read_and_only_a_template_mismatch():
    model = model_of("single-row-other-pdf-2021.pdf")
    applications = model["tables"]["applications"]
    assert applications["other"]["total"] is not None
    assert applications["results_total"]["total"] is not None and applications["carried_forward"]["total"] is not None
    assert [f["rule"] for f in findings("single-row-other-pdf-2021.pdf")] == ["template-mismatch"]


def test_3_numbers_in_one_ruled_cell_are_the_text_layers_cells():
    model = model_of("missing-rules-pdf-2021.pdf")
    assert model["tables"]["review_litigation"]["litigation_direct"] == {
        "upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2}
    assert model["tables"]["active_disclosure"]["normative_documents"] == {"issued": 2, "repealed": 1, "in_force": 9}
    assert findings("missing-rules-pdf-2021.pdf") == []


def test_4_a_header_wrapped_one_character_per_line_still_starts_table_four():
    review = model_of("wrapped-headers-pdf-2021.pdf")["tables"]["review_litigation"]
    assert review["review"]["total"] == 1 and review["litigation_direct"]["total"] == 2
    assert findings("wrapped-headers-pdf-2021.pdf") == []


def test_5_a_page_flattened_into_one_line_has_its_six_parts():
    model = model_of("flattened-one-line-2022.txt")
    assert [part["number"] for part in model["sections"]] == [1, 2, 3, 4, 5, 6]
    assert model["meta"]["title"] == "澄溪区城市管理局2022年政府信息公开工作年度报告"
    assert findings("flattened-one-line-2022.txt") == []


def test_6_signed_and_glued_digits():
    active = model_of("signed-glued-2019.txt")["tables"]["active_disclosure"]
    assert active["licensing"]["change"] == 1  # "+1"
    assert active["penalties"] == {"prev_items": 97, "change": 8, "decisions": 2179}  # "97+8 2179"
    assert active["enforcement"] == {"prev_items": 7, "change": 0, "decisions": 0}  # "7 00"
    assert active["fees"] == {"prev_items": 2, "change": -1}  # "2-1"


def test_6_an_ambiguous_glued_run_keeps_its_numbers_as_printed_and_says_so(tmp_path):
    text = (REPORTS_DIR / "signed-glued-2019.txt").read_text(encoding="utf-8").replace("97+8 2179", "97+82179")
    report = tmp_path / "r.txt"
    report.write_text(text, encoding="utf-8")
    from giklint.api import parse

    row = parse(str(report))["table_info"]["active_disclosure"]["rows"]["penalties"]
    assert row["placed"] is False and row["printed"] == [97, 82179]


def test_7_preamble_facts_said_in_sentences():
    meta = model_of("preamble-sentences-2021.md")["meta"]
    assert meta["agency"] == "鹿鸣县自然资源局"
    assert meta["published"] == "2022-01-18"
    assert meta["contacts"]["phone"] == ["0798——8332255", "(0798)8332266", "0798-8332288转8001"]
    assert findings("preamble-sentences-2021.md") == []


def test_8_narrative_counts_against_the_table_and_a_sum_inside_its_sentence():
    found = findings("faulty-narrative-sentences.md")
    assert sorted(f["rule"] for f in found) == ["narrative-table-mismatch"] * 2
    sums = [item for item in model_of("faulty-narrative-sentences.md")["narrative"] if item["kind"] == "sum"]
    assert all(16 not in item["parts"] or 7 not in item["parts"] for item in sums)
