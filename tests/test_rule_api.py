"""The public rule API (docs/rules-api.md): the example rule from the documentation, run as a
plugin module would be, reads a cell and reports a located finding without a private import."""
from __future__ import annotations

import ast
import re
import sys
import types

import pytest
from conftest import ROOT

import giklint
from giklint.testing import assert_findings, check, report_from_dict, report_from_text

DOC = ROOT / "docs" / "rules-api.md"
REPORT = (ROOT / "examples" / "reports" / "clean-2021.md").read_text(encoding="utf-8")


def doc_example() -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(r"<!-- rule-example:[^>]*-->\n```python\n(.*?)```", text, re.S)
    assert found, "docs/rules-api.md lost its rule example"
    return found.group(1)


def example_rule() -> type:
    module = types.ModuleType("qinghe_example")
    exec(compile(doc_example(), "docs/rules-api.md", "exec"), module.__dict__)
    sys.modules[module.__name__] = module  # Rule.doc() reads the module docstring
    return module.NoCommercial


def test_the_documented_rule_is_under_15_lines_and_imports_nothing_private():
    source = doc_example()
    assert len([line for line in source.splitlines() if line.strip()]) < 15
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module or ""] + [alias.name for alias in node.names]
            assert not any(part.startswith("_") for name in names for part in name.split(".")), names


def test_the_documented_rule_reports_the_cell_it_read():
    rule = example_rule()
    [finding] = check(rule, report_from_text(REPORT), minimum=5)
    cell = report_from_text(REPORT).table("applications").row("new_received").cell("commercial")
    assert finding.code == "QH201" and finding.message == f"表三商业企业新收申请{cell.value}件，请核实"
    assert (finding.line, finding.column) == (cell.location.line, cell.location.column)
    assert check(rule, report_from_text(REPORT), minimum=0) == []
    assert rule.doc().startswith("qinghe-no-commercial (QH201)")


def test_the_documented_rule_option_is_checked_like_the_configuration():
    with pytest.raises(ValueError, match="minimum"):
        check(example_rule(), report_from_text(REPORT), minimum=-1)


def test_a_cell_the_report_lacks_is_missing_and_located_at_its_table_part():
    report = report_from_text("# 青禾县测试局2021年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n无。\n")
    ctx = giklint.Context(report)
    cell = ctx.cell("applications", "new_received", "total")
    assert (cell.state, cell.value, cell.location.line) == ("missing", None, 3)


def test_cells_carry_value_text_state_and_location_together():
    model = giklint.parse(REPORT.encode("utf-8"), name="clean-2021.md")
    model["table_info"]["applications"]["invalid_cells"] = {"disclosed.research": "若干"}
    model["tables"]["applications"]["disclosed"]["research"] = None
    report = report_from_dict(model)
    ctx = giklint.Context(report)
    cell = ctx.cell("applications", "disclosed", "research")
    assert (cell.state, cell.text, cell.value) == ("invalid", "若干", None)
    assert cell.location.to_dict() == model["locations"]["tables.applications.disclosed.research"]
    read = ctx.cell("applications", "new_received", "total")
    assert (read.state, read.value) == ("read", model["tables"]["applications"]["new_received"]["total"])


def test_assert_findings_compares_codes_and_lines():
    rule = example_rule()
    report = report_from_text(REPORT)
    line = report.table("applications").row("new_received").cell("commercial").location.line
    assert_findings(check(rule, report, minimum=5), [("QH201", line)])
    with pytest.raises(AssertionError):
        assert_findings(check(rule, report, minimum=5), [])


def test_import_giklint_stays_cheap():
    code = ("import sys, giklint; print(sorted(m for m in sys.modules if m.startswith('giklint.')), 'pluggy' in sys.modules);"
            "from giklint import hookimpl; print(type(hookimpl).__name__, hookimpl.project_name)")
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert ast.literal_eval(out[0].split("]")[0] + "]") == [] and out[0].endswith("False")  # nothing imported yet
    assert out[1] == "HookimplMarker giklint"  # the plugin authors' marker, imported on first use


def test_read_gives_the_typed_model_of_what_parse_gives():
    path = str(ROOT / "examples" / "reports" / "clean-2021.md")
    model, report = giklint.parse(path), giklint.read(path)
    assert report.meta.year == model["meta"]["year"]
    assert report.table("applications").row("new_received").cell("total").value == \
        model["tables"]["applications"]["new_received"]["total"]
