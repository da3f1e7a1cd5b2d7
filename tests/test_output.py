"""Text and JSON output."""
from __future__ import annotations

import json

import pytest

from giklint.runner import FileResult
from giklint.output import builtin_formatters
from giklint.output import json as json_output
from giklint.output import text
from giklint.rule import Finding
from giklint.schema import errors


class Balance:
    code, slug, severity, summary = "GK311", "balance", "error", "表三某列不平衡"


def at(location=None, **fields) -> Finding:
    location = location or {}
    return Finding("GK311", "balance", fields.pop("severity", "error"), "表三“总计”列：一+二=26，（七）总计+四=25",
                   path="r.md", line=location.get("line"), column=location.get("column"), page=location.get("page"),
                   location=location, context="表三“总计”列", **fields)


@pytest.mark.parametrize("location, expected", [
    ({"line": 89, "column": 36}, "r.md:89:36: GK311 [error] 表三“总计”列：一+二=26，（七）总计+四=25 (balance)"),
    ({"line": 12}, "r.md:12:1: GK311 [error] 表三“总计”列：一+二=26，（七）总计+四=25 (balance)"),
    ({"page": 3, "line": 12}, "r.md:0:0: GK311 [error] 表三“总计”列：一+二=26，（七）总计+四=25（第3页第12行） (balance)"),
    ({"table": 2, "row": 3, "cell": 4},
     "r.md:0:0: GK311 [error] 表三“总计”列：一+二=26，（七）总计+四=25（表格2第3行第4格） (balance)"),
    ({"paragraph": 7}, "r.md:0:0: GK311 [error] 表三“总计”列：一+二=26，（七）总计+四=25（第7段） (balance)"),
    ({}, "r.md:0:0: GK311 [error] 表三“总计”列：一+二=26，（七）总计+四=25 (balance)"),
])
def test_one_finding_a_line_with_the_place(location, expected):
    assert text.finding_line(at(location)) == expected


def test_text_output_ends_with_a_summary_and_quiet_leaves_only_findings():
    results = [FileResult("r.md", [at({"line": 1}), at({"line": 2}, severity="info")]), FileResult("s.md"),
               FileResult("t.md", error="t.md: 文件不存在")]
    lines = text.render(results, [Balance], {}).splitlines()
    assert lines[-1] == "共 2 个问题（错误 1，警告 0，提示 1），涉及 1 个文件；检查了 2 个文件，1 个文件无法读取。"
    assert len(text.render(results, [Balance], {"quiet": True}).splitlines()) == 2
    assert text.render([FileResult("s.md")], [], {}) == "检查了 1 个文件，未发现问题。\n"
    assert text.render([FileResult("s.md")], [], {"quiet": True}) == ""


def test_statistics_count_findings_per_rule():
    results = [FileResult("r.md", [at({"line": 1}), at({"line": 2})]), FileResult("s.md", [at({"line": 3})])]
    lines = text.render(results, [Balance], {"statistics": True, "quiet": True}).splitlines()
    assert lines[3:5] == ["按规则统计：", "     3  GK311   balance                    [error] 表三某列不平衡"]
    assert lines[5:7] == ["按机关统计（文件 错误 警告 提示）：", "     2     3     0     0  （未识别出机关）"]
    assert lines[7:] == ["按文件统计（错误 警告 提示）：", "     2     0     0  r.md", "     1     0     0  s.md"]


def test_json_output_is_a_schema_valid_list_of_the_spec_fields():
    results = [FileResult("r.md", [at({"line": 89, "column": 36}), at({"page": 2, "line": 5})]),
               FileResult("bad.md", error="bad.md: 文件不存在")]
    data = json.loads(json_output.render(results, [], {}))
    assert errors(data, "findings") == []
    assert data[0] == {"path": "r.md", "code": "GK311", "rule": "balance", "severity": "error",
                       "message": "表三“总计”列：一+二=26，（七）总计+四=25", "line": 89, "column": 36, "end_line": None,
                       "end_column": None, "page": None, "context": "表三“总计”列"}
    assert (data[1]["page"], data[1]["line"]) == (2, 5)


def test_the_findings_schema_refuses_what_the_spec_does_not_allow():
    good = at({"line": 1}).to_dict()
    assert errors([good], "findings") == []
    assert errors([{**good, "severity": "fatal"}], "findings")
    assert errors([{k: v for k, v in good.items() if k != "context"}], "findings")
    assert errors([{**good, "extra": 1}], "findings")
    assert errors({"findings": [good]}, "findings")


def test_the_engine_offers_text_and_json_first():
    assert [spec.name for spec in builtin_formatters()][:2] == ["text", "json"]


def test_json_gives_last_years_place_beside_a_cross_year_finding():
    from _output_helpers import CROSS_YEAR, compared

    result = compared(CROSS_YEAR / "yunxi-jtj-2022.md", CROSS_YEAR / "yunxi-jtj-2021.md")
    data = json.loads(json_output.render([result, FileResult("r.md", [at({"line": 1})])], [], {}))
    assert errors(data, "findings") == []
    assert [item["related"] for item in data[:2]] == [
        [{"path": "examples/cross-year/reports/yunxi-jtj-2021.md", "message": f"上年报告表三“四、结转下年度继续办理”行“{column}”列",
          "line": 90, "column": start, "page": None, "value": last_year, "compared": this_year}]
        for column, start, last_year, this_year in (("商业企业", 21, 1, 0), ("总计", 41, 3, 2))]
    assert "related" not in data[2]  # other findings keep exactly the fields they had


def test_the_findings_schema_refuses_a_related_place_without_its_file():
    place = {"path": "a.md", "message": "上年报告", "line": 1, "column": 1, "page": None, "value": 1, "compared": 2}
    good = {**at({"line": 1}).to_dict(), "related": [place]}
    assert errors([good], "findings") == []
    assert errors([{**good, "related": [{k: v for k, v in place.items() if k != "path"}]}], "findings")
    assert errors([{**good, "related": []}], "findings")
