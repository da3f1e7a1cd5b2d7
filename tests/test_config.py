"""Configuration: discovery, precedence, extends, profiles, and errors that name the file and the key."""
from __future__ import annotations

from pathlib import Path

import pytest
from _engine_helpers import fake_project, write
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)
from conftest import ROOT

from giklint import config as cfg
from giklint.api import clear_caches, lint
from giklint.errors import ConfigError

pytestmark = pytest.mark.usefixtures("fresh_caches")

PROFILE_DIR = ROOT / "rules" / "profiles"



def said(findings, code="FK002") -> str:
    [finding] = [f for f in findings if f.code == code]
    return finding.message


# -- discovery ---------------------------------------------------------------------------------

def test_the_nearest_config_file_upward_from_the_report_wins(tmp_path):
    write(tmp_path / "giklint.toml", "")
    write(tmp_path / "a" / ".giklint.toml", "")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert cfg.find_config_file(str(deep)) == str(tmp_path / "a" / ".giklint.toml")
    assert cfg.find_config_file(str(tmp_path)) == str(tmp_path / "giklint.toml")


def test_a_relative_path_is_configured_from_the_current_folder_of_each_call(tmp_path, monkeypatch):
    """A run's resolver finds each folder's configuration once; a relative folder means another
    folder after an API caller changes the current folder, and gets that folder's configuration."""
    from giklint.resolve import Resolver

    for name in ("one", "two"):
        write(tmp_path / name / "giklint.toml", "")
        write(tmp_path / name / "reports" / "a.md", "")
    resolver = Resolver()
    for name in ("one", "two", "one"):
        monkeypatch.chdir(tmp_path / name)
        assert resolver._config_of("reports/a.md") == str(tmp_path / name / "giklint.toml")
        assert resolver._config_of(str(tmp_path / name / "reports" / "b.md")) == str(tmp_path / name / "giklint.toml")


def test_in_one_folder_giklint_toml_beats_dot_giklint_toml_beats_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.giklint]\n")
    assert cfg.find_config_file(str(tmp_path)) == str(tmp_path / "pyproject.toml")
    cfg.find_config_file.cache_clear()
    write(tmp_path / ".giklint.toml", "")
    assert cfg.find_config_file(str(tmp_path)) == str(tmp_path / ".giklint.toml")
    cfg.find_config_file.cache_clear()
    write(tmp_path / "giklint.toml", "")
    assert cfg.find_config_file(str(tmp_path)) == str(tmp_path / "giklint.toml")


def test_a_pyproject_without_tool_giklint_is_passed_over(tmp_path):
    write(tmp_path / "giklint.toml", "")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert cfg.find_config_file(str(tmp_path / "sub")) == str(tmp_path / "giklint.toml")


def test_pyproject_settings_apply_and_errors_name_tool_giklint(tmp_path):
    project = fake_project(tmp_path)
    project["config"].unlink()
    write(tmp_path / "pyproject.toml", '[tool.giklint]\nplugins = ["plugins/fake_rules.py"]\nselect = ["FK002"]\n'
                                       '[tool.giklint.rules.fake-settings]\nword = "项目"\n')
    assert "word=项目" in said(lint(project["report"]))
    clear_caches()
    write(tmp_path / "pyproject.toml", "[tool.giklint]\nselct = []\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: tool\.giklint\.selct: 未知的配置项（可能是：select）"):
        lint(project["report"])


def test_an_explicit_config_beats_discovery(tmp_path):
    project = fake_project(tmp_path, '[rules.fake-settings]\nword = "发现"\n')
    other = write(tmp_path / "elsewhere" / "chosen.toml",
                  f'plugins = ["{project["root"] / "plugins" / "fake_rules.py"}"]\n'
                  '[rules.fake-settings]\nword = "指定"\n')
    assert "word=发现" in said(lint(project["report"]))
    assert "word=指定" in said(lint(project["report"], config=other))


# -- precedence --------------------------------------------------------------------------------

def test_options_layer_rule_defaults_then_profile_then_file(tmp_path):
    project = fake_project(tmp_path, 'province = "fakeland"\n[rules.fake-settings]\nlimit = 7\n'
                                     'deadlines = { b = "02-10" }\n')
    message = said(lint(project["report"]))
    # word from the profile, limit from the file, deadlines merged key by key (a: profile, b: file)
    assert "word=省;limit=7;a=01-20,b=02-10;" in message
    assert "province=fakeland" in message and "profile=fakeland" in message


def test_the_command_line_province_overrides_the_file(tmp_path):
    project = fake_project(tmp_path, 'province = "fakeland"\n')
    assert "limit=5" in said(lint(project["report"], province="fakecity"))


def test_a_profile_extends_another(tmp_path):
    project = fake_project(tmp_path, 'province = "fakecity"\n')
    message = said(lint(project["report"]))
    assert "word=省;limit=5;a=01-20,b=02-20;" in message  # fakeland's word and deadline, fakecity's limit


def test_a_file_extends_another_file(tmp_path):
    project = fake_project(tmp_path, 'extends = "../shared/base.toml"\n[rules.fake-settings]\nlimit = 2\n')
    write(tmp_path.parent / "shared" / "base.toml", 'province = "fakeland"\n[rules.fake-settings]\nlimit = 1\n'
                                                    'word = "共享"\n')
    message = said(lint(project["report"]))
    assert "word=共享;limit=2;" in message and "province=fakeland" in message


def test_extends_in_a_circle_is_an_error(tmp_path):
    project = fake_project(tmp_path, 'extends = "other.toml"\n')
    write(tmp_path / "other.toml", 'extends = "giklint.toml"\n')
    with pytest.raises(ConfigError, match="循环"):
        lint(project["report"])


def test_report_type_and_published_reach_the_rules(tmp_path):
    project = fake_project(tmp_path, 'report_type = "township"\n')
    assert "report_type=township" in said(lint(project["report"]))
    assert "report_type=city_summary" in said(lint(project["report"], report_type="city_summary",
                                                    published="2022-01-05"))
    assert "published=2022-01-05" in said(lint(project["report"], published="2022-01-05"))


def test_without_any_configuration_the_national_profile_applies(tmp_path):
    report = write(tmp_path / "r.md", "# 标题\n")
    resolved = cfg.resolve([], [], {"national": cfg.Profile("national")})
    assert (resolved.profile, resolved.province, resolved.report_type, resolved.fail_on) == \
        ("national", None, "department", "warning")
    assert lint(report, select="GK0") == []


# -- errors name the file and the key ------------------------------------------------------------

@pytest.mark.parametrize("text, key, why", [
    ('provnce = "sichuan"\n', "provnce", "未知的配置项（可能是：province）"),
    ("ignore = \"FK\"\n", "ignore", "应为列表"),
    ("fail_on = \"never\"\n", "fail_on", "应为 error、warning、info 之一"),
    ('[rules.fake-settings]\nseverity = "fatal"\n', "rules.fake-settings.severity", "应为 error、warning、info 之一"),
    ('[rules.fake-setings]\n', "rules.fake-setings", "未知的规则（可能是：fake-settings"),
    ('[rules.FK999]\n', "rules.FK999", "未知的规则"),
    ('[rules.fake-settings]\nwords = "x"\n', "rules.fake-settings.words", "没有这个选项（可能是：word）"),
    ('[rules.fake-settings]\nlimit = "ten"\n', "rules.fake-settings.limit", "应为数字"),
    ('[rules.fake-settings]\nlimit = true\n', "rules.fake-settings.limit", "应为数字"),
    ('[rules.fake-settings]\ndeadlines = ["01-31"]\n', "rules.fake-settings.deadlines", "应为表"),
    ('ignore = ["FK9"]\n', "ignore", "未知的规则“FK9”"),
    ('[per-file-ignores]\n"*.md" = ["nope"]\n', "per-file-ignores.*.md", "未知的规则“nope”"),
    ('province = "atlantis"\n', "province", "未知的省级配置“atlantis”；可用的有：anhui"),
])
def test_a_bad_configuration_names_the_file_and_the_key(tmp_path, text, key, why):
    project = fake_project(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        lint(project["report"])
    assert f"{project['config']}: {key}: " in str(raised.value)
    assert why in str(raised.value)


def test_invalid_toml_names_the_file(tmp_path):
    project = fake_project(tmp_path, 'select = ["FK"\n')
    with pytest.raises(ConfigError, match=r"giklint\.toml: 不是有效的TOML"):
        lint(project["report"])


def test_rules_are_named_by_code_as_well_as_slug(tmp_path):
    project = fake_project(tmp_path, '[rules.FK002]\nword = "代码"\n')
    assert "word=代码" in said(lint(project["report"]))


def test_a_missing_explicit_config_is_an_error(tmp_path):
    project = fake_project(tmp_path)
    with pytest.raises(ConfigError, match="配置文件不存在"):
        lint(project["report"], config=tmp_path / "nope.toml")


# -- shipped profiles --------------------------------------------------------------------------

def shipped_profiles():
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def test_the_national_profile_and_the_documented_provinces_are_shipped():
    expected = {"national", "hunan-huaihua", "sichuan", "henan", "shandong", "shanghai", "fujian", "anhui",
                "guangdong", "zhejiang", "guangxi"}
    assert expected <= set(shipped_profiles())


@pytest.mark.parametrize("name", shipped_profiles())
def test_every_shipped_profile_validates_resolves_and_cites_its_source(name):
    from giklint.plugins import catalog

    found = catalog()
    profile = found.profiles[name]
    assert cfg.schema_problems(profile.data) == []
    assert profile.description, f"{name}: no description"
    text = (PROFILE_DIR / f"{name}.toml").read_text(encoding="utf-8")
    assert "Source" in text, f"{name}: no source cited in a comment"
    resolved = cfg.resolve([], found.rules, found.profiles, cfg.Options(province=name))
    assert resolved.profile == name
    for slug in resolved.rule_settings:  # options reach real rules with the right names
        rule = next(r for r in found.rules if r.slug == slug)
        assert set(resolved.options_for(rule)) <= set(rule.options) | {"severity"}


def test_profiles_change_what_their_province_requires():
    from giklint.plugins import catalog

    found = catalog()
    by_slug = {rule.slug: rule for rule in found.rules}

    def options(province, slug):
        return cfg.resolve([], found.rules, found.profiles, cfg.Options(province=province)).options_for(by_slug[slug])

    assert options("shanghai", "reference-missing")["required"] == ["上海市政府信息公开规定"]
    assert options("national", "reference-missing")["required"] == []
    assert options("hunan-huaihua", "late-publication")["deadlines"]["department"] == "01-28"
    assert options("hunan-huaihua", "late-publication")["deadlines"]["city_summary"] == "03-10"  # national kept
    assert options("henan", "fee-statement-missing")["severity"] == "error"
    assert options("guangdong", "period-missing")["required"] is False


def test_a_profile_may_not_list_plugins():
    profiles = {"national": cfg.Profile("national"), "bad": cfg.Profile("bad", "", {"plugins": ["x.py"]})}
    with pytest.raises(ConfigError, match="plugins: 省级配置中不能使用此项"):
        cfg.resolve([], [], profiles, cfg.Options(province="bad"))


def test_profiles_from_directory_reads_every_toml(tmp_path):
    write(tmp_path / "one.toml", 'description = "第一"\n')
    write(tmp_path / "two.toml", "")
    found = cfg.profiles_from_directory(tmp_path)
    assert [(p.name, p.description) for p in found] == [("one", "第一"), ("two", "")]
    assert found[0].source == str(tmp_path / "one.toml")


def test_a_profile_file_is_read_when_used_so_a_broken_one_only_stops_runs_that_use_it(tmp_path):
    write(tmp_path / "good.toml", 'description = "好"\n')
    write(tmp_path / "broken.toml", "description = \n")
    good, broken = sorted(cfg.profiles_from_directory(tmp_path), key=lambda p: p.name, reverse=True)
    assert good.data == {"description": "好"}
    with pytest.raises(ConfigError, match="broken.toml: 不是有效的TOML"):
        broken.data


def test_deep_merge_merges_tables_and_replaces_lists():
    base = {"a": {"x": 1, "y": 2}, "b": [1, 2], "c": 1}
    assert cfg.deep_merge(base, {"a": {"y": 3}, "b": [3]}) == {"a": {"x": 1, "y": 3}, "b": [3], "c": 1}


@pytest.mark.parametrize("pattern, path, matches", [
    ("drafts/*.md", "drafts/a.md", True),
    ("drafts/*.md", "final/a.md", False),
    ("*.md", "deep/down/a.md", True),  # no slash: the file name is enough
    ("a.md", "deep/a.md", True),
    ("deep/*.txt", "deep/a.md", False),
])
def test_per_file_ignore_patterns(tmp_path, pattern, path, matches):
    assert cfg.path_matches(str(tmp_path / path), pattern, Path(tmp_path)) is matches


@pytest.mark.parametrize("text", ['[tool.giklint]\nselect = ["GK1"]\n', 'tool.giklint.select = ["GK1"]\n',
                                  '[tool]\ngiklint = { select = ["GK1"] }\n', '[tool."giklint"]\nselect = ["GK1"]\n',
                                  '[ tool . giklint ]\nselect = ["GK1"]\n', 'tool = { giklint = { select = ["GK1"] } }\n',
                                  '"tool".giklint.select = ["GK1"]\n'])
def test_every_toml_spelling_of_tool_giklint_is_found(tmp_path, text):
    """pyproject files are only parsed when they name giklint: each way TOML can write the table does"""
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n" + text if text.startswith("[") else text)
    assert cfg.find_config_file(str(tmp_path)) == str(tmp_path / "pyproject.toml")


def test_a_pyproject_naming_giklint_elsewhere_is_passed_over(tmp_path):
    write(tmp_path / "giklint.toml", "")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'giklint-reports'\ndependencies = ['giklint']\n")
    assert cfg.find_config_file(str(tmp_path / "sub")) == str(tmp_path / "giklint.toml")
