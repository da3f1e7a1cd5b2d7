"""period-missing (GK201), period-invalid (GK202): 没有写明统计期限，或统计期限写法错误

检查内容 / What it checks:
    period-missing: 报告写明数据的统计期限（如“本报告所列数据统计期限自2021年1月1日起至2021年12月31日止”）。
    没有这样的说明时给警告；省级配置可把选项 `required` 设为 false（如广东的报告通常不写），此时不报告。
    period-invalid: 统计期限能读成两个真实日期，即报告年度的1月1日至12月31日（报告年度取抽取到的
    年度，通常是标题的年度）。日期缺“年”“月”字（如“20211月1日”）、日期不存在、起期或止期不对
    （如止期跨到下一年、统计的是上一年度）都会报告，消息引用原文并说明哪里不对。
    统计期限的问题都由本规则报告，year-mismatch 不比较统计期限，以免重复。
为什么 / Why it matters:
    国办公开办函〔2021〕30号规定年度报告反映报告年度的工作，表二数据截至报告年度12月31日；
    统计期限写错或写乱，读者无法判断数据的时间范围，也是上级审核中常见的“内容不准确”问题。
    统计期限的说明本身不是格式的强制要求，而是普遍做法，所以缺少时只给警告。
选项 / Options:
    period-missing: `required` (default true): 为 false 时不检查是否写明统计期限。
    period-invalid: 无。
不通过的例子 / Failing example:
    本报告中数据的统计期限自20211月1日起至202212月31日止。
通过的例子 / Passing example:
    本报告中数据的统计期限自2021年1月1日起至2021年12月31日止。
"""
from __future__ import annotations

from typing import Any, Dict, Iterable

from giklint.model import Location, Period
from giklint.rule import Context, Finding, Option, Rule
from giklint.texttools import document_start, read_period, report_year, title_year


def _period(ctx: Context) -> Period:
    return ctx.meta.period or Period()


def _period_location(ctx: Context) -> Location:
    return _period(ctx).location or ctx.location("meta.period") or document_start(ctx)


class PeriodMissing(Rule):
    code = "GK201"
    slug = "period-missing"
    severity = "warning"
    summary = "没有写明数据的统计期限"
    options = {"required": Option(bool, True, "是否要求写明统计期限")}

    def check(self, ctx: Context) -> Iterable[Finding]:
        if not ctx.options.get("required", True):
            return
        period = _period(ctx)
        if period.raw or period.start or period.end:
            return
        year = report_year(ctx) or "报告年度"
        yield self.finding(ctx, f"报告没有写明数据的统计期限（通常写作“本报告所列数据统计期限自{year}年1月1日起"
                                f"至{year}年12月31日止”）", location=document_start(ctx))


class PeriodInvalid(Rule):
    code = "GK202"
    slug = "period-invalid"
    severity = "error"
    summary = "统计期限写法错误，或不是报告年度的1月1日至12月31日"
    options: Dict[str, Any] = {}

    def check(self, ctx: Context) -> Iterable[Finding]:
        reading = read_period(_period(ctx), report_year(ctx) or title_year(ctx.meta.title))
        if reading is None or not reading.problems:
            return
        raw = " ".join(reading.raw.split())
        yield self.finding(ctx, f"统计期限“{raw}”" + "，且".join(reading.problems),
                           location=_period_location(ctx), context=raw)
