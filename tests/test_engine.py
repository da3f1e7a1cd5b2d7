"""The engine: selection, severities, per-file-ignores, rule isolation, notices, files, folders and globs."""
from __future__ import annotations

from pathlib import Path

import pytest
from _engine_helpers import FAKE_PLUGIN, REPORT, fake_project, write
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

import giklint
from giklint.api import lint
from giklint.errors import ConfigError, InputError
from giklint.options import Options
from giklint.rule import Finding
from giklint.runner import check_file, check_paths
from giklint.targets import expand_paths

pytestmark = pytest.mark.usefixtures("fresh_caches")



def codes(findings):
    return sorted({f.code for f in findings})


# -- which rules run ---------------------------------------------------------------------------

@pytest.mark.parametrize("select, ignore, expected", [
    (None, None, ["FK001", "FK002", "GK000"]),  # FK003 raises: an internal error
    ("FK001", None, ["FK001"]),
    ("fake-settings", None, ["FK002"]),
    ("FK00", "FK003", ["FK001", "FK002"]),
    ("FK", "fake-marker,FK003", ["FK002"]),
    (["fake-marker", "fake-settings"], ["FK"], ["FK001", "FK002"]),  # exact names beat a prefix
    ("fake-marker", "FK", ["FK001"]),
    ("FK001", "fake-marker", []),  # equally specific: ignore wins
])
def test_select_and_ignore_by_code_prefix_and_slug(tmp_path, select, ignore, expected):
    project = fake_project(tmp_path)
    assert codes(lint(project["report"], select=select, ignore=ignore)) == expected


def test_ignore_entries_of_file_and_command_line_add_up(tmp_path):
    project = fake_project(tmp_path, 'ignore = ["FK003"]\n')
    assert codes(lint(project["report"])) == ["FK001", "FK002"]
    assert codes(lint(project["report"], ignore="fake-settings")) == ["FK001"]


def test_an_unknown_selector_on_the_command_line_is_a_config_error(tmp_path):
    project = fake_project(tmp_path)
    with pytest.raises(ConfigError, match="--select: 未知的规则“fake-marke”（可能是：fake-marker"):
        lint(project["report"], select="fake-marke")


def test_per_file_ignores_apply_to_matching_files_only(tmp_path):
    project = fake_project(tmp_path, '[per-file-ignores]\n"drafts/*.md" = ["fake-marker", "FK003"]\n')
    draft = write(tmp_path / "drafts" / "draft.md", REPORT)
    assert codes(lint(draft)) == ["FK002"]
    assert codes(lint(project["report"])) == ["FK001", "FK002", "GK000"]


def test_severity_is_overridden_per_rule(tmp_path):
    project = fake_project(tmp_path, '[rules.fake-marker]\nseverity = "error"\n')
    severities = {f.severity for f in lint(project["report"], select="FK001")}
    assert severities == {"error"}


def test_options_reach_the_rule(tmp_path):
    project = fake_project(tmp_path, '[rules.fake-marker]\nword = "也有"\n')
    [finding] = lint(project["report"], select="FK001")
    assert finding.message == "第15行有也有"


# -- isolation ---------------------------------------------------------------------------------

def test_a_rule_that_raises_is_an_internal_error_and_the_others_still_run(tmp_path):
    project = fake_project(tmp_path)
    findings = lint(project["report"])
    [internal] = [f for f in findings if f.code == "GK000"]
    assert (internal.rule, internal.severity) == ("internal-error", "error")
    assert "FK003 fake-boom" in internal.message and "RuntimeError: 故意出错" in internal.message
    assert internal.path == str(project["report"])
    assert {"FK001", "FK002"} <= set(codes(findings))


def test_a_rule_that_yields_something_else_than_a_finding_is_an_internal_error(tmp_path):
    plugin = ('from giklint import hookimpl\nfrom giklint.rule import Rule\n'
              'class Odd(Rule):\n    code = "FK009"\n    slug = "fake-odd"\n    severity = "info"\n'
              '    def check(self, ctx):\n        return ["not a finding"]\n'
              '@hookimpl\ndef giklint_rules():\n    return [Odd]\n')
    project = fake_project(tmp_path, plugin=plugin)
    [finding] = lint(project["report"])
    assert finding.code == "GK000" and "FK009" in finding.message and "Finding" in finding.message


def test_rules_needing_the_previous_report_run_only_with_it(tmp_path):
    project = fake_project(tmp_path)
    assert "FK004" not in codes(lint(project["report"]))
    previous = write(tmp_path / "last-year.md", "# 青禾县测试局2020年政府信息公开工作年度报告\n")
    [finding] = lint(project["report"], select="FK004", previous=str(previous))
    assert finding.message == "上年标题：青禾县测试局2020年政府信息公开工作年度报告"


def test_an_unreadable_previous_report_is_an_input_error(tmp_path):
    project = fake_project(tmp_path)
    with pytest.raises(InputError, match="文件不存在"):
        lint(project["report"], previous=str(tmp_path / "missing.md"))


def test_a_document_without_text_layer_gives_one_finding_and_no_other(tmp_path):
    project = fake_project(tmp_path)
    model = giklint.parse(REPORT.encode("utf-8"), name="scan.md")
    model["source"]["notices"] = ["no-text-layer"]
    findings = lint(model, config=project["config"], select="FK,no-text-layer", name="scan.pdf")
    assert [(f.code, f.rule, f.severity, f.path) for f in findings] == [("GK001", "no-text-layer", "error", "scan.pdf")]
    assert "扫描件" in findings[0].message


def test_image_only_pages_are_an_info_and_the_other_rules_still_run(tmp_path):
    project = fake_project(tmp_path)
    model = giklint.parse(REPORT.encode("utf-8"), name="scan.md")
    model["source"]["notices"] = ["image-only-pages:3,4"]
    findings = lint(model, config=project["config"], select="FK001,image-only-pages")
    assert [(f.code, f.severity) for f in findings] == [("GK002", "info"), ("FK001", "warning"), ("FK001", "warning")]
    assert findings[0].message == "PDF第3、4页只有图片、没有文字层，这些页上的内容（如表格）无法检查"


def test_findings_on_pages_read_by_ocr_say_so(tmp_path):
    project = fake_project(tmp_path)
    model = giklint.parse(REPORT.encode("utf-8"), name="scan.md")
    model["source"]["notices"] = ["ocr-pages:1/2"]
    on_page = lint(model, config=project["config"], select="FK001,ocr-pages")
    assert [(f.code, f.severity) for f in on_page][0] == ("GK005", "info")
    assert on_page[0].message == "第1页没有文字层，内容由OCR识别得到；出自这些页的发现已注明，请对照原件核对"
    assert all(not f.message.endswith("（据OCR识别，请对照原件核对）") for f in on_page[1:])  # no page: not OCR's
    model["source"]["notices"] = ["ocr-pages:1,2/2"]  # every page OCR'd: every finding rests on it
    marked = lint(model, config=project["config"], select="FK001")
    assert marked and all(f.message.endswith("（据OCR识别，请对照原件核对）") for f in marked)


def test_a_real_scanned_pdf_gives_the_no_text_layer_finding_only(monkeypatch):
    from conftest import EXAMPLES

    monkeypatch.setenv("GIKLINT_OCR", "never")  # read by OCR: tests/test_loader_ocr.py
    findings = lint(EXAMPLES / "formats" / "scanned.pdf")
    assert [(f.code, f.rule) for f in findings] == [("GK001", "no-text-layer")]


@pytest.mark.parametrize("content", [b"", "  \r\n\u3000\n".encode("utf-8")])
def test_an_empty_document_gives_one_empty_document_finding_instead_of_every_rule(content):
    findings = lint(content, name="draft.md")
    assert [(f.code, f.rule, f.severity) for f in findings] == [("GK003", "empty-document", "error")]


def test_findings_are_sorted_by_location(tmp_path):
    project = fake_project(tmp_path)
    findings = lint(project["report"], select="FK001,FK002")
    assert [(f.code, f.line) for f in findings] == [("FK002", None), ("FK001", 7), ("FK001", 15)]


# -- the Python API ----------------------------------------------------------------------------

def test_lint_takes_bytes_with_a_name_and_an_inline_config(tmp_path):
    project = fake_project(tmp_path)
    inline = {"plugins": [str(project["root"] / "plugins" / "fake_rules.py")], "select": ["FK001"],
              "rules": {"fake-marker": {"severity": "info"}}}
    findings = lint(REPORT.encode("utf-8"), name="draft.md", config=inline)
    assert [(f.code, f.severity, f.path, f.line) for f in findings] == \
        [("FK001", "info", "draft.md", 7), ("FK001", "info", "draft.md", 15)]


def test_an_inline_config_is_validated(tmp_path):
    with pytest.raises(ConfigError, match="<config>: selekt: 未知的配置项"):
        lint(REPORT.encode("utf-8"), name="draft.md", config={"selekt": ["GK"]})


def test_a_model_that_breaks_the_schema_is_an_input_error():
    with pytest.raises(InputError, match="不符合报告模型的结构"):
        lint({"meta": "nonsense"})


def test_giklint_lint_is_the_engine(tmp_path):
    project = fake_project(tmp_path)
    assert codes(giklint.lint(project["report"], select="FK001")) == ["FK001"]


# -- files, folders, globs ---------------------------------------------------------------------

def test_folders_are_recursed_for_report_suffixes_skipping_hidden_and_venv(tmp_path):
    for name in ("a.md", "b/c.txt", "b/d.html", "b/e.docx", "b/f.pdf", "g.json", "h.yaml", "i.yml", "j.htm",
                 "k.markdown", "notes.py", "data.csv", ".hidden/x.md", ".venv/y.md", "b/.z.md"):
        write(tmp_path / name, "")
    found = [target.path for target in expand_paths([str(tmp_path)]) if not target.skip]
    relative = sorted(p[len(str(tmp_path)) + 1:] for p in found)
    assert relative == ["a.md", "b/c.txt", "b/d.html", "b/e.docx", "b/f.pdf", "g.json", "h.yaml", "i.yml", "j.htm",
                        "k.markdown"]


def test_globs_files_and_missing_paths_keep_their_order(tmp_path):
    for name in ("2021/a.md", "2021/b.md", "2021/c.py", "2022/d.md"):
        write(tmp_path / name, "")
    given = [str(tmp_path / "2022" / "d.md"), str(tmp_path / "2021" / "*"), str(tmp_path / "none.md"),
             str(tmp_path / "zz*.md"), str(tmp_path / "**" / "d.md"), "-"]
    found = [(t.path.replace(str(tmp_path), ""), t.error is not None) for t in expand_paths(given)]
    assert found == [("/2022/d.md", False), ("/2021/a.md", False), ("/2021/b.md", False), ("/none.md", True),
                     ("/zz*.md", True), ("/2022/d.md", False), ("-", False)]


def test_an_unreadable_file_is_reported_and_the_others_are_checked(tmp_path):
    project = fake_project(tmp_path)
    broken = write(tmp_path / "reports" / "broken.docx", "not a zip file")
    run = check_paths([str(broken), str(tmp_path / "missing.md"), str(project["report"])],
                      Options(select=("FK001",)))
    assert [bool(r.error) for r in run.results] == [True, True, False]
    assert str(broken) in run.results[0].error and "文件不存在" in run.results[1].error
    assert codes(run.results[2].findings) == ["FK001"]
    assert run.exit_code == 2


def test_json_and_yaml_in_a_folder_that_are_no_report_model_are_passed_over(tmp_path):
    project = fake_project(tmp_path)
    labels = write(tmp_path / "reports" / "report.expect.yaml", "problems: []\n")
    run = check_paths([str(tmp_path / "reports")], Options(select=("FK001",)))
    assert [r.path for r in run.results] == [str(project["report"])]
    assert [s.path for s in run.skipped] == [str(labels)] and "不是giklint报告模型" in run.skipped[0].reason
    assert run.exit_code == 1
    named = check_paths([str(labels)], Options(select=("FK001",)))
    assert codes(named.results[0].findings) == ["GK004"] and named.exit_code == 1
    assert "不是giklint报告模型" in named.results[0].findings[0].message


def test_a_file_given_twice_is_checked_once(tmp_path):
    project = fake_project(tmp_path)
    run = check_paths([str(project["report"]), str(project["root"] / "reports")], Options(select=("FK001",)))
    assert len(run.results) == 1


@pytest.mark.parametrize("fail_on, severities, exit_code", [
    ("warning", ["info"], 0), ("warning", ["warning"], 1), ("info", ["info"], 1), ("error", ["warning"], 0),
    ("error", ["error", "info"], 1), ("warning", [], 0),
])
def test_exit_code_follows_fail_on(tmp_path, fail_on, severities, exit_code):
    from giklint.runner import FileResult, RunResult

    findings = [Finding("FK001", "fake-marker", severity, "m") for severity in severities]
    assert RunResult([FileResult("a.md", findings, fail_on=fail_on)]).exit_code == exit_code


def test_check_file_keeps_the_fail_on_level_model_and_document(tmp_path):
    project = fake_project(tmp_path, 'fail_on = "info"\n')
    result = check_file(str(project["report"]), Options(select=("FK002",)))
    assert result.fail_on == "info" and result.failed
    assert result.model["meta"]["year"] == 2021 and result.document is not None


LOADER_PLUGIN = FAKE_PLUGIN + '''

from giklint.loaders import LoaderSpec
from giklint.loaders.text import load_markdown


def load_report(data, path):
    """The city's export: Markdown with a two-line header of its own, dropped."""
    return load_markdown(data.split(b"\\n", 2)[2], path)


@hookimpl
def giklint_loaders():
    return [LoaderSpec("city-export", (".qhx",), load_report, None, "青禾导出")]
'''


def test_a_loader_from_a_config_plugin_is_used_for_folders_and_globs(tmp_path):
    project = fake_project(tmp_path, plugin=LOADER_PLUGIN)
    write(tmp_path / "reports" / "city.qhx", "QHX 1.0\n--\n" + REPORT)
    for paths in ([str(tmp_path / "reports")], [str(tmp_path / "reports" / "*")], [str(tmp_path)]):
        run = check_paths(paths, Options(select=("FK001",)))
        checked = [Path(r.path).name for r in run.results]
        assert checked == ["city.qhx", "report.md"], paths
        assert not run.plugin_failures and not any(r.error for r in run.results)
        assert [f.code for f in run.results[0].findings] == ["FK001", "FK001"]
    assert project["report"].exists()


def test_without_the_config_plugin_a_folder_has_no_such_suffix(tmp_path):
    write(tmp_path / "reports" / "city.qhx", "QHX 1.0\n--\n" + REPORT)
    run = check_paths([str(tmp_path / "reports")], Options())
    assert run.results == []
