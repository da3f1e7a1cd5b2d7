"""outcome-total (GK313): 表三某列“（七）总计”不等于各项办理结果之和

检查内容 / What it checks: 表三每一列的“（七）总计”是否等于“三、本年度办理结果”下各数据行之和：（一）予以公开、
（二）部分公开、（三）不予公开1–8、（四）无法提供1–3、（五）不予处理1–5、（六）其他处理（2021年格式为1–3三行，
2019年格式为一行，按表格实际采用的格式取其一，不会重复相加）。（三）至（六）没有小计行。
每个不相等的列报告一次；该列所需的数有任何一个没读到时不核对。

为什么 / Why it matters: 国办公开办函〔2021〕30号规定每件申请只计入一种办理结果（“区分处理的，只计这一情形，
不计其他情形”），因此（七）总计必须等于各结果之和；不相等说明漏计、重复计或把小计当作数据行。

选项 / Options: 无。

不通过的例子 / Failing example:
    （一）予以公开	2	…	2
    （二）部分公开（区分处理的，只计这一情形，不计其他情形）	1	…	1
    （其余结果行均为0）
    （七）总计	4	…	4
    （自然人列：（七）总计=4，各项办理结果之和=3）

通过的例子 / Passing example:
    （一）予以公开	2	…	2
    （二）部分公开（区分处理的，只计这一情形，不计其他情形）	1	…	1
    （七）总计	3	…	3
"""
from __future__ import annotations

from typing import Iterator, List

from giklint.rule import Context, Finding, Rule
from giklint.vocabulary import APPLICATION_COLUMNS

from giklint.tabletools import cell_location, expected_rows, fmt, sum_breaks
from giklint.vocabulary import column_name

TABLE = "applications"


def outcome_rows(ctx: Context) -> List[str]:
    """The data rows under 三、本年度办理结果 except （七）总计, in this table's format."""
    rows = expected_rows(ctx, TABLE)
    first, last = rows.index("disclosed"), rows.index("results_total")
    return rows[first:last]


class OutcomeTotal(Rule):
    code = "GK313"
    slug = "outcome-total"
    severity = "error"
    summary = "表三某列“（七）总计”不等于各项办理结果之和"
    options = {}

    def check(self, ctx: Context) -> Iterator[Finding]:
        rows = outcome_rows(ctx)
        for column, _ in APPLICATION_COLUMNS:
            parts = [ctx.cell(TABLE, row, column).value for row in rows]
            total = ctx.cell(TABLE, "results_total", column).value
            if not sum_breaks(parts, total):
                continue
            where = f"表三“{column_name(TABLE, column)}”列"
            yield self.finding(ctx, f"{where}：（七）总计={fmt(total)}，各项办理结果之和={fmt(sum(parts))}",
                               location=cell_location(ctx, TABLE, "results_total", column), context=where)
