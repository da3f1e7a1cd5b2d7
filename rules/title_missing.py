"""title-missing (GK104): 没有写明机关名称、年度和“政府信息公开工作年度报告”的标题

检查内容 / What it checks:
    报告有标题，且标题写明机关名称、报告年度和“政府信息公开工作年度报告”。没有标题，或标题缺年度、
    缺“政府信息公开”字样、缺机关名称（标题和抽取到的发布机关都没有）时报告警告。
    标题写法不同于通常写法（如“……年度政府信息公开工作报告”“……政府信息公开工作的年度报告”
    “……信息公开年度报告”）时只给提示（info）：格式未规定标题，但这些写法不便检索和汇总。
    机关名称单独占一行、标题另起一行（常见排版）不算缺机关名称。
为什么 / Why it matters:
    《政府信息公开条例》第四十九条要求各机关公布本机关上一年度的年度报告；上级主管部门按
    “<机关名称><年度>政府信息公开工作年度报告”集中公布于门户网站“政府信息公开”专栏
    （国办公开办函〔2021〕30号）。没有标题或标题不全的报告难以识别是哪个机关哪一年的报告。
选项 / Options:
    无。
不通过的例子 / Failing example:
    一、总体情况                            ← 没有标题
    2021年，本局……
通过的例子 / Passing example:
    某市卫生健康局2021年政府信息公开工作年度报告
    一、总体情况
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List

from giklint import lazy_re
from giklint.rule import Context, Finding, Rule
from giklint.texttools import document_start, squeeze, title_year

OFFICIAL_PHRASE = "政府信息公开工作年度报告"
# Recognisable but non-standard wordings of the phrase (docs/domain.md, conventions).
_VARIANT_PHRASE = lazy_re.compile(r"(?:政府|政务)?信息公开(?:工作)?的?(?:年度)?(?:工作)?的?(?:年度)?报告")
_YEAR = lazy_re.compile(r"(?:19|20)\d{2}年度?")


class TitleMissing(Rule):
    code = "GK104"
    slug = "title-missing"
    severity = "warning"
    summary = "标题缺失或未写明机关名称、年度和“政府信息公开工作年度报告”"
    options: Dict[str, Any] = {}

    def check(self, ctx: Context) -> Iterable[Finding]:
        title = ctx.meta.title
        location = document_start(ctx)
        if not isinstance(title, str) or not squeeze(title).strip("#"):
            yield self.finding(ctx, "报告没有标题：应写明机关名称、年度和“政府信息公开工作年度报告”",
                               location=location)
            return
        flat = squeeze(title).lstrip("#")
        lacks: List[str] = []
        if title_year(title) is None:
            lacks.append("报告年度")
        has_phrase = OFFICIAL_PHRASE in flat
        variant = None if has_phrase else _VARIANT_PHRASE.search(flat)
        if not has_phrase and not variant:
            lacks.append("“政府信息公开工作年度报告”")
        residue = _VARIANT_PHRASE.sub("", _YEAR.sub("", flat))
        if not residue and not ctx.meta.agency:
            lacks.append("机关名称")
        if lacks:
            yield self.finding(ctx, f"标题“{title.strip()}”未写明{'、'.join(lacks)}", location=location,
                               context=title.strip())
        elif variant:
            yield self.finding(ctx, f"标题“{title.strip()}”中的“{variant.group(0)}”不是通常写法"
                                    f"“{OFFICIAL_PHRASE}”", location=location, context=title.strip(),
                               severity="info")
