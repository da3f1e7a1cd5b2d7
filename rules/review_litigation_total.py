"""review-litigation-total (GK314): 表四某组“总计”不等于维持+纠正+其他+尚未审结

检查内容 / What it checks: 表四的三组——行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉）——
每组的“总计”是否等于结果维持、结果纠正、其他结果、尚未审结四项之和。每个不相等的组报告一次；
该组五个数有任何一个没读到时不核对。不核对“复议后起诉”与“行政复议”之间的关系（复议可能在别的年度作出）。

为什么 / Why it matters: 国办公开办函〔2021〕30号（及〔2019〕60号）表四按“结果维持、结果纠正、其他结果、尚未审结、
总计”分列，总计即四种结果之和；不相等说明漏填或计算错误。

选项 / Options: 无。

不通过的例子 / Failing example:
    行政复议：结果维持1 结果纠正1 其他结果0 尚未审结0 总计3

通过的例子 / Passing example:
    行政复议：结果维持1 结果纠正1 其他结果0 尚未审结0 总计2
"""
from __future__ import annotations

from typing import Iterator

from giklint.rule import Context, Finding, Rule
from giklint.vocabulary import REVIEW_GROUPS

from giklint.tabletools import cell_location, fmt, row_values, sum_breaks

TABLE = "review_litigation"
PARTS = ("upheld", "corrected", "other", "pending")


class ReviewLitigationTotal(Rule):
    code = "GK314"
    slug = "review-litigation-total"
    severity = "error"
    summary = "表四某组“总计”不等于维持+纠正+其他+尚未审结"
    options = {}

    def check(self, ctx: Context) -> Iterator[Finding]:
        for group, label in REVIEW_GROUPS:
            cells = row_values(ctx, TABLE, group)
            parts = [cells.get(column) for column in PARTS]
            total = cells.get("total")
            if not sum_breaks(parts, total):
                continue
            where = f"表四“{label}”"
            yield self.finding(
                ctx, f"{where}：总计={fmt(total)}，结果维持+结果纠正+其他结果+尚未审结={fmt(sum(parts))}",
                location=cell_location(ctx, TABLE, group, "total"), context=where)
