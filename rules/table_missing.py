"""table-missing (GK301): 未找到表二、表三或表四，或只有表格标题而读不出任何一行

检查内容 / What it checks: 报告是否含有三张统计表——表二“主动公开政府信息情况”、表三“收到和处理政府信息公开申请情况”、
表四“政府信息公开行政复议、行政诉讼情况”。找到了表格标题但读不出任何一行数值（例如转换时表格被破坏，只剩标题），
同样算作缺表。每张表最多报告一次，位置为表格标题；没有标题时为所在部分的标题；都没有时为文首。
2019年及以前的报告如果整体沿用旧版（2007年条例）格式，不检查。

为什么 / Why it matters: 《政府信息公开条例》第五十条要求年度报告按国务院办公厅政府信息与政务公开办公室
公布的统一格式编写；国办公开办函〔2021〕30号（此前为〔2019〕60号）规定第二、三、四部分以表格报告，
缺表即缺少法定内容。缺表时其他表格规则（勾稽关系等）不再重复报告。

选项 / Options: 无。

不通过的例子 / Failing example:
    三、收到和处理政府信息公开申请情况
    （本列数据的勾稽关系为：第一项加第二项之和，	申请人情况
    四、政府信息公开行政复议、行政诉讼情况
    （表三只剩标题，一行数值也读不出）

通过的例子 / Passing example:
    三、收到和处理政府信息公开申请情况
    一、本年新收政府信息公开申请数量	3	0	0	0	0	1	4
    ……（表三各行齐全）
"""
from __future__ import annotations

from typing import Iterator

from giklint.rule import Context, Finding, Rule
from giklint.tabletools import (
    described_rows,
    report_year,
    row_seen_blank,
    table_found,
    table_has_values,
    table_location,
    table_values,
)
from giklint.vocabulary import TABLES, part_heading, table_full_name, table_name


def tables_not_required(ctx: Context) -> bool:
    """Reports of 2018 and before, or a 2019 report in the old style, had no national tables."""
    year = report_year(ctx)
    return year is not None and (year < 2019 or (year == 2019 and ctx.meta.template == "pre-2019"))


class TableMissing(Rule):
    code = "GK301"
    slug = "table-missing"
    severity = "error"
    summary = "未找到表二、表三或表四，或只有表格标题而读不出任何一行"
    options = {}

    def check(self, ctx: Context) -> Iterator[Finding]:
        if tables_not_required(ctx):
            return
        for name in TABLES:
            message = self.missing_message(ctx, name)
            if message:
                yield self.finding(ctx, message, location=table_location(ctx, name), context=table_name(name))

    @staticmethod
    def missing_message(ctx: Context, name: str) -> str:
        if table_has_values(ctx, name) or any(row_seen_blank(ctx, name, row) for row in described_rows(ctx, name)):
            return ""
        short = table_name(name)
        if described_rows(ctx, name):
            return f"{short}只读到行名，没有可读取的数值"
        if table_found(ctx, name):
            return f"{short}只有标题，没有可读取的行"
        if table_values(ctx, name):  # e.g. a model file whose table holds only nulls
            return f"{short}没有可读取的数值"
        return f"未找到{table_full_name(name)}（应在第{part_heading(name)[0]}部分“{part_heading(name)[2:]}”中）"
