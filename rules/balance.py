"""balance (GK311): 表三某列“一+二”不等于“（七）总计+四”

检查内容 / What it checks: 表三的法定勾稽关系——每一列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、
其他、总计）都应满足：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。逐列核对，
每个不平衡的列报告一次；该列四个数有任何一个没读到时不核对（由 cell-missing 报告）。

为什么 / Why it matters: 国办公开办函〔2021〕30号（及〔2019〕60号）表三左上角注明
“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。“本列”指每一列，不只是总计列。
不平衡通常意味着重复计数（一件申请计入两种办理结果）或漏计。

选项 / Options: 无。

不通过的例子 / Failing example:
    一、本年新收政府信息公开申请数量	3	0	2	0	0	0	5
    二、上年结转政府信息公开申请数量	0	0	0	0	0	0	0
    （七）总计	3	0	1	0	0	0	4
    四、结转下年度继续办理	0	0	0	0	0	0	0
    （科研机构列：一+二=2，（七）总计+四=1）

通过的例子 / Passing example:
    一、本年新收政府信息公开申请数量	71	3	0	0	0	0	74
    二、上年结转政府信息公开申请数量	1	0	0	0	0	0	1
    （七）总计	72	3	0	0	0	0	75
    四、结转下年度继续办理	0	0	0	0	0	0	0
"""
from __future__ import annotations

from typing import Iterator

from giklint.rule import Context, Finding, Rule
from giklint.vocabulary import APPLICATION_COLUMNS

from giklint.tabletools import all_numbers, cell_location, fmt, same_amount
from giklint.vocabulary import column_name

TABLE = "applications"


class Balance(Rule):
    code = "GK311"
    slug = "balance"
    severity = "error"
    summary = "表三某列“一+二”不等于“（七）总计+四”"
    options = {}

    def check(self, ctx: Context) -> Iterator[Finding]:
        for column, _ in APPLICATION_COLUMNS:
            received, carried_over, results, carried_forward = (
                ctx.cell(TABLE, row, column).value
                for row in ("new_received", "carried_over", "results_total", "carried_forward"))
            if not all_numbers((received, carried_over, results, carried_forward)):
                continue
            incoming, outgoing = received + carried_over, results + carried_forward
            if same_amount(incoming, outgoing):
                continue
            where = f"表三“{column_name(TABLE, column)}”列"
            yield self.finding(ctx, f"{where}：一+二={fmt(incoming)}，（七）总计+四={fmt(outgoing)}",
                               location=cell_location(ctx, TABLE, "results_total", column), context=where)
