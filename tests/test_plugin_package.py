"""The example third-party plugin (examples/plugin-qinghe) installs with pip beside giklint and works.

A fresh venv gets giklint from (a copy of) the checkout and the plugin with its test extra, both
with pip; then, in a temporary report repository whose ``giklint.toml`` selects the plugin's
profile, ``giklint check`` reports the plugin's own rule, a rule the profile tightens and one the
province profile it extends switches on.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from _venv import copy_tree, make_venv
from conftest import EXAMPLES, ROOT

PLUGIN = EXAMPLES / "plugin-qinghe"
REPORT_NAME = "qinghe-transport-2021.md"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A venv with giklint and giklint-qinghe[test] installed."""
    tmp = tmp_path_factory.mktemp("plugin")
    giklint_source = copy_tree(ROOT, tmp / "giklint")
    plugin_source = copy_tree(PLUGIN, tmp / "plugin-qinghe")
    venv = make_venv(tmp / "venv", str(giklint_source), f"{plugin_source}[test]", build_isolation=False)
    print(f"\ntest_plugin_package timings (s): {', '.join(f'{k} {v:.1f}' for k, v in venv.seconds.items())}")
    return venv


def write_faulty_report(folder: Path) -> Path:
    """clean-2021.md without its web address and signed 2022年1月25日: late for 青禾市 (1月20日), not nationally."""
    text = (EXAMPLES / "reports" / "clean-2021.md").read_text(encoding="utf-8")
    text = re.sub(r"本报告电子版可在[^。]*。", "", text).replace("2022年1月20日", "2022年1月25日")
    assert "http" not in text and "12345" not in text and "2022年1月25日" in text
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / REPORT_NAME
    report.write_text(text, encoding="utf-8")
    return report


def rules_found(venv, cwd: Path, *args: str) -> set:
    proc = venv.run("giklint", "check", "--format", "json", *args, cwd=cwd, check=False)
    assert proc.returncode in (0, 1), proc.stderr
    return {finding["rule"] for finding in json.loads(proc.stdout)}


def test_the_profile_and_the_plugin_rule_fire_in_a_report_repository(installed, tmp_path):
    venv = installed
    repo = tmp_path / "reports"
    write_faulty_report(repo / "2021")
    (repo / "giklint.toml").write_text('province = "qinghe"\n', encoding="utf-8")
    found = rules_found(venv, repo, f"2021/{REPORT_NAME}")
    # the plugin's rule; the deadline qinghe sets; the reference the 山东 profile it extends requires
    assert {"qinghe-hotline", "late-publication", "reference-missing"} <= found, found


def test_without_the_profile_the_plugin_changes_nothing_unless_its_rule_is_selected(installed, tmp_path):
    # installed into a shared environment, the plugin must not fire on an unrelated project's reports
    venv = installed
    write_faulty_report(tmp_path)
    found = rules_found(venv, tmp_path, REPORT_NAME)
    assert "qinghe-hotline" not in found, found
    assert not {"late-publication", "reference-missing"} & found, found
    assert rules_found(venv, tmp_path, "--select", "GK,qinghe-hotline", REPORT_NAME) >= {"qinghe-hotline"}


def test_version_rules_and_explain_show_the_plugin(installed, tmp_path):
    venv = installed
    version = venv.run("giklint", "--version", cwd=tmp_path).stdout
    assert any("qinghe" in line and "1.0.0" in line for line in version.splitlines()), version
    assert "QH101" in venv.run("giklint", "rules", cwd=tmp_path).stdout
    assert "不通过的例子" in venv.run("giklint", "explain", "qinghe-hotline", cwd=tmp_path).stdout


def test_the_plugin_passes_its_own_tests_where_it_is_installed(installed, tmp_path):
    # the tests alone, so what they import is the installed package, not the source folder
    tests = shutil.copytree(PLUGIN / "tests", tmp_path / "tests")
    proc = installed.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests), cwd=tmp_path,
                         check=False)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "skipped" not in proc.stdout.splitlines()[-1], proc.stdout[-500:]
