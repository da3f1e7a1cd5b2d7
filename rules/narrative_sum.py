"""narrative-sum (GK402): 正文“共N……，其中a……、b……”的分项之和与总数不符

检查内容 / What it checks: 正文中“共N件（条），其中a件……、b件……”一类列举，各分项相加是否等于总数N。
分项之和大于总数一定有误；只列一项且小于总数的，视为举例，不报告。

为什么 / Why it matters: 国办公开办函〔2021〕30号要求年度报告数据准确；同一句话里的总数与分项自相矛盾，
会让读者怀疑整份报告的数据，是审核中常见的“数据失准”问题。

选项 / Options: `allow_partial` (默认 false): 为 true 时，“其中”只列举部分分项（分项之和小于总数）不报告，
只报告分项之和大于总数的情况。

不通过的例子 / Failing example:
    全年共公开政务信息148条，其中工作动态11条、通知公告2条、政策文件6条。

通过的例子 / Passing example:
    承办人大代表建议7件，其中主办5件、协办2件。
"""
from __future__ import annotations

from typing import Iterator, List

from giklint.rule import Context, Finding, Option, Rule
from giklint.tabletools import all_numbers, fmt, is_number, same_amount, snippet


def parts_disagree(value: float, parts: List[float], allow_partial: bool) -> bool:
    total = sum(parts)
    if same_amount(total, value):
        return False
    if total > value:
        return True
    return len(parts) >= 2 and not allow_partial


class NarrativeSum(Rule):
    code = "GK402"
    slug = "narrative-sum"
    severity = "warning"
    summary = "正文“共N……，其中a……、b……”的分项之和与总数不符"
    options = {"allow_partial": Option(bool, False, "分项只列出一部分时（分项之和小于总数）不报告")}

    def check(self, ctx: Context) -> Iterator[Finding]:
        allow_partial = bool(ctx.options.get("allow_partial", False))
        for item in ctx.report.narrative or ():
            if item.kind != "sum":
                continue
            value, parts = item.value, list(item.parts or ())
            if not is_number(value) or not parts or not all_numbers(parts):
                continue
            if not parts_disagree(value, parts, allow_partial):
                continue
            text = snippet(item.text)
            addition = "+".join(fmt(p) for p in parts)
            message = f"“{text}”：分项{addition}={fmt(sum(parts))}，与总数{fmt(value)}不符"
            yield self.finding(ctx, message, at=item, context=text)
