"""A provincial reviewer's folder check over several years of many agencies' reports (issue: cross-year
checks): ``giklint check FOLDER`` pairs the reports itself and finds every carry-over break, every
re-counted stock and every copied part 五, and nothing on consistent pairs.

The folder is examples/cross-year/reports (manifest: expected.yaml), and, for many agencies, copies of
it with every place renamed (青禾县 -> 青禾二县 …) in Markdown, the web page and the Word file alike.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest
from _examples import script_module
from conftest import EXAMPLES, ROOT, load_yaml

FOLDER = EXAMPLES / "cross-year" / "reports"
MANIFEST = load_yaml(EXAMPLES / "cross-year" / "expected.yaml")
CROSS_YEAR = {"carryover-mismatch", "stock-continuity", "duplicate-text", "previous-mismatch"}
COLUMN_OF = re.compile(r"表三“(.+?)”列")
ROW_OF = re.compile(r"表二“(.+?)”现行有效件数")

Found = Set[Tuple[str, str, str]]  # (file, rule, column / row / part)


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "giklint", "check", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)


def expected_findings(prefix: str = "") -> Found:
    expected: Found = set()
    for name, facts in MANIFEST["reports"].items():
        for problem in facts["problems"]:
            details = problem.get("columns") or problem.get("rows") or [f"part {problem.get('section')}"]
            expected |= {(prefix + name, problem["rule"], detail) for detail in details}
    return expected


def detail_of(finding: Dict) -> str:
    if finding["rule"] == "carryover-mismatch":
        return COLUMN_OF.search(finding["message"]).group(1)
    if finding["rule"] == "stock-continuity":
        return ROW_OF.search(finding["message"]).group(1)
    return "part 5" if finding["message"].startswith("第五部分") else finding["message"]


def found_findings(findings: List[Dict], folder: Path) -> Found:
    return {(Path(f["path"]).resolve().relative_to(folder.resolve()).as_posix(), f["rule"], detail_of(f))
            for f in findings}


def test_the_example_folder_gives_exactly_the_cross_year_findings_of_its_manifest():
    done = run_check(str(FOLDER), "--format", "json")
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)
    assert {f["rule"] for f in findings} <= CROSS_YEAR, "the examples are clean on their own"
    assert found_findings(findings, FOLDER) == expected_findings()
    for finding in findings:
        [related] = finding["related"]
        previous = MANIFEST["reports"][Path(finding["path"]).resolve().relative_to(FOLDER.resolve()).as_posix()]
        assert related["path"].endswith(previous["previous"]) and related["line"]
        assert previous["previous"] in finding["message"]  # the text output names last year's place too


def test_many_agencies_over_several_years_every_break_found_and_nothing_else(tmp_path):
    """In worker processes (tests/test_crossyear.py compares a pool's pairing with a single process's)."""
    reports = tmp_path / "reports"
    copies = 3
    expected: Found = set()
    for number in range(copies):
        script_module(EXAMPLES / "cross-year" / "make_cross_year.py").write_renamed_copy(reports / f"batch-{number}", "二三四五六七八九"[number])
        expected |= expected_findings(f"batch-{number}/")
    shutil.copytree(FOLDER, reports / "originals")
    expected |= expected_findings("originals/")
    done = run_check(str(reports), "--format", "json", "--jobs", "2")
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)
    assert found_findings(findings, reports) == expected
    assert len(expected) == (copies + 1) * len(expected_findings())


def test_a_report_of_the_same_agency_twice_for_last_year_is_not_compared(tmp_path):
    """Two candidates for last year (a draft and the final report): no guess, no finding."""
    folder = tmp_path / "reports"
    shutil.copytree(FOLDER, folder)
    shutil.copy(folder / "yunxi-jtj-2021.md", folder / "yunxi-jtj-2021-draft.md")
    findings = json.loads(run_check(str(folder), "--format", "json").stdout)
    assert not [f for f in findings if f["path"].endswith("yunxi-jtj-2022.md")]
    assert [f["rule"] for f in findings if f["path"].endswith("yunxi-jtj-2023.md")] == ["duplicate-text"]


@pytest.mark.parametrize("pair", MANIFEST["refused_pairs"], ids=lambda pair: pair["why"])
def test_previous_names_last_years_report_and_a_wrong_one_is_refused(pair):
    done = run_check(str(FOLDER / pair["file"]), "--previous", str(FOLDER / pair["previous"]), "--format", "json")
    assert done.returncode == 1, done.stderr
    assert [f["rule"] for f in json.loads(done.stdout)] == [pair["rule"]]


def test_previous_names_last_years_report_for_a_single_report():
    done = run_check(str(FOLDER / "yunxi-jtj-2022.md"), "--previous", str(FOLDER / "yunxi-jtj-2021.md"))
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stdout.splitlines() if "carryover-mismatch" in line]
    assert len(lines) == 2 and all("yunxi-jtj-2021.md" in line for line in lines)
    alone = run_check(str(FOLDER / "yunxi-jtj-2022.md"))
    assert alone.returncode == 0, alone.stdout  # no previous report: no cross-year finding
