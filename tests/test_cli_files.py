"""``giklint check`` on a report repository: non-reports passed over with a note (listed by --verbose),
one not-a-report finding for a file named on its own, exit 2 when nothing was checked (unless
--allow-empty), --exit-zero."""
from __future__ import annotations

import shutil

import pytest
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)
from conftest import EXAMPLES

from giklint.cli import main

pytestmark = pytest.mark.usefixtures("fresh_caches")


def check(capsys, *args):
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A report repository: one report, a README, a workflow, pre-commit's configuration, a config file."""
    (tmp_path / "reports").mkdir()
    shutil.copy2(EXAMPLES / "reports" / "clean-2021.md", tmp_path / "reports" / "clean.md")
    (tmp_path / "README.md").write_text("# 年报草稿\n\n这里存放本单位的年度报告草稿。\n", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("owner: 办公室\n", encoding="utf-8")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "lint.yml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "giklint.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_folder_check_passes_over_non_reports_with_a_note(capsys, repository):
    code, out, err = check(capsys, ".")
    assert code == 0, out + err
    assert "README.md" not in out and "notes.yaml" not in out and "检查了 1 个文件" in out
    assert "跳过了 3 个文件（2 个不像报告，1 个被 exclude 排除）；加 --verbose 列出" in err  # a hidden file


def test_verbose_lists_every_file_passed_over_with_its_reason(capsys, repository):
    code, _, err = check(capsys, ".", "--verbose", "--extend-exclude", "reports/clean.md", "--allow-empty")
    assert code == 0
    lines = sorted(line for line in err.splitlines() if line.startswith("giklint: 跳过 "))
    assert lines == ["giklint: 跳过 ./.pre-commit-config.yaml：被 exclude 排除",
                     "giklint: 跳过 ./README.md：不像报告：没有报告标题、没有六个部分的标题，也没有表二、表三、表四中的数字",
                     "giklint: 跳过 ./notes.yaml：不像报告：是JSON/YAML文件，但不是giklint报告模型（没有 model_version，不是 giklint parse 的输出）",
                     "giklint: 跳过 ./reports/clean.md：被 exclude 排除"]


def test_a_non_report_named_on_the_command_line_is_one_finding(capsys, repository):
    code, out, _ = check(capsys, "README.md", "notes.yaml", "--select", "GK311")
    assert code == 1
    assert out.splitlines()[:2] == [
        "README.md:0:0: GK004 [error] 文件不像政府信息公开工作年度报告：没有报告标题、没有六个部分的标题，"
        "也没有表二、表三、表四中的数字；未检查 (not-a-report)",
        "notes.yaml:0:0: GK004 [error] 文件不像政府信息公开工作年度报告：是JSON/YAML文件，但不是giklint报告模型"
        "（没有 model_version，不是 giklint parse 的输出）；未检查 (not-a-report)"]


def test_the_hooks_flags_pass_over_named_non_reports_and_excluded_files(capsys, repository):
    named = ("README.md", ".pre-commit-config.yaml", ".github/workflows/lint.yml", "reports/clean.md")
    code, out, err = check(capsys, "--force-exclude", "--skip-non-reports", *named)
    assert code == 0, out + err
    assert "检查了 1 个文件" in out and "跳过了 3 个文件（2 个被 exclude 排除，1 个不像报告）" in err, err


def test_a_folder_without_reports_exits_2_unless_allowed(capsys, repository):
    (repository / "reports" / "clean.md").unlink()
    code, _, err = check(capsys, ".")
    assert code == 2
    assert "giklint: . 中没有找到要检查的报告（跳过了 3 个文件，加 --verbose 查看原因）；如果这是预期的，请加 --allow-empty" in err
    assert check(capsys, ".", "--allow-empty")[0] == 0
    (repository / "empty").mkdir()
    code, _, err = check(capsys, "empty")
    assert code == 2 and "empty 中没有找到要检查的报告；" in err


def test_exit_zero_keeps_findings_but_not_errors(capsys, repository):
    shutil.copy2(EXAMPLES / "reports" / "faulty-balance.md", repository / "reports" / "faulty.md")
    code, out, _ = check(capsys, "reports", "--exit-zero")
    assert code == 0 and "GK311" in out
    assert check(capsys, "reports", "missing.md", "--exit-zero")[0] == 2
