"""Which files are plainly not reports (giklint/report_kind.py): a README or a workflow YAML is passed
over, while any draft with a title, a part heading or a table figure is a report and gets its findings."""
from __future__ import annotations

import pytest
from conftest import EXAMPLES, ROOT

from giklint.api import read_report
from giklint.errors import NotAReportError
from giklint.report_kind import is_model_file_content, not_a_report_reason, report_signs


def model_of(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_report(str(path)).model


def test_the_projects_own_readme_is_plainly_not_a_report():
    model = read_report(str(ROOT / "README.md")).model  # it quotes a 表三 finding, yet holds no table
    assert report_signs(model) == {"title": False, "sections": False, "tables": False}
    assert "没有报告标题" in not_a_report_reason(model)


@pytest.mark.parametrize("text", [
    "# 青禾县民政局2023年政府信息公开工作年度报告\n\n待写。\n",  # a title alone
    "一、总体情况\n\n待写。\n",  # one part heading alone
])
def test_one_sign_is_enough_for_an_unfinished_draft(tmp_path, text):
    assert not_a_report_reason(model_of(tmp_path, "draft.md", text)) is None


def test_a_clean_example_report_is_a_report():
    assert all(report_signs(read_report(str(EXAMPLES / "reports" / "clean-2021.md")).model).values())


def test_an_empty_document_is_left_to_its_own_finding(tmp_path):
    assert not_a_report_reason(model_of(tmp_path, "empty.md", "\n\n")) is None


def test_table_name_without_figures_is_no_table():
    model = {"meta": {}, "sections": [], "tables": {"applications": {"new_received": {"total": None}}}}
    assert not_a_report_reason(model) is not None
    model["tables"]["applications"]["new_received"]["total"] = 0
    assert not_a_report_reason(model) is None


@pytest.mark.parametrize("content, is_model", [
    ({"repos": []}, False), (["a", "b"], False), ("text", False), (None, False),
    ({"model_version": 1}, True),
])
def test_only_a_mapping_with_model_version_is_a_model_file(content, is_model):
    assert is_model_file_content(content) is is_model


def test_a_yaml_that_is_no_model_raises_not_a_report(tmp_path):
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text("repos:\n  - repo: local\n", encoding="utf-8")
    with pytest.raises(NotAReportError, match="不是giklint报告模型"):
        read_report(str(path))
