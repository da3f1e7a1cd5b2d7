"""``--format sarif``: SARIF 2.1.0 that GitHub code scanning accepts.

Checked against ``schemas/sarif-github.schema.json`` (the properties GitHub reads and the limits it
states), and for the links a schema cannot express: ruleIndex to the rule, help from the doc page.
"""
from __future__ import annotations

import copy
import json

import pytest
from _output_helpers import (  # noqa: F401  (at_root: autouse fixture)
    CROSS_YEAR, FORMATS, OPTIONS, REPORTS, all_rules, at_root, check_examples_as, checked, compared, finding, placed,
)

from giklint.runner import FileResult
from giklint.output import sarif
from giklint.schema import errors


def render(results, rules=None):
    return json.loads(sarif.render(results, all_rules() if rules is None else rules, OPTIONS))


def run_of(log):
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    return log["runs"][0]


def test_faulty_report_gives_schema_valid_sarif_with_each_finding_on_its_line():
    result = checked(REPORTS / "faulty-balance.md")
    assert result.findings, "the faulty example must give findings"
    log = render([result, checked(REPORTS / "clean-2021.md")])
    assert errors(log, "sarif-github") == []
    run = run_of(log)
    assert len(run["results"]) == len(result.findings)
    for entry, found in zip(run["results"], result.findings):
        assert entry["ruleId"] == found.code
        location = entry["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "examples/reports/faulty-balance.md", "uriBaseId": "%SRCROOT%"}
        assert location["region"]["startLine"] == found.line
        assert location["region"].get("startColumn") == found.column
        assert entry["message"]["text"] == found.message
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    assert run["invocations"][0]["executionSuccessful"] is True


def test_rule_index_and_descriptors_come_from_the_rules():
    rules = all_rules()
    log = render([checked(REPORTS / "faulty-balance.md"), checked(REPORTS / "faulty-placeholder.md")], rules)
    run = run_of(log)
    descriptors = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "giklint"
    assert sorted(d["id"] for d in descriptors) == sorted({r.code for r in rules})
    by_code = {r.code: r for r in rules}
    for descriptor in descriptors:
        rule = by_code[descriptor["id"]]
        assert descriptor["name"] == rule.slug
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["help"]["text"] == rule.doc()
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                               "info": "note"}[rule.severity]
    assert {e["ruleId"] for e in run["results"]} >= {"GK311"}
    for entry in run["results"]:
        assert descriptors[entry["ruleIndex"]]["id"] == entry["ruleId"]
        assert entry["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            by_code[entry["ruleId"]].severity]


def test_help_markdown_puts_the_doc_examples_in_code_blocks():
    log = render([])
    balance = next(d for d in run_of(log)["tool"]["driver"]["rules"] if d["name"] == "balance")
    markdown = balance["help"]["markdown"]
    assert markdown.startswith("**balance (GK311)")
    assert "```text\n一、本年新收政府信息公开申请数量" in markdown
    assert markdown.count("```") % 2 == 0


def test_pdf_and_word_findings_sit_on_line_one_with_the_chinese_location_in_the_message():
    pdf = placed(checked(FORMATS / "report-2021.pdf"), finding(message="表三不平衡", page=3, line=8, column=17))
    word = placed(checked(FORMATS / "report-2021.docx"), finding(message="表三不平衡", table=2, row=4, cell=5))
    log = render([pdf, word])
    assert errors(log, "sarif-github") == []
    first, second = run_of(log)["results"]
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert first["message"]["text"] == "表三不平衡（位置：第3页第8行第17列）"
    assert second["message"]["text"] == "表三不平衡（位置：表格2第4行第5格）"
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "examples/formats/report-2021.docx"
    # a print of our own, so the upload action does not hash line 1 of a binary file
    assert first["partialFingerprints"]["primaryLocationLineHash"] != second["partialFingerprints"][
        "primaryLocationLineHash"]


def test_file_names_become_uris_with_forward_slashes_and_escapes(tmp_path):
    folder = tmp_path / "年报 2021"
    folder.mkdir()
    report = folder / "卫健局 报告.md"
    report.write_text((REPORTS / "faulty-balance.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = checked(report)
    log = json.loads(sarif.render([result], all_rules(), {"root": str(tmp_path)}))
    assert errors(log, "sarif-github") == []
    uri = run_of(log)["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E5%B9%B4%E6%8A%A5%202021/%E5%8D%AB%E5%81%A5%E5%B1%80%20%E6%8A%A5%E5%91%8A.md"


def test_unreadable_file_is_a_notification_not_a_result():
    log = render([FileResult("missing.md", error="missing.md: 文件不存在")])
    assert errors(log, "sarif-github") == []
    run = run_of(log)
    assert run["results"] == []
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "无法检查：文件不存在"


def test_engine_finding_of_an_unknown_rule_gets_a_descriptor():
    result = placed(checked(REPORTS / "clean-2021.md"),
                    finding(code="QH999", rule="gone-plugin", severity="warning", message="插件规则"))
    log = render([result], rules=[])
    run = run_of(log)
    assert errors(log, "sarif-github") == []
    assert run["tool"]["driver"]["rules"][0]["id"] == "QH999"
    assert run["results"][0]["ruleIndex"] == 0
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


@pytest.mark.parametrize("breakage, path", [
    (lambda r: r["locations"][0]["physicalLocation"]["region"].pop("startLine"), "startLine"),
    (lambda r: r["locations"][0]["physicalLocation"]["region"].update(startLine=0), "startLine"),
    (lambda r: r.update(level="info"), "level"),
    (lambda r: r["locations"][0]["physicalLocation"]["artifactLocation"].update(uri="a\\b.md"), "uri"),
    (lambda r: r.pop("message"), "message"),
])
def test_schema_subset_rejects_what_github_rejects(breakage, path):
    log = render([checked(REPORTS / "faulty-balance.md")])
    broken = copy.deepcopy(log)
    breakage(broken["runs"][0]["results"][0])
    problems = errors(broken, "sarif-github")
    assert problems and any(path in p for p in problems)


def test_real_reports_give_valid_sarif(shared_reports):
    results = [checked(path) for path in sorted(shared_reports.iterdir()) if not path.name.endswith(".yaml")]
    log = render(results)
    assert errors(log, "sarif-github") == []
    run = run_of(log)
    assert len(run["results"]) == sum(len(r.findings) for r in results)
    uris = {e["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for e in run["results"]}
    assert all("\\" not in uri and " " not in uri for uri in uris)


def test_command_line_sarif_shows_every_finding_of_the_check():
    expected, done = check_examples_as("sarif")
    log = json.loads(done.stdout)
    assert errors(log, "sarif-github") == []
    results = run_of(log)["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results] == [
        (f["code"], f["path"]) for f in expected]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "examples/reports/faulty-balance.md", "examples/formats/blank-template.docx"}


def test_a_cross_year_finding_points_at_last_years_report_as_a_related_location():
    result = compared(CROSS_YEAR / "chengxi-edu/2022.md", CROSS_YEAR / "chengxi-edu/2021.md")
    log = render([result])
    assert errors(log, "sarif-github") == []
    [entry] = run_of(log)["results"]
    assert entry["ruleId"] == "GK603"
    assert entry["relatedLocations"] == [{
        "id": 1, "message": {"text": "上年报告表二“行政规范性文件”现行有效件数"},
        "physicalLocation": {"artifactLocation": {"uri": "examples/cross-year/reports/chengxi-edu/2021.md",
                                                  "uriBaseId": "%SRCROOT%"},
                             "region": {"startLine": 36, "startColumn": 21}}}]


def test_a_related_place_in_a_word_file_stands_at_line_one_with_its_chinese_location():
    result = compared(CROSS_YEAR / "yunxi-jtj-2023.md", CROSS_YEAR / "司法局2022年度报告.docx")
    log = render([result])
    assert errors(log, "sarif-github") == []
    [entry] = run_of(log)["results"]
    assert entry["ruleId"] == "GK601"
    [related] = entry["relatedLocations"]
    assert related["physicalLocation"]["region"] == {"startLine": 1}
    assert related["message"]["text"] == "上年报告的标题（位置：第1段）"
