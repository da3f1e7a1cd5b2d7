"""signature-missing (GK204): 报告末尾没有落款（机关名称和日期）

检查内容 / What it checks:
    报告末尾有落款：发布机关名称和成文日期。完全没有落款，或落款缺机关名称、缺日期时给提示（info）。
    省级配置可把选项 `required` 设为 false 关闭本检查。
为什么 / Why it matters:
    国家格式没有规定落款，但落款日期是判断是否按《政府信息公开条例》第四十九条规定的期限
    （部门报告每年1月31日前）公布的依据之一；一些地方（如怀化、岳阳、海南）要求报送稿由单位负责人签字、
    加盖公章。没有落款时 late-publication 只能依靠页面的发布日期或用户给出的日期。
选项 / Options:
    `required` (default true): 为 false 时不检查落款。
不通过的例子 / Failing example:
    六、其他需要报告的事项
    无。
    （全文到此结束，没有机关名称和日期）
通过的例子 / Passing example:
    六、其他需要报告的事项
    无。
    某市卫生健康局
    2022年1月20日
"""
from __future__ import annotations

from typing import Iterable

from giklint.model import Signature
from giklint.rule import Context, Finding, Option, Rule
from giklint.texttools import document_end


class SignatureMissing(Rule):
    code = "GK204"
    slug = "signature-missing"
    severity = "info"
    summary = "报告末尾没有落款（机关名称和日期）"
    options = {"required": Option(bool, True, "是否要求落款")}

    def check(self, ctx: Context) -> Iterable[Finding]:
        if not ctx.options.get("required", True):
            return
        signature = ctx.meta.signature or Signature()
        lacks = [label for value, label in ((signature.agency, "机关名称"), (signature.date, "日期")) if not value]
        if not lacks:
            return
        location = signature.location or ctx.location("meta.signature") or document_end(ctx)
        message = ("报告末尾没有落款（机关名称和日期）" if len(lacks) == 2
                   else f"落款缺少{lacks[0]}")
        yield self.finding(ctx, message, at=location)
