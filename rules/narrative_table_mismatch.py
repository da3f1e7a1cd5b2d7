"""narrative-table-mismatch (GK401): 正文中的数字与它复述的表格数据不符

检查内容 / What it checks: 正文（多在“总体情况”）复述表格合计数时是否与表格一致：本年新收申请件数对表三
“一、本年新收”总计，上年结转、结转下年度、（七）总计及各类办理结果对表三相应行的总计，行政复议件数对表四
“行政复议”总计，行政诉讼件数对表四两类行政诉讼总计之和。“收到申请N件（含上年结转）”一类说法，N等于新收件数
或新收加上年结转都算一致。表格里对应的格子没读到时不核对；句中有“同比”“较上年”等比较说法，或写的是别的年份时
也不核对。

为什么 / Why it matters: 国办公开办函〔2021〕30号要求年度报告数据准确，正文与表格是同一报告中的同一数据，
互相矛盾时读者无从判断哪个正确，也是审核中常见的“数据失准”问题。

选项 / Options: 无。

不通过的例子 / Failing example:
    2021年，我局共新收政府信息公开申请5件……
    一、本年新收政府信息公开申请数量	3	0	0	0	0	1	4

通过的例子 / Passing example:
    2021年，我局共受理政府信息公开申请5件（含上年结转1件）……
    一、本年新收政府信息公开申请数量	3	0	0	0	0	1	4
    二、上年结转政府信息公开申请数量	1	0	0	0	0	0	1
"""
from __future__ import annotations

from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from giklint import lazy_re
from giklint.rule import Context, Finding, Rule
from giklint.vocabulary import OUTCOME_ROWS

from giklint.tabletools import all_numbers, fmt, is_number, report_year, same_amount, snippet

Cell = Tuple[str, str, str]  # table, row, column
APPS = "applications"
REVIEW = "review_litigation"


def _totals(table: str, rows: Sequence[str]) -> List[Cell]:
    return [(table, row, "total") for row in rows]


def _group(prefix: str) -> List[Cell]:
    return _totals(APPS, [row for row in OUTCOME_ROWS if row.startswith(prefix)])


# narrative kind -> (what the text says, which table figure it restates, the cells summed for it)
RESTATED: Dict[str, Tuple[str, str, List[Cell]]] = {
    "new_received": ("本年新收申请", "表三“一、本年新收政府信息公开申请数量”总计", _totals(APPS, ["new_received"])),
    "carried_over": ("上年结转申请", "表三“二、上年结转政府信息公开申请数量”总计", _totals(APPS, ["carried_over"])),
    "carried_forward": ("结转下年度申请", "表三“四、结转下年度继续办理”总计", _totals(APPS, ["carried_forward"])),
    "results_total": ("办理完结申请", "表三“（七）总计”行总计", _totals(APPS, ["results_total"])),
    "disclosed": ("予以公开", "表三“（一）予以公开”总计", _totals(APPS, ["disclosed"])),
    "partially_disclosed": ("部分公开", "表三“（二）部分公开”总计", _totals(APPS, ["partially_disclosed"])),
    "withheld": ("不予公开", "表三“（三）不予公开”各行总计之和", _group("withheld_")),
    "unable": ("无法提供", "表三“（四）无法提供”各行总计之和", _group("unable_")),
    "rejected": ("不予处理", "表三“（五）不予处理”各行总计之和", _group("rejected_")),
    "review": ("行政复议", "表四“行政复议”总计", _totals(REVIEW, ["review"])),
    "litigation": ("行政诉讼", "表四两类行政诉讼总计之和",
                   _totals(REVIEW, ["litigation_direct", "litigation_after_review"])),
    "litigation_direct": ("未经复议直接起诉的行政诉讼", "表四“行政诉讼（未经复议直接起诉）”总计",
                          _totals(REVIEW, ["litigation_direct"])),
    "litigation_after_review": ("复议后起诉的行政诉讼", "表四“行政诉讼（复议后起诉）”总计",
                                _totals(REVIEW, ["litigation_after_review"])),
}
INCLUDING_CARRIED_OVER = "received_incl_carried_over"
COMPARISON = lazy_re.compile(r"同比|较上年|比上年|较去年|比去年|较上一年|比上一年|上年同期")
YEAR = lazy_re.compile(r"(?<!\d)(20\d\d|19\d\d)(?=\s*年)")


def table_sum(ctx: Context, cells: Sequence[Cell]) -> Optional[float]:
    values = [ctx.cell(table, row, column).value for table, row, column in cells]
    return sum(values) if values and all_numbers(values) else None


def about_another_time(ctx: Context, text: str) -> bool:
    """A comparison with last year, or a sentence about another year: not a restatement."""
    year = report_year(ctx)
    other_years = {int(y) for y in YEAR.findall(text)} - ({year} if year else set())
    return bool(COMPARISON.search(text)) or (year is not None and bool(other_years))


class NarrativeTableMismatch(Rule):
    code = "GK401"
    slug = "narrative-table-mismatch"
    severity = "warning"
    summary = "正文中的数字与它复述的表格数据不符"
    options = {}

    def check(self, ctx: Context) -> Iterator[Finding]:
        for item in ctx.report.narrative or ():
            if not is_number(item.value):
                continue
            text = item.text
            if about_another_time(ctx, text):
                continue
            message = self.mismatch(ctx, item.kind, item.value, text)
            if message:
                yield self.finding(ctx, message, at=item, context=snippet(text))

    @staticmethod
    def mismatch(ctx: Context, kind: str, value: float, text: str) -> str:
        """The message when the number contradicts its table figure, else ""."""
        received = table_sum(ctx, RESTATED["new_received"][2])
        with_carried = table_sum(ctx, RESTATED["new_received"][2] + RESTATED["carried_over"][2])
        if kind == INCLUDING_CARRIED_OVER or (kind == "new_received" and "结转" in text):
            accepted = [v for v in (received, with_carried) if v is not None]
            if not accepted or any(same_amount(value, v) for v in accepted):
                return ""
            shown = "、".join(f"{name}{fmt(v)}件" for name, v in (("新收", received), ("连同上年结转", with_carried))
                             if v is not None)
            return f"正文称收到申请{fmt(value)}件，表三{shown}，均不相符"
        if kind not in RESTATED:
            return ""
        said, figure, cells = RESTATED[kind]
        expected = table_sum(ctx, cells)
        if expected is None or same_amount(value, expected):
            return ""
        return f"正文称{said}{fmt(value)}件，{figure}为{fmt(expected)}件"
