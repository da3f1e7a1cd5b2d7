"""The command line: check (exit codes, formats, inputs), rules, explain, init, --version.

A few cases run the installed ``giklint`` command in a subprocess, as a user or CI does; the rest call
``giklint.cli.main`` in this process.
"""
from __future__ import annotations

import json

import pytest
from _engine_helpers import REPORT, fake_project, run_giklint, write
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

from giklint.cli import main
from giklint.schema import errors

pytestmark = pytest.mark.usefixtures("fresh_caches")



def check(capsys, *args):
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


# -- end to end, in a subprocess ---------------------------------------------------------------

def test_exit_codes_0_1_2_from_the_installed_command(tmp_path):
    project = fake_project(tmp_path)
    root = project["root"]
    clean = run_giklint("check", "--select", "FK002", "reports/report.md", cwd=root)  # info only
    assert clean.returncode == 0, clean.stderr
    assert "reports/report.md:0:0: FK002 [info]" in clean.stdout
    failing = run_giklint("check", "--select", "FK001", "reports/report.md", cwd=root)
    assert failing.returncode == 1
    assert failing.stdout.splitlines()[0] == "reports/report.md:7:1: FK001 [warning] 第7行有标记 (fake-marker)"
    missing = run_giklint("check", "nope.md", cwd=root)
    assert missing.returncode == 2 and "nope.md: 文件不存在" in missing.stderr


def test_a_config_error_is_exit_2_naming_file_and_key_without_traceback(tmp_path):
    project = fake_project(tmp_path, '[rules.fake-marker]\nwrod = "x"\n')
    proc = run_giklint("check", "reports/report.md", cwd=project["root"])
    assert proc.returncode == 2
    assert f"{project['config']}: rules.fake-marker.wrod: 规则 FK001 fake-marker 没有这个选项" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_a_broken_plugin_stops_the_run_naming_file_and_error_and_version_runs_no_local_code(tmp_path):
    project = fake_project(tmp_path)
    write(tmp_path / "plugins" / "broken.py", "def broken(:\n")
    config = project["config"]
    config.write_text(config.read_text(encoding="utf-8").replace('"plugins/fake_rules.py"',
                                                                 '"plugins/fake_rules.py", "plugins/broken.py"'),
                      encoding="utf-8")
    proc = run_giklint("check", "--select", "FK001", "--format", "json", "reports/report.md", cwd=project["root"])
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"{config}: plugins: 本地插件“plugins/broken.py”无法加载：SyntaxError" in proc.stderr
    assert "须定义至少一个用 @giklint.hookimpl 标记的钩子函数" in proc.stderr and "Traceback" not in proc.stderr
    version = run_giklint("--version", cwd=project["root"])
    assert version.returncode == 0
    assert "plugins/fake_rules.py、plugins/broken.py 没有加载：--version 不运行本地插件的代码" in version.stdout
    assert "（配置文件列出）" not in version.stdout and "加载失败的插件" not in version.stdout


def test_version_lists_the_engine_and_the_installed_plugins(tmp_path):
    proc = run_giklint("--version", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("giklint ")
    # the engine's plugin and the built-in rules, both registered by giklint itself (no entry point)
    assert "  giklint.builtin 0.1.0（内置）" in proc.stdout and "  giklint_rules 0.1.0（内置）" in proc.stdout


def test_stdin_with_a_file_name(tmp_path):
    project = fake_project(tmp_path)
    proc = run_giklint("check", "-", "--stdin-filename", "reports/draft.md", "--select", "FK001", "-q",
                       cwd=project["root"], stdin=REPORT)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == ["reports/draft.md:7:1: FK001 [warning] 第7行有标记 (fake-marker)",
                                        "reports/draft.md:15:1: FK001 [warning] 第15行有标记 (fake-marker)"]


# -- check options -----------------------------------------------------------------------------

def test_fail_on_moves_the_threshold(tmp_path, capsys):
    report = str(fake_project(tmp_path)["report"])
    assert check(capsys, report, "--select", "FK002")[0] == 0
    assert check(capsys, report, "--select", "FK002", "--fail-on", "info")[0] == 1
    assert check(capsys, report, "--select", "FK001", "--fail-on", "error")[0] == 0
    assert check(capsys, report, "--select", "FK001", "--fail-on", "warning")[0] == 1


def test_fail_on_from_the_config_file(tmp_path, capsys):
    report = str(fake_project(tmp_path, 'fail_on = "info"\n')["report"])
    assert check(capsys, report, "--select", "FK002")[0] == 1


def test_select_and_ignore_take_commas_and_repeat(tmp_path, capsys):
    report = str(fake_project(tmp_path)["report"])
    code, out, _ = check(capsys, report, "--select", "FK001,FK002", "--select", "FK003", "--ignore",
                         "fake-boom", "--ignore", "FK002", "--format", "json")
    assert {f["code"] for f in json.loads(out)} == {"FK001"}


def test_json_output_is_schema_valid_and_can_go_to_a_file(tmp_path, capsys):
    report = str(fake_project(tmp_path)["report"])
    output = tmp_path / "out.json"
    code, out, _ = check(capsys, report, "--format", "json", "--output", str(output))
    assert code == 1 and out == ""
    data = json.loads(output.read_text(encoding="utf-8"))
    assert errors(data, "findings") == []
    assert {f["code"] for f in data} == {"FK001", "FK002", "GK000"}


def test_an_unknown_format_lists_the_available_ones(tmp_path, capsys):
    code, out, err = check(capsys, str(fake_project(tmp_path)["report"]), "--format", "xml")
    assert code == 2 and "未知的输出格式“xml”；可用的有：" in err and "json" in err and "text" in err


@pytest.mark.parametrize("args, message", [
    (["--published", "2022/01/28"], "--published: 日期格式应为 YYYY-MM-DD"),
    (["--select", "nonsense"], "--select: 未知的规则“nonsense”"),
    (["--province", "atlantis"], "--province: 未知的省级配置“atlantis”"),
])
def test_bad_options_are_exit_2_with_a_message(tmp_path, capsys, args, message):
    code, _, err = check(capsys, str(fake_project(tmp_path)["report"]), *args)
    assert code == 2 and message in err


def test_argparse_errors_say_what_is_wrong_in_chinese(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["check", "--fail-on", "never", "x.md"])
    assert raised.value.code == 2
    assert "命令行参数错误" in capsys.readouterr().err


def test_folders_and_globs_on_the_command_line(tmp_path, capsys, monkeypatch):
    project = fake_project(tmp_path)
    write(tmp_path / "reports" / "2021" / "b.md", REPORT)
    write(tmp_path / "reports" / "notes.py", "")
    monkeypatch.chdir(project["root"])
    code, out, _ = check(capsys, "reports", "--select", "FK001", "-q")
    assert sorted({line.split(":")[0] for line in out.splitlines()}) == ["reports/2021/b.md", "reports/report.md"]
    code, out, _ = check(capsys, "reports/**/b.md", "--select", "FK001", "-q")
    assert {line.split(":")[0] for line in out.splitlines()} == {"reports/2021/b.md"}


def test_statistics_follow_the_findings(tmp_path, capsys):
    code, out, _ = check(capsys, str(fake_project(tmp_path)["report"]), "--select", "FK001", "--statistics")
    lines = out.splitlines()
    assert lines[2] == "按规则统计："
    assert lines[3].split()[:3] == ["2", "FK001", "fake-marker"]


# -- rules, explain, init ----------------------------------------------------------------------

def test_rules_lists_code_slug_severity_on_off_summary_in_aligned_columns(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(fake_project(tmp_path)["root"])  # select = ["FK"]
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    marker = next(line for line in lines if line.startswith("FK001"))
    assert marker.split()[:5] == ["FK001", "fake-marker", "warning", "开", "含有“标记”的行"]
    assert next(line for line in lines if line.startswith("GK311")).split()[3] == "关"
    assert any(line.startswith("GK000") for line in lines)
    slug_columns = {line.index(line.split()[1]) for line in lines}
    severity_columns = {line.index(line.split()[2], line.index(line.split()[1]) + len(line.split()[1]))
                        for line in lines}
    assert len(slug_columns) == 1 and len(severity_columns) == 1


def test_config_shows_file_profile_and_each_rule_on_or_off_with_severity_and_options(tmp_path, capsys):
    project = fake_project(tmp_path, 'province = "fakecity"\nignore = ["FK003"]\n'
                                     '[rules.fake-marker]\nseverity = "error"\nword = "记号"\n'
                                     '[per-file-ignores]\n"reports/*.md" = ["FK004"]\n')
    assert main(["config", "reports/report.md"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"配置文件：{project['config']}" in out
    assert f"省级配置：fakecity（{project['config']}: province）" in out
    assert "本地插件：plugins/fake_rules.py" in out
    rows = {line.split()[1]: line for line in out if line.startswith("  ")}
    assert rows["FK001"].split()[:4] == ["开", "FK001", "fake-marker", "error"]
    assert 'word = "记号"' in rows["FK001"] and "limit = 10" in rows["FK001"]
    assert "limit = 5" in rows["FK002"]  # from the fakecity profile
    assert rows["FK003"].split()[0] == "关" and "ignore 排除" in rows["FK003"]
    assert rows["FK004"].split()[0] == "关" and "per-file-ignores 排除" in rows["FK004"]
    assert rows["GK311"].split()[0] == "关" and "select 没有选中" in rows["GK311"]


def test_config_of_a_broken_configuration_is_exit_2_naming_the_key(tmp_path, capsys):
    write(tmp_path / "giklint.toml", "selct = []\n")
    assert main(["config"]) == 2
    assert "giklint.toml: selct: 未知的配置项（可能是：select）" in capsys.readouterr().err


def test_explain_shows_the_doc_page_by_slug_or_code(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(fake_project(tmp_path)["root"])
    assert main(["explain", "fake-settings"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("fake-settings (FK002): 报告收到的选项和设置")
    assert "[rules.fake-settings]" in page and 'word = "标记"' in page and 'deadlines = {a = "01-31", b = "02-20"}' in page
    assert main(["explain", "fk002"]) == 0 and capsys.readouterr().out == page
    assert main(["explain", "internal-error"]) == 0
    assert "不通过的例子" in capsys.readouterr().out


def test_explain_an_unknown_rule_is_exit_2_with_close_matches(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(fake_project(tmp_path)["root"])
    assert main(["explain", "fake-setings"]) == 2
    err = capsys.readouterr().err
    assert "未知的规则“fake-setings”（可能是：fake-settings" in err


def test_init_writes_a_valid_starter_and_refuses_to_overwrite(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--province", "sichuan"]) == 0
    starter = (tmp_path / "giklint.toml").read_text(encoding="utf-8")
    assert 'province = "sichuan"' in starter and "[per-file-ignores]" in starter
    assert main(["init"]) == 2
    assert "文件已存在" in capsys.readouterr().err
    assert (tmp_path / "giklint.toml").read_text(encoding="utf-8") == starter
    assert main(["init", "--force"]) == 0
    assert '# province = "national"' in (tmp_path / "giklint.toml").read_text(encoding="utf-8")
    write(tmp_path / "r.md", REPORT)
    assert main(["check", "r.md", "--select", "GK0"]) == 0  # the starter is a valid configuration


def test_init_with_an_unknown_province_lists_the_known_ones(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--province", "atlantis"]) == 2
    assert "可用的有：" in capsys.readouterr().err and not (tmp_path / "giklint.toml").exists()


def test_parse_still_works(tmp_path, capsys):
    report = write(tmp_path / "r.md", REPORT)
    assert main(["parse", str(report)]) == 0
    assert json.loads(capsys.readouterr().out)["meta"]["year"] == 2021
