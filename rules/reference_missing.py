"""reference-missing (GK503): 没有引用省级配置要求引用的规定

检查内容 / What it checks:
    选项 `required` 列出的规定（任一即可，书名号可写可不写）在报告正文（标题、开头和六个部分）中
    至少出现一个。默认列表为空，不检查；省级配置设定本省的规定，如上海为
    ["上海市政府信息公开规定"]，山东为 ["山东省政府信息公开办法", "山东省政府信息公开规定"]。
为什么 / Why it matters:
    一些省市以地方政府规章或规范性文件规定了政府信息公开工作（如《上海市政府信息公开规定》，
    沪府令32号），要求年度报告在开头说明依据《政府信息公开条例》和本地规定编制；审核时据此检查。
选项 / Options:
    `required` (default []): 规定名称列表，引用其中任一个即通过。
不通过的例子 / Failing example:
    （上海的报告）根据《中华人民共和国政府信息公开条例》要求，编制本报告。
通过的例子 / Passing example:
    （上海的报告）根据《中华人民共和国政府信息公开条例》和《上海市政府信息公开规定》，编制本报告。
"""
from __future__ import annotations

from typing import Iterable, List

from giklint.rule import Context, Finding, Option, Rule
from giklint.texttools import document_start, full_text, squeeze


def _names(ctx: Context) -> List[str]:
    """The configured regulation names, without 书名号 and white space."""
    configured = ctx.options.get("required")
    if isinstance(configured, str):
        configured = [configured]
    names: List[str] = []
    for name in configured if isinstance(configured, list) else []:
        bare = squeeze(str(name)).strip("《》")
        if bare and bare not in names:
            names.append(bare)
    return names


class ReferenceMissing(Rule):
    code = "GK503"
    slug = "reference-missing"
    severity = "warning"
    summary = "没有引用省级配置要求引用的规定（如《上海市政府信息公开规定》）"
    options = {"required": Option(list, [], "必须引用的规定名称", items=str)}

    def check(self, ctx: Context) -> Iterable[Finding]:
        names = _names(ctx)
        if not names:
            return
        text = squeeze(full_text(ctx))
        if any(name in text for name in names):
            return
        cited = "".join(f"《{name}》" for name in names)
        message = f"报告未引用{cited}" if len(names) == 1 else f"报告未引用以下任一规定：{cited}"
        yield self.finding(ctx, message, location=document_start(ctx))
