"""stock-continuity (GK603): 表二现行有效件数与上年现行有效件数加本年制发、减本年废止不符

检查内容 / What it checks: 有上年报告、且两年都用2021年格式（都印有“现行有效件数”）时，核对表二
第二十条第（一）项的规章和行政规范性文件两行：本年现行有效件数是否等于上年现行有效件数 + 本年制发件数
− 本年废止件数，不等时在消息里写出这笔算式和上年报告中的位置。2019年格式的表二没有“现行有效件数”
（“对外公开总数量”是另一个口径），上年是2019年格式时不核对。四个数有一个没读到时不核对；上年报告
不是本机关上一年度的报告时不核对（由 previous-mismatch 报告）。

为什么 / Why it matters: 《政府信息公开条例》第二十条第（一）项要求主动公开规章和规范性文件，
国办公开办函〔2021〕30号的表二以本年制发、本年废止、现行有效三栏报告它们。现行有效的规章和规范性文件逐年结转，正常情况下今年的存量等于去年的存量加上
今年新制发、减去今年废止的件数。不相符往往是统计口径变化或填报错误；但机关在文件清理、重新统计后
重新确定存量也很常见，所以只作提示，请核实并在报告中说明。

选项 / Options: 无。

不通过的例子 / Failing example:
    上年报告 行政规范性文件	4	2	12
    本年报告 行政规范性文件	3	1	20
    （12 + 3 − 1 = 14，报告为20）

通过的例子 / Passing example:
    上年报告 行政规范性文件	4	2	12
    本年报告 行政规范性文件	3	1	14
"""
from __future__ import annotations

from typing import Iterator

from giklint.pairing import CrossYearRule
from giklint.rule import Context, Finding, Related
from giklint.tabletools import all_numbers, fmt, same_amount
from giklint.vocabulary import row_name

TABLE = "active_disclosure"
STOCK_ROWS = ("regulations", "normative_documents")


class StockContinuity(CrossYearRule):
    code = "GK603"
    slug = "stock-continuity"
    severity = "info"
    summary = "表二现行有效件数不等于上年现行有效件数＋本年制发件数－本年废止件数"
    options = {}

    def compare(self, ctx: Context, last_year: Context) -> Iterator[Finding]:
        for row in STOCK_ROWS:
            in_force = ctx.cell(TABLE, row, "in_force")
            issued, repealed = ctx.cell(TABLE, row, "issued").value, ctx.cell(TABLE, row, "repealed").value
            before = last_year.cell(TABLE, row, "in_force")
            if not all_numbers((in_force.value, issued, repealed, before.value)):
                continue  # a 2019-format year prints no stock (对外公开总数量 is another figure)
            expected = before.value + issued - repealed
            if same_amount(expected, in_force.value):
                continue
            name = row_name(TABLE, row)
            place = Related.at(ctx.previous, before, f"上年报告表二“{name}”现行有效件数", value=before.value,
                               compared=in_force.value)
            yield self.finding(
                ctx, f"表二“{name}”现行有效件数{fmt(in_force.value)}，按上年现行有效{fmt(before.value)}"
                     f"＋本年制发{fmt(issued)}－本年废止{fmt(repealed)}应为{fmt(expected)}（上年：{place.where()}）；"
                     "如系清理后重新统计，请在报告中说明",
                at=in_force, context=f"表二“{name}”现行有效件数", related=[place])
