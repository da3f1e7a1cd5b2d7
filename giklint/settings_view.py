"""What is in effect for a file: ``giklint config [PATH]`` and the on/off column of ``giklint rules``.

Both resolve the configuration exactly as ``giklint check`` would (:mod:`giklint.resolve`) and say,
for each rule, whether it runs on the file and why not: not selected, ignored, a ``per-file-ignores``
entry, or an installed province plugin whose province is not chosen.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from giklint import selection

ON, OFF = "开", "关"


def why_off(rule: type, config: Any, path: str) -> Optional[str]:
    """Why ``rule`` does not run on ``path`` under ``config`` (a ResolvedConfig), None when it runs."""
    if rule in config.dormant:
        return "省级插件的规则：配置没有选择它的省级配置，也没有在 select 中点名"
    if rule in config.rules_for(path):
        return None
    if not selection.best(config.select, rule):
        return "select 没有选中"
    if not selection.is_selected(rule, config.select, config.ignore):
        return "ignore 排除"
    return "per-file-ignores 排除"


def severity_of(rule: type, config: Any) -> str:
    return str(config.rule_settings.get(rule.slug, {}).get("severity") or rule.severity)


def rule_lines(rules: List[type], config: Any, path: str, toml_value) -> List[str]:
    """One line per rule: on/off, code, slug, severity, options (and why it is off)."""
    lines = []
    for rule in rules:
        reason = why_off(rule, config, path)
        options: Dict[str, Any] = {k: v for k, v in config.options_for(rule).items() if k != "severity"}
        shown = "，".join(f"{key} = {toml_value(value)}" for key, value in options.items() if value is not None)
        tail = f"  （{reason}）" if reason else (f"  {shown}" if shown else "")
        line = f"  {OFF if reason else ON}  {rule.code:<6} {rule.slug:<28} {severity_of(rule, config):<7}{tail}"
        lines.append(line.rstrip())
    return lines


def describe(resolved: Any, path: str, local_plugins: List[str], toml_value) -> str:
    """The resolved configuration for ``path`` as the text ``giklint config`` prints."""
    from giklint.rule import sort_rules

    config = resolved.setup.config
    lines = [f"文件：{path if path != '-' else '（当前文件夹）'}",
             f"配置文件：{config.config_path or '无（使用默认配置）'}",
             f"省级配置：{config.profile}（{config.profile_chosen_by}）",
             f"报告类型：{config.report_type}",
             f"fail_on：{config.fail_on}",
             f"select：{', '.join(config.select)}",
             f"ignore：{', '.join(config.ignore) or '无'}",
             f"rule_time_limit：{config.rule_time_limit:g} 秒",
             f"本地插件：{'、'.join(local_plugins) or '无'}",
             "规则（开/关、代码、规则名、级别、选项）："]
    return "\n".join(lines + rule_lines(sort_rules(config.rules), config, path, toml_value)) + "\n"
