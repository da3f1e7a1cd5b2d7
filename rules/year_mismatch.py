"""year-mismatch (GK203): 标题年度与正文中的报告年度、落款或发布日期不一致

检查内容 / What it checks:
    标题写的年度（如“2021年政府信息公开工作年度报告”）与以下各处一致：
    抽取到的报告年度；报告开头（第一部分之前）称呼本报告时写的年度（如“现公布本局2020年政府信息公开
    工作年度报告”）；落款日期和发布日期不早于报告年度的12月1日（2021年度报告落款“2021年1月20日”，
    多半是沿用了上一年的落款）。没有标题时以抽取到的报告年度为准。
    统计期限与报告年度不一致由 period-invalid 报告，本规则不比较统计期限，以免重复；
    正文提到往年、来年（如“2020年问题整改情况”“2022年工作计划”）和上级通知的名称是正常的，不作比较。
为什么 / Why it matters:
    《政府信息公开条例》第四十九条、第五十条要求报告反映上一年度的情况；年度前后不一，
    常见于照抄上一年报告只改了部分年份，读者无法确定数据属于哪一年，属于格式所说“内容不准确”的情形
    （国办公开办函〔2021〕30号）。
选项 / Options:
    无。
不通过的例子 / Failing example:
    某市卫生健康局2021年政府信息公开工作年度报告
    根据《条例》要求，现公布某市卫生健康局2020年政府信息公开工作年度报告。
    ……
    2021年1月20日
通过的例子 / Passing example:
    某市卫生健康局2021年政府信息公开工作年度报告
    根据《条例》要求，现公布某市卫生健康局2021年政府信息公开工作年度报告。
    ……
    2022年1月20日
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, Optional

from giklint import dates, lazy_re
from giklint.model import Signature
from giklint.rule import Context, Finding, Rule
from giklint.texttools import chinese_date, document_start, normalize, parse_iso, report_year, shifted, title_year

# The report naming itself: "…2020年（度）政府信息公开（工作）年度报告", not inside a notice's name.
_SELF_NAMED = lazy_re.compile(r"((?:19|20)\d{2})\s*年度?\s*政府信息公开(?:工作)?(?:年度)?报告(?![^。；;]{0,30}通知)")


class YearMismatch(Rule):
    code = "GK203"
    slug = "year-mismatch"
    severity = "error"
    summary = "标题年度与正文中的报告年度、落款或发布日期不一致"
    options: Dict[str, Any] = {}

    def check(self, ctx: Context) -> Iterable[Finding]:
        in_title = title_year(ctx.meta.title)
        extracted = report_year(ctx)
        year = in_title or extracted
        if year is None:
            return
        if in_title and extracted and extracted != in_title:
            yield self.finding(ctx, f"标题写的报告年度是{in_title}年，正文写的是{extracted}年",
                               location=document_start(ctx), context=ctx.meta.title)
        else:
            yield from self._preamble_years(ctx, year, "标题" if in_title else "正文")
        yield from self._early_dates(ctx, year)

    def _preamble_years(self, ctx: Context, year: int, source: str) -> Iterable[Finding]:
        """The opening paragraphs naming the report with another year (once: the first such place)."""
        for item in ctx.report.preamble or ():
            text = item.text
            for found in _SELF_NAMED.finditer(normalize(text)):
                if int(found.group(1)) != year:
                    yield self.finding(ctx, f"{source}写的报告年度是{year}年，报告开头却称“{found.group(0)}”",
                                       at=shifted(item.location, found.start()),
                                       context=text.strip()[:80])
                    return

    def _early_dates(self, ctx: Context, year: int) -> Iterable[Finding]:
        """A 落款 or publication date before December of the report year belongs to another year's report."""
        signature = ctx.meta.signature or Signature()
        candidates = (
            ("落款日期", parse_iso(signature.date), signature.location or ctx.location("meta.signature")),
            ("发布日期", parse_iso(ctx.meta.published), ctx.location("meta.published")),
        )
        for label, date, location in candidates:
            if self._too_early(date, year):
                yield self.finding(ctx, f"{label}{chinese_date(date)}早于{year}年度结束，与报告年度{year}年不符"
                                        f"（年度报告应在{year + 1}年初发布）", at=location)

    @staticmethod
    def _too_early(date: Optional[dates.date], year: int) -> bool:
        return date is not None and date < dates.date(year, 12, 1)
