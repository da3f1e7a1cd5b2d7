"""overview-length (GK502): 2021年格式：第一部分“总体情况”超过约1000字

检查内容 / What it checks:
    2021年及以后年度的报告，第一部分“总体情况”的字数（汉字、字母和数字，不计空白和标点）
    超过选项 `max_chars`（默认1000）时给提示（info）。
为什么 / Why it matters:
    国办公开办函〔2021〕30号格式对第一部分的要求是：重点突出、简明扼要、客观准确，
    “原则上不超过1000字”。篇幅过长往往是把工作总结整段搬进了年报。2019年格式没有字数要求，不检查。
选项 / Options:
    `max_chars` (default 1000): 字数上限。
不通过的例子 / Failing example:
    一、总体情况
    （一千二百字的工作总结……）
通过的例子 / Passing example:
    一、总体情况
    （八百字以内，分主动公开、依申请公开、政府信息管理、平台建设、监督保障五方面简述）
"""
from __future__ import annotations

from typing import Iterable

from giklint import lazy_re
from giklint.rule import Context, Finding, Option, Rule
from giklint.texttools import part_text, uses_2021_format
from giklint.vocabulary import part_name

_COUNTED = lazy_re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def character_count(text: str) -> int:
    """Characters that count as 字: CJK ideographs, letters and digits (full- or half-width)."""
    return len(_COUNTED.findall(text))


class OverviewLength(Rule):
    code = "GK502"
    slug = "overview-length"
    severity = "info"
    summary = "2021年格式：第一部分“总体情况”超过约1000字"
    options = {"max_chars": Option(int, 1000, "第一部分的字数上限", min=1)}

    def check(self, ctx: Context) -> Iterable[Finding]:
        part_one = ctx.part(1)
        if not part_one or not uses_2021_format(ctx):
            return
        try:
            limit = int(ctx.options.get("max_chars") or 1000)
        except (TypeError, ValueError):
            limit = 1000
        count = character_count(part_text(part_one))
        if count > limit:
            yield self.finding(ctx, f"{part_name(1)}共{count}字，超过{limit}字（2021年格式要求原则上不超过1000字）",
                               at=part_one, context=part_one.heading)
