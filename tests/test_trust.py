"""No code from a checked tree runs unless the user trusts it (giklint/trust.py, README "Trust").

Every plugin here leaves a mark (a file ``RAN-<name>`` next to itself) when its code runs, so each
test sees whether giklint imported it; none may leave ``__pycache__`` behind in the checked tree.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from _engine_helpers import FAKE_PLUGIN, REPORT, run_giklint, write

from giklint.api import clear_caches, lint
from giklint.errors import ConfigError

MARKING = "from pathlib import Path as _P\n_P(__file__).with_name('RAN-' + _P(__file__).stem).write_text('ran')\n"
PLUGIN = MARKING + FAKE_PLUGIN
NOT_TRUSTED = "没有被信任"
NOT_ROOT = "只有项目根目录的配置文件"


@pytest.fixture(autouse=True)
def untrusted(tmp_path, monkeypatch):
    """No trust from the environment; each test starts from its own folder with empty caches."""
    monkeypatch.delenv("GIKLINT_TRUST_PLUGINS", raising=False)
    monkeypatch.chdir(tmp_path)
    clear_caches()
    yield
    clear_caches()


def project(root: Path, config_name: str = "giklint.toml", plugins: str = '["rules_local/x.py"]') -> Path:
    write(root / "rules_local" / "x.py", PLUGIN)
    if config_name == "pyproject.toml":
        write(root / config_name, f"[tool.giklint]\nplugins = {plugins}\n")
    else:
        write(root / config_name, f"plugins = {plugins}\n")
    return write(root / "report.md", REPORT)


def ran(root: Path) -> bool:
    return any(root.rglob("RAN-*"))


def no_bytecode(root: Path) -> bool:
    return not any(root.rglob("__pycache__")) and not any(root.rglob("*.pyc"))


def test_a_discovered_config_s_plugins_do_not_run_and_the_message_says_how_to_trust(tmp_path):
    project(tmp_path / "untrusted")
    proc = run_giklint("check", "untrusted/report.md", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "untrusted/giklint.toml: plugins: 未加载其中列出的本地插件" in proc.stderr and NOT_ROOT in proc.stderr
    assert not ran(tmp_path)


def test_trust_does_not_reach_a_config_that_is_not_the_root_one(tmp_path):
    project(tmp_path / "untrusted")
    proc = run_giklint("check", "--trust-plugins", "untrusted/report.md", cwd=tmp_path)
    assert proc.returncode == 2 and NOT_ROOT in proc.stderr
    assert not ran(tmp_path)


def test_root_config_untrusted_is_exit_2_naming_the_plugins_and_the_flag(tmp_path):
    project(tmp_path)
    proc = run_giklint("check", "report.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{tmp_path / 'giklint.toml'}: plugins: 这个配置列出了本地插件（rules_local/x.py），但它们没有被信任" \
        in proc.stderr
    assert "--trust-plugins" in proc.stderr and "GIKLINT_TRUST_PLUGINS=1" in proc.stderr
    assert not ran(tmp_path)


def test_root_config_trusted_by_flag_or_environment_runs_without_writing_bytecode(tmp_path, monkeypatch):
    project(tmp_path)
    proc = run_giklint("check", "--trust-plugins", "--select", "FK001", "-q", "report.md", cwd=tmp_path)
    assert proc.returncode == 1 and "FK001" in proc.stdout
    assert ran(tmp_path) and no_bytecode(tmp_path)
    monkeypatch.setenv("GIKLINT_TRUST_PLUGINS", "1")
    assert "FK001" in run_giklint("check", "--select", "FK001", "-q", "report.md", cwd=tmp_path).stdout


def test_a_hidden_config_deep_in_a_batch_folder_runs_nothing_even_when_trusted(tmp_path):
    write(tmp_path / "batch" / "a" / "report.md", REPORT)
    project(tmp_path / "batch" / "b" / "c", config_name=".giklint.toml")
    proc = run_giklint("check", "--trust-plugins", "batch", cwd=tmp_path)
    assert proc.returncode == 2 and ".giklint.toml: plugins: 未加载其中列出的本地插件" in proc.stderr
    assert not ran(tmp_path)


def test_a_parent_folder_s_config_runs_nothing(tmp_path):
    project(tmp_path / "parent")
    write(tmp_path / "parent" / "child" / "report.md", REPORT)
    (tmp_path / "elsewhere").mkdir()
    proc = run_giklint("check", "--trust-plugins", str(tmp_path / "parent" / "child" / "report.md"),
                       cwd=tmp_path / "elsewhere")
    assert proc.returncode == 2 and NOT_ROOT in proc.stderr
    assert not ran(tmp_path)


def test_pyproject_plugins_need_trust_too(tmp_path):
    project(tmp_path, config_name="pyproject.toml")
    proc = run_giklint("check", "report.md", cwd=tmp_path)
    assert proc.returncode == 2 and "pyproject.toml: tool.giklint.plugins: 这个配置列出了本地插件" in proc.stderr
    assert not ran(tmp_path)


def test_plugins_in_an_extended_file_never_run(tmp_path):
    project(tmp_path / "other", config_name="base.toml")
    write(tmp_path / "repo" / "giklint.toml", 'extends = "../other/base.toml"\n')
    write(tmp_path / "repo" / "report.md", REPORT)
    proc = run_giklint("check", "--trust-plugins", "report.md", cwd=tmp_path / "repo")
    assert proc.returncode == 2 and "other/base.toml: plugins: 未加载其中列出的本地插件" in proc.stderr
    assert not ran(tmp_path)


def test_a_module_name_is_not_imported_from_the_config_folder_without_trust(tmp_path):
    write(tmp_path / "evil_mod.py", PLUGIN)
    write(tmp_path / "giklint.toml", 'plugins = ["evil_mod"]\n')
    write(tmp_path / "report.md", REPORT)
    assert run_giklint("check", "report.md", cwd=tmp_path).returncode == 2
    assert not ran(tmp_path)
    trusted = run_giklint("check", "--trust-plugins", "--select", "FK001", "report.md", cwd=tmp_path)
    assert trusted.returncode == 1 and ran(tmp_path) and no_bytecode(tmp_path)


def test_an_absolute_plugin_path_needs_trust(tmp_path):
    write(tmp_path / "outside" / "abs.py", PLUGIN)
    write(tmp_path / "repo" / "giklint.toml", f'plugins = ["{tmp_path / "outside" / "abs.py"}"]\n')
    write(tmp_path / "repo" / "report.md", REPORT)
    assert run_giklint("check", "report.md", cwd=tmp_path / "repo").returncode == 2
    assert not ran(tmp_path)


def test_standard_input_uses_the_root_config_and_needs_trust(tmp_path):
    project(tmp_path)
    proc = run_giklint("check", "-", "--stdin-filename", "draft.md", cwd=tmp_path, stdin=REPORT)
    assert proc.returncode == 2 and NOT_TRUSTED in proc.stderr and not ran(tmp_path)
    proc = run_giklint("check", "-", "--stdin-filename", "draft.md", "--trust-plugins", "--select", "FK001",
                       cwd=tmp_path, stdin=REPORT)
    assert proc.returncode == 1 and "draft.md:7:1: FK001" in proc.stdout


def test_the_python_api_needs_trust_and_the_root_config(tmp_path):
    report = project(tmp_path / "repo")
    with pytest.raises(ConfigError, match=NOT_ROOT):  # cwd is tmp_path: repo's config is not the root one
        lint(report, trust_plugins=True)
    clear_caches()
    with pytest.raises(ConfigError, match=NOT_TRUSTED):
        lint(report, config=tmp_path / "repo" / "giklint.toml")
    assert not ran(tmp_path)
    clear_caches()
    found = lint(report, config=tmp_path / "repo" / "giklint.toml", trust_plugins=True, select="FK001")
    assert {f.code for f in found} == {"FK001"} and ran(tmp_path) and no_bytecode(tmp_path)


def test_an_inline_config_dict_with_plugins_needs_trust(tmp_path):
    write(tmp_path / "x.py", PLUGIN)
    with pytest.raises(ConfigError, match=NOT_TRUSTED):
        lint(REPORT.encode("utf-8"), name="a.md", config={"plugins": [str(tmp_path / "x.py")]})
    assert not ran(tmp_path)


def test_version_rules_and_explain_run_no_local_code_unless_asked(tmp_path):
    project(tmp_path)
    version = run_giklint("--version", cwd=tmp_path)
    rules = run_giklint("rules", cwd=tmp_path)
    explain = run_giklint("explain", "balance", cwd=tmp_path)
    assert version.returncode == rules.returncode == explain.returncode == 0
    assert "FK001" not in rules.stdout and NOT_TRUSTED in rules.stderr and "--trust-plugins" in rules.stderr
    assert not ran(tmp_path)
    asked = run_giklint("rules", "--trust-plugins", cwd=tmp_path)
    assert "FK001" in asked.stdout and ran(tmp_path) and no_bytecode(tmp_path)


@pytest.mark.parametrize("planted", ["plugin", "module"])
def test_python_m_giklint_in_a_checked_tree_imports_nothing_from_it(tmp_path, planted):
    """``python -m`` puts the current folder first on the import path: a tree being checked must not
    register a plugin through a ``*.dist-info`` folder in it, nor shadow a module giklint imports later."""
    import subprocess
    import sys

    write(tmp_path / "report.md", REPORT)
    if planted == "plugin":
        write(tmp_path / "planted-1.0.dist-info" / "METADATA", "Metadata-Version: 2.1\nName: planted\nVersion: 1.0\n")
        write(tmp_path / "planted-1.0.dist-info" / "entry_points.txt", "[giklint]\nplanted = planted_plugin\n")
        write(tmp_path / "planted_plugin.py", PLUGIN)
    else:  # imported by the check of a Markdown report after the command has started
        write(tmp_path / "difflib.py", MARKING)
    for args in (["--version"], ["check", "--no-cache", "report.md"]):
        done = subprocess.run([sys.executable, "-m", "giklint", *args], cwd=tmp_path, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode in (0, 1), done.stderr
        assert "planted" not in done.stdout and "Traceback" not in done.stderr
    assert not ran(tmp_path) and no_bytecode(tmp_path)
