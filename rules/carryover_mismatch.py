"""carryover-mismatch (GK602): 表三“二、上年结转”与上年报告“四、结转下年度继续办理”不一致

检查内容 / What it checks: 有上年报告时（检查文件夹时自动配对同一机关的上一年度报告，或用 ``--previous``
指定），逐列核对本年表三“二、上年结转政府信息公开申请数量”是否等于上年表三“四、结转下年度继续办理”：
自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他和总计七列，每个不相等的列报告一次，
写明本年和上年的数字和上年报告中的位置。上年报告用2019年格式（2020年度及以前）时同样核对：两种格式
的表三都有这两行和这七列。两个数有一个没读到时不核对；上年报告不是本机关上一年度的报告时不核对
（由 previous-mismatch 报告）。

为什么 / Why it matters: 上年结转到本年继续办理的申请，就是上年报告里“结转下年度继续办理”的申请
（《政府信息公开条例》第三十三条的答复期限跨年时产生结转）。两者不一致，说明有一年的数据统计有误，
或者结转的申请在统计中丢失或重复；审核人员逐年对照报告时最常发现的就是这类问题。机关有时会重新分类
申请人，所以是警告而不是错误。

选项 / Options: 无。

不通过的例子 / Failing example:
    上年报告 四、结转下年度继续办理	2	1	0	0	0	0	3
    本年报告 二、上年结转政府信息公开申请数量	2	0	0	0	0	0	2
    （商业企业列：本年上年结转0件，上年结转下年度1件；总计列：2件与3件）

通过的例子 / Passing example:
    上年报告 四、结转下年度继续办理	2	1	0	0	0	0	3
    本年报告 二、上年结转政府信息公开申请数量	2	1	0	0	0	0	3
"""
from __future__ import annotations

from typing import Iterator

from giklint.pairing import CrossYearRule
from giklint.rule import Context, Finding, Related
from giklint.tabletools import fmt, is_number, same_amount
from giklint.vocabulary import APPLICATION_COLUMNS, cell_name, column_name

TABLE = "applications"


class CarryoverMismatch(CrossYearRule):
    code = "GK602"
    slug = "carryover-mismatch"
    severity = "warning"
    summary = "表三“二、上年结转”与上年报告“四、结转下年度继续办理”不一致"
    options = {}

    def compare(self, ctx: Context, last_year: Context) -> Iterator[Finding]:
        for column, _ in APPLICATION_COLUMNS:
            carried_over = ctx.cell(TABLE, "carried_over", column)
            carried_forward = last_year.cell(TABLE, "carried_forward", column)
            if not (is_number(carried_over.value) and is_number(carried_forward.value)):
                continue
            if same_amount(carried_over.value, carried_forward.value):
                continue
            place = Related.at(ctx.previous, carried_forward, f"上年报告{cell_name(TABLE, 'carried_forward', column)}",
                               value=carried_forward.value, compared=carried_over.value)
            where = f"表三“{column_name(TABLE, column)}”列"
            yield self.finding(
                ctx, f"{where}：本年“二、上年结转”{fmt(carried_over.value)}件，上年报告“四、结转下年度继续办理”"
                     f"{fmt(carried_forward.value)}件（{place.where()}）",
                at=carried_over, context=f"{where} 上年结转", related=[place])
