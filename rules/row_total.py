"""row-total (GK312): 表三某行“总计”列不等于六类申请人之和

检查内容 / What it checks: 表三每一行的“总计”列是否等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、
其他六列之和。每个不相等的行报告一次；该行七个数有任何一个没读到时不核对（由 cell-missing 报告）。

为什么 / Why it matters: 国办公开办函〔2021〕30号表三的“总计”列汇总“申请人情况”下的全部申请人类别
（自然人和五类法人或其他组织），格式中没有“小计”列；总计与分项不符说明填报或计算有误。

选项 / Options: 无。

不通过的例子 / Failing example:
    （一）予以公开	2	0	0	0	0	1	4
    （六类申请人合计3，总计列为4）

通过的例子 / Passing example:
    （一）予以公开	2	0	0	0	0	1	3
"""
from __future__ import annotations

from typing import Iterator

from giklint.rule import Context, Finding, Rule
from giklint.tabletools import cell_location, expected_rows, fmt, row_values, sum_breaks, table_values
from giklint.vocabulary import APPLICANT_COLUMNS, row_name

TABLE = "applications"


class RowTotal(Rule):
    code = "GK312"
    slug = "row-total"
    severity = "error"
    summary = "表三某行“总计”列不等于六类申请人之和"
    options = {}

    def check(self, ctx: Context) -> Iterator[Finding]:
        rows = expected_rows(ctx, TABLE)
        rows += [row for row in table_values(ctx, TABLE) if row not in rows]
        for row in rows:
            cells = row_values(ctx, TABLE, row)
            parts = [cells.get(column) for column in APPLICANT_COLUMNS]
            total = cells.get("total")
            if not sum_breaks(parts, total):
                continue
            where = f"表三“{row_name(TABLE, row)}”行"
            yield self.finding(ctx, f"{where}：六类申请人合计={fmt(sum(parts))}，“总计”列={fmt(total)}",
                               location=cell_location(ctx, TABLE, row, "total"), context=where)
