"""Plugins load one by one: a broken one is reported by name and skipped; its bad rules are refused."""
from __future__ import annotations

import pytest
from _engine_helpers import FAKE_PLUGIN, fake_project, write
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

from giklint.api import lint
from giklint.errors import ConfigError

from giklint.options import Options

from giklint.runner import check_paths
from giklint.plugins import catalog, load_plugins, rule_problem
from giklint.rule import Rule

pytestmark = pytest.mark.usefixtures("fresh_caches")


def failure_names(found):
    return [name for name, _ in found.failures]


def test_local_plugins_load_only_when_listed(tmp_path):
    write(tmp_path / "fake_rules.py", FAKE_PLUGIN)
    assert not any(r.code.startswith("FK") for r in catalog().rules)
    listed = catalog(((str(tmp_path / "fake_rules.py"), str(tmp_path)),))
    assert {"FK001", "FK002", "FK003", "FK004"} <= {r.code for r in listed.rules}
    assert {"fakeland", "fakecity", "national"} <= set(listed.profiles)


def test_a_plugin_with_a_syntax_error_is_named_and_skipped(tmp_path):
    write(tmp_path / "broken.py", "def broken(:\n")
    write(tmp_path / "fake_rules.py", FAKE_PLUGIN)
    found = catalog((("broken.py", str(tmp_path)), ("fake_rules.py", str(tmp_path))))
    [(name, error)] = found.failures
    assert name == "broken.py" and "SyntaxError" in error
    assert "FK001" in {r.code for r in found.rules}


def test_a_missing_plugin_file_or_module_is_a_failure(tmp_path):
    found = catalog((("nope.py", str(tmp_path)), ("no_such_module_xyz", str(tmp_path))))
    assert failure_names(found) == ["nope.py", "no_such_module_xyz"]
    assert "插件文件不存在" in found.failures[0][1] and "ModuleNotFoundError" in found.failures[1][1]


def test_a_module_plugin_is_imported_from_the_config_folder(tmp_path):
    write(tmp_path / "city_rules" / "__init__.py", FAKE_PLUGIN)
    found = catalog((("city_rules", str(tmp_path)),))
    assert not found.failures and "FK001" in {r.code for r in found.rules}


def test_a_local_plugin_file_runs_once_per_process(tmp_path):
    counter = tmp_path / "count.txt"
    write(tmp_path / "counted.py", f"from pathlib import Path\np = Path({str(counter)!r})\n"
                                   "p.write_text(str(int(p.read_text()) + 1) if p.exists() else '1')\n")
    load_plugins([("counted.py", str(tmp_path))])
    load_plugins([("counted.py", str(tmp_path))])
    assert counter.read_text() == "1"


def test_a_hook_that_raises_is_a_failure_of_its_plugin(tmp_path):
    write(tmp_path / "raising.py", "from giklint import hookimpl\n@hookimpl\ndef giklint_rules():\n"
                                   "    raise ValueError('坏了')\n")
    found = catalog((("raising.py", str(tmp_path)),))
    [(name, error)] = found.failures
    assert name == "raising.py" and "giklint_rules: ValueError: 坏了" in error
    assert "GK000" in {r.code for r in found.rules}  # the engine's and built-in rules are still there


BAD_RULES = '''
from giklint import hookimpl
from giklint.rule import Rule

class NoCode(Rule):
    slug = "no-code"

class BadSeverity(Rule):
    code = "FK101"
    slug = "bad-severity"
    severity = "fatal"

class Clash(Rule):
    code = "GK000"
    slug = "clash"

class Good(Rule):
    code = "FK102"
    slug = "good"

@hookimpl
def giklint_rules():
    return [NoCode, BadSeverity, Clash, Good, "not a class"]
'''


def test_bad_rules_are_refused_with_a_reason_and_good_ones_kept(tmp_path):
    write(tmp_path / "bad_rules.py", BAD_RULES)
    found = catalog((("bad_rules.py", str(tmp_path)),))
    reasons = [error for name, error in found.failures if name == "bad_rules.py"]
    assert len(reasons) == 4
    assert any("code" in r and "NoCode" in r for r in reasons)
    assert any("severity" in r and "fatal" in r for r in reasons)
    assert any("重名" in r and "GK000" in r for r in reasons)
    assert any("不是 giklint.rule.Rule 的子类" in r for r in reasons)
    assert "FK102" in {r.code for r in found.rules}


def test_rule_problem_accepts_a_well_formed_rule():
    class Fine(Rule):
        code = "AB12"
        slug = "fine-rule"
        severity = "info"

    assert rule_problem(Fine) is None


def test_a_configured_plugin_that_fails_to_load_stops_the_run_naming_file_error_and_requirements(tmp_path):
    project = fake_project(tmp_path, "")
    config = project["config"]
    config.write_text(config.read_text(encoding="utf-8").replace(
        'plugins = ["plugins/fake_rules.py"]', 'plugins = ["plugins/fake_rules.py", "plugins/broken.py"]'),
        encoding="utf-8")
    write(tmp_path / "plugins" / "broken.py", "import no_such_module_xyz\n")
    with pytest.raises(ConfigError) as caught:
        check_paths([str(project["report"])], Options(select=("FK001",)))
    message = str(caught.value)
    assert f"{config}: plugins: 本地插件“plugins/broken.py”无法加载：ModuleNotFoundError" in message
    assert "须定义至少一个用 @giklint.hookimpl 标记的钩子函数" in message and "docs/rules-api.md" in message


def test_a_configured_plugin_without_any_hook_is_refused(tmp_path):
    write(tmp_path / "nothing.py", "X = 1\n")
    found = catalog((("nothing.py", str(tmp_path)),))
    [(name, error)] = found.failures
    assert name == "nothing.py" and "没有定义任何 giklint 钩子" in error


def test_plugin_rules_are_selected_like_built_in_ones(tmp_path):
    project = fake_project(tmp_path)
    assert {f.code for f in lint(project["report"], select="fake-marker")} == {"FK001"}


def test_a_plugin_raising_in_a_hook_does_not_stop_the_other_plugins(tmp_path):
    write(tmp_path / "raising.py", "from giklint import hookimpl\n@hookimpl\ndef giklint_rules():\n"
                                   "    raise ValueError('坏了')\n@hookimpl\ndef giklint_profiles():\n    return []\n")
    write(tmp_path / "fake_rules.py", FAKE_PLUGIN)
    found = catalog((("fake_rules.py", str(tmp_path)), ("raising.py", str(tmp_path))))
    assert found.failures == [("raising.py", "giklint_rules: ValueError: 坏了")]
    assert {"FK001", "FK002"} <= {r.code for r in found.rules}  # registered before the raising one
    assert {"GK000", "GK311"} <= {r.code for r in found.rules}


MISSPELT = "from giklint import hookimpl\n@hookimpl\ndef giklint_rule():\n    return []\n"


def test_a_misspelt_hook_name_is_a_failure_naming_the_plugin_and_the_hook(tmp_path):
    write(tmp_path / "misspelt.py", MISSPELT)
    write(tmp_path / "fake_rules.py", FAKE_PLUGIN)
    found = catalog((("misspelt.py", str(tmp_path)), ("fake_rules.py", str(tmp_path))))
    [(name, error)] = found.failures
    assert name == "misspelt.py" and "giklint_rule" in error and "giklint_rules" in error
    assert "FK001" in {r.code for r in found.rules}
    assert "misspelt.py" not in [p.name for p in found.loaded.plugins]


def test_a_misspelt_hook_in_a_config_plugin_exits_2_naming_it(tmp_path, capsys):
    from giklint.cli import main

    write(tmp_path / "misspelt.py", MISSPELT)
    write(tmp_path / "giklint.toml", 'plugins = ["misspelt.py"]\n')
    write(tmp_path / "report.md", "# 空\n")
    assert main(["check", "-q", str(tmp_path / "report.md")]) == 2
    err = capsys.readouterr().err
    assert "misspelt.py" in err and "giklint_rule" in err


def test_built_in_rules_come_once_through_the_giklint_rules_hook():
    from giklint.engine_rules import ENGINE_RULES
    from giklint.plugins import collect_each

    loaded = load_plugins(entry_points=False)  # no installed entry point is needed for giklint's own rules
    contributed = collect_each(loaded.manager, "giklint_rules")
    rules = [rule for _, rule in contributed]
    assert len(rules) == len(set(rules))
    assert {plugin for plugin, _ in contributed} == {"giklint.builtin", "giklint_rules"}
    assert set(ENGINE_RULES) <= set(rules) and {r.code for r in rules} >= {"GK101", "GK311", "GK503"}
    assert catalog().rules[:len(ENGINE_RULES)] == list(ENGINE_RULES)


PROVINCE_PLUGIN = '''
from giklint import hookimpl
from giklint.config import Profile
from giklint.rule import Rule


class Hotline(Rule):
    """fakeprov-hotline (FP001)"""
    code, slug, severity, summary = "FP001", "fakeprov-hotline", "warning", "假省的热线"

    def check(self, ctx):
        yield self.finding(ctx, "假省要求热线")


@hookimpl
def giklint_rules():
    return [Hotline]


@hookimpl
def giklint_profiles():
    return [Profile("fakeprov", "假省", {"extends": "sichuan"})]
'''


@pytest.fixture
def installed_province_plugin(tmp_path, monkeypatch):
    """A province plugin reached through an installed ``giklint`` entry point."""
    from giklint import plugins

    write(tmp_path / "site" / "giklint_fakeprov.py", PROVINCE_PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(plugins, "find_entry_points", lambda: [("fakeprov", "giklint_fakeprov", "1.0")])
    return write(tmp_path / "repo" / "report.md", "# 标题\n")


@pytest.mark.parametrize("config, fires", [
    ("", False),  # no province: an unrelated project
    ('province = "sichuan"\n', False),  # another province, even the one the plugin's profile extends
    ('province = "fakeprov"\n', True),
    ('select = ["ALL"]\n', False),  # ALL is not choosing the plugin
    ('select = ["GK", "FP001"]\n', True),  # named explicitly
    ('select = ["fakeprov-hotline"]\n', True),
])
def test_an_installed_province_plugin_s_rules_run_only_where_chosen(installed_province_plugin, config, fires):
    write(installed_province_plugin.parent / "giklint.toml", config)
    found = {f.code for f in lint(installed_province_plugin)}
    assert ("FP001" in found) == fires


def test_a_check_loads_the_installed_plugins_once(tmp_path, monkeypatch):
    """The command asks for the formatters (``catalog()``) and the files' set-up for the same plugins
    (``catalog(())``): one catalog, the plugins loaded and their rules collected once."""
    from giklint import cli, plugins
    from giklint.resolve import clear_caches

    report = tmp_path / "r.md"
    report.write_text("# 2021年政府信息公开工作年度报告\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    loads = []
    real = plugins.load_plugins
    monkeypatch.setattr(plugins, "load_plugins", lambda *args, **kwargs: loads.append(args) or real(*args, **kwargs))
    clear_caches()
    try:
        cli.main(["check", "--no-cache", "--quiet", "--allow-empty", str(report)])
    finally:
        clear_caches()
    assert len(loads) == 1
    assert catalog() is catalog(())
