"""table-incomplete (GK302): 表二或表三缺少模板规定的行

检查内容 / What it checks: 已经找到的表二、表三是否含有其格式（2019年或2021年）规定的每一行。行名和数值都读不到的行
算作缺行；行名在而数值空着的行由 cell-missing 报告。每张表报告一次，列出缺少的行。表三的“（六）其他处理”
按2021年格式是三行，按2019年格式是一行，两种都认。表四只有一行（15个数值），缺少的数值由 cell-missing 报告；
整张表读不出时由 table-missing 报告。

为什么 / Why it matters: 国办公开办函〔2021〕30号（此前为〔2019〕60号）的表格模板逐行规定了统计项目，删行会遗漏法定
统计口径，也使勾稽关系无法核对；格式要求“数据准确、要素齐备”，内容“不能遗漏”。

选项 / Options: 无。

不通过的例子 / Failing example:
    （一）予以公开	1	0	0	0	0	0	1
    （二）部分公开（区分处理的，只计这一情形，不计其他情形）	0	0	0	0	0	0	0
    （七）总计	1	0	0	0	0	0	1
    （“（三）不予公开”至“（六）其他处理”各行整段缺失）

通过的例子 / Passing example:
    表三25行（2021年格式）或23行（2019年格式）齐全，没有数值的格子填0。
"""
from __future__ import annotations

from typing import Iterator, List

from giklint.rule import Context, Finding, Rule
from giklint.tabletools import compact_list, expected_rows, row_present, table_has_values, table_location
from giklint.vocabulary import row_name, table_name

CHECKED_TABLES = ("active_disclosure", "applications")


def missing_rows(ctx: Context, name: str) -> List[str]:
    return [row for row in expected_rows(ctx, name) if not row_present(ctx, name, row)]


class TableIncomplete(Rule):
    code = "GK302"
    slug = "table-incomplete"
    severity = "error"
    summary = "表二或表三缺少模板规定的行"
    options = {}

    def check(self, ctx: Context) -> Iterator[Finding]:
        for name in CHECKED_TABLES:
            if not table_has_values(ctx, name):
                continue  # table-missing (or cell-missing for an unfilled table) says it
            missing = missing_rows(ctx, name)
            if not missing:
                continue
            labels = [f"“{row_name(name, row)}”" for row in missing]
            total = len(expected_rows(ctx, name))
            message = f"{table_name(name)}缺少{len(missing)}行（共{total}行）：{compact_list(labels)}"
            yield self.finding(ctx, message, location=table_location(ctx, name), context=table_name(name))
