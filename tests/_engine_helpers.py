"""Tiny fake rules in a real local plugin file, small reports, and a way to run the installed command.

The engine tests never depend on which built-in rules exist: they run the fake rules below (codes
``FK…``), registered through a plugin file that a ``giklint.toml`` in ``tmp_path`` lists.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Dict, Optional

import pytest

from giklint.api import clear_caches

FAKE_PLUGIN = '''
# Fake rules for giklint's engine tests (no module docstring: each rule's doc is its class docstring)
from giklint import hookimpl
from giklint.config import Profile
from giklint.rule import Rule

OPTIONS = {"word": "标记", "limit": 10, "deadlines": {"a": "01-31", "b": "02-20"}}


def text_lines(ctx):
    for item in (ctx.model.get("preamble") or {}).get("lines") or []:
        yield item["text"], item.get("location") or {}
    for part in ctx.model.get("sections") or []:
        yield part.get("heading") or "", part.get("location") or {}
        for item in part.get("lines") or []:
            yield item["text"], item.get("location") or {}


class Marker(Rule):
    """fake-marker (FK001): 每一行含“标记”的文字"""
    code = "FK001"
    slug = "fake-marker"
    severity = "warning"
    summary = "含有“标记”的行"
    options = OPTIONS

    def check(self, ctx):
        for text, location in text_lines(ctx):
            if ctx.options["word"] in text:
                yield self.finding(ctx, f"第{location.get('line')}行有{ctx.options['word']}", location=location)


class Settings(Rule):
    """fake-settings (FK002): 报告收到的选项和设置"""
    code = "FK002"
    slug = "fake-settings"
    severity = "info"
    summary = "说出选项和设置"
    options = OPTIONS

    def check(self, ctx):
        deadlines = ",".join(f"{k}={v}" for k, v in sorted(ctx.options["deadlines"].items()))
        settings = ",".join(f"{k}={ctx.settings[k]}" for k in sorted(ctx.settings))
        yield self.finding(ctx, f"word={ctx.options['word']};limit={ctx.options['limit']};{deadlines};{settings}")


class Boom(Rule):
    """fake-boom (FK003): 总是抛出异常"""
    code = "FK003"
    slug = "fake-boom"
    severity = "error"
    summary = "总是出错"

    def check(self, ctx):
        raise RuntimeError("故意出错")


class Previous(Rule):
    """fake-previous (FK004): 需要上年报告"""
    code = "FK004"
    slug = "fake-previous"
    severity = "warning"
    summary = "有上年报告时报告一次"
    needs_previous = True

    def check(self, ctx):
        yield self.finding(ctx, f"上年标题：{ctx.previous.meta.title}")


@hookimpl
def giklint_rules():
    return [Marker, Settings, Boom, Previous]


@hookimpl
def giklint_profiles():
    return [
        Profile("fakeland", "假省", {"rules": {"fake-settings": {"word": "省", "deadlines": {"a": "01-20"}}}}),
        Profile("fakecity", "假市", {"extends": "fakeland", "rules": {"fake-settings": {"limit": 5}}}),
    ]
'''

REPORT = """# 青禾县测试局2021年政府信息公开工作年度报告

本报告的统计期限自2021年1月1日起至2021年12月31日止。

## 一、总体情况

第一行标记。

## 二、主动公开政府信息情况

没有。

## 六、其他需要报告的事项

这里也有标记。
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def fake_project(root: Path, config: str = "", plugin: str = FAKE_PLUGIN, report: str = REPORT) -> Dict[str, Path]:
    """A folder with the fake plugin, a giklint.toml that lists it (plus ``config``) and a report."""
    write(root / "plugins" / "fake_rules.py", plugin)
    toml = write(root / "giklint.toml", 'plugins = ["plugins/fake_rules.py"]\nselect = ["FK"]\n' + config)
    return {"root": root, "config": toml, "report": write(root / "reports" / "report.md", report)}


def run_giklint(*args: str, cwd: Path, stdin: Optional[str] = None) -> subprocess.CompletedProcess:
    """The installed command of this venv, as a user runs it."""
    command = Path(sys.executable).with_name("giklint")
    return subprocess.run([str(command), *args], cwd=str(cwd), input=stdin, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def fresh_caches(request, tmp_path, monkeypatch):
    """Each test discovers its own configuration files and loads its own plugins; it runs in its
    temporary folder (unless it runs from the project root: ``at_root``), whose configuration is the
    root one, and trusts its local plugins (tests/test_trust.py, the trust model's own tests, take the
    trust away)."""
    clear_caches()
    if "at_root" not in request.fixturenames:
        monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIKLINT_TRUST_PLUGINS", "1")
    yield
    clear_caches()
