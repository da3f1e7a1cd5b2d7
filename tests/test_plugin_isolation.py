"""A plugin's rule cannot end the run, hang it or break its output (giklint/engine.py run_rule).

Each hostile rule is a real local plugin file listed by the (trusted) root configuration; the run
goes through the installed command, as a CI job would.
"""
from __future__ import annotations

import html
import json
import time

import pytest
from _engine_helpers import REPORT, run_giklint, write
from _engine_helpers import fresh_caches  # noqa: F401  (a fixture)

pytestmark = pytest.mark.usefixtures("fresh_caches")

HOSTILE = '''
import sys, time
from giklint import hookimpl
from giklint.rule import Finding, Rule


class Exits(Rule):
    """exits (HX001)"""
    code, slug, severity, summary = "HX001", "exits", "error", "calls sys.exit(0)"

    def check(self, ctx):
        sys.exit(0)


class Hangs(Rule):
    """hangs (HX002)"""
    code, slug, severity, summary = "HX002", "hangs", "error", "never returns, swallowing exceptions"

    def check(self, ctx):
        while True:
            try:
                time.sleep(100)
            except Exception:
                pass


class BadFields(Rule):
    """bad-fields (HX003)"""
    code, slug, severity, summary = "HX003", "bad-fields", "error", "a finding with wrong field types"

    def check(self, ctx):
        yield Finding(code="HX003", rule="bad-fields", severity="error", message="x", line="7",
                      location={"row": "二"})


class Fine(Rule):
    """fine (HX004)"""
    code, slug, severity, summary = "HX004", "fine", "warning", "one ordinary finding"

    def check(self, ctx):
        yield self.finding(ctx, "普通的发现")


@hookimpl
def giklint_rules():
    return [Exits, Hangs, BadFields, Fine]
'''


@pytest.fixture
def hostile(tmp_path):
    write(tmp_path / "hostile.py", HOSTILE)
    write(tmp_path / "giklint.toml", 'plugins = ["hostile.py"]\n')
    write(tmp_path / "a.md", REPORT)
    write(tmp_path / "b.md", REPORT)
    return tmp_path


def codes(proc):
    return [(f["path"], f["code"], f["message"]) for f in json.loads(proc.stdout)]


def test_a_rule_calling_sys_exit_is_an_internal_error_not_a_pass(hostile):
    proc = run_giklint("check", "--select", "HX001,HX004", "--format", "json", "a.md", cwd=hostile)
    assert proc.returncode == 1
    found = codes(proc)
    assert ("a.md", "GK000", "规则 HX001 exits 运行出错：SystemExit: 0") in found
    assert ("a.md", "HX004", "普通的发现") in found  # the other rules still ran


def test_a_hanging_rule_is_stopped_after_the_time_limit_in_a_batch(hostile):
    started = time.monotonic()
    proc = run_giklint("check", "--select", "HX002,HX004", "--rule-time-limit", "1", "--jobs", "2",
                       "--format", "json", "a.md", "b.md", cwd=hostile)
    assert time.monotonic() - started < 60  # a hang would end only at run_giklint's own timeout
    assert proc.returncode == 1
    found = codes(proc)
    for path in ("a.md", "b.md"):
        assert (path, "GK000", "规则 HX002 hangs 超时：运行超过 1 秒，已停止（rule_time_limit）") in found
        assert (path, "HX004", "普通的发现") in found


def test_the_time_limit_can_be_configured_and_is_checked(hostile):
    write(hostile / "giklint.toml", 'plugins = ["hostile.py"]\nrule_time_limit = 1\n')
    proc = run_giklint("check", "--select", "HX002", "-q", "a.md", cwd=hostile)
    assert proc.returncode == 1 and "超时：运行超过 1 秒" in proc.stdout
    write(hostile / "giklint.toml", 'plugins = ["hostile.py"]\nrule_time_limit = -5\n')
    proc = run_giklint("check", "a.md", cwd=hostile)
    assert proc.returncode == 2 and "giklint.toml: rule_time_limit: 应大于 0，实际是 -5" in proc.stderr


@pytest.mark.parametrize("output_format", ["sarif", "html", "json", "text", "github"])
def test_a_finding_with_wrong_field_types_is_an_internal_error_and_every_output_renders(hostile, output_format):
    proc = run_giklint("check", "--select", "HX003,HX004", "--format", output_format, "a.md", cwd=hostile)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    shown = html.unescape(proc.stdout) if output_format == "html" else proc.stdout
    assert "Finding.line 应为非负整数或 None，实际是 '7'" in shown and "普通的发现" in shown


def test_a_hook_or_an_import_calling_sys_exit_is_a_plugin_failure(tmp_path):
    from giklint.plugins import catalog

    write(tmp_path / "exits_on_import.py", "import sys\nsys.exit(3)\n")
    write(tmp_path / "exits_in_hook.py", "import sys\nfrom giklint import hookimpl\n@hookimpl\n"
                                         "def giklint_rules():\n    sys.exit(0)\n")
    found = catalog((("exits_on_import.py", str(tmp_path)), ("exits_in_hook.py", str(tmp_path))))
    assert found.failures == [("exits_on_import.py", "SystemExit: 3"),
                              ("exits_in_hook.py", "giklint_rules: SystemExit: 0")]
