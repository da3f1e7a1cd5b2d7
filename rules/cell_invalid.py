"""cell-invalid (GK304): 表格中的件数为负数、小数或不是数字

检查内容 / What it checks: 表二、表三、表四每个格子里印的是否是合法的数值：件数必须是非负整数。例外：2019年格式
表二的“本年增/减”可以为负数；表二的收费金额（万元）和政府集中采购总金额可以有小数。
印成文字、“1.5”“-2”之类的格子各报告一次；空白、“—”“/”属于空格，由 cell-missing 报告。

为什么 / Why it matters: 表三、表四统计的是申请和案件的件数，表二统计的是文件和决定的件数（《政府信息公开条例》
第二十条、第五十条；国办公开办函〔2021〕30号格式），只能是0或正整数；出现负数、小数或文字，说明填报或排版有误，
勾稽关系也无法核对。

选项 / Options: 无。

不通过的例子 / Failing example:
    （一）予以公开	1.5	0	0	0	0	0	1.5
    一、本年新收政府信息公开申请数量	若干	0	0	0	0	0	3

通过的例子 / Passing example:
    （一）予以公开	2	0	0	0	0	0	2
    行政许可	711	-565	146        （2019年格式“本年增/减”可以为负）
"""
from __future__ import annotations

import unicodedata
from typing import Iterator, Optional, Set

from giklint.rule import Context, Finding, Rule
from giklint.tabletools import cell_location, fmt, invalid_cells, is_blank_mark, is_number, table_values
from giklint.vocabulary import TABLES, cell_name

# 表二 cells that are amounts (万元 / 元), not counts
AMOUNT_CELLS = {("fees", "amount_10k_yuan"), ("procurement", "amount")}
_EXACT = 2 ** 53  # a count below it is a whole float too (problem_with has nothing to say of it)


def may_be_negative(name: str, row: str, column: str) -> bool:
    return name == "active_disclosure" and column == "change"


def may_be_fractional(name: str, row: str, column: str) -> bool:
    return name == "active_disclosure" and (row, column) in AMOUNT_CELLS


def parse_number(text: str) -> Optional[float]:
    """A number printed as text (full-width digits, thousands separators), or None."""
    cleaned = unicodedata.normalize("NFKC", text).replace(",", "").replace("−", "-").strip()
    try:
        return float(cleaned)
    except ValueError:
        return None


def problem_with(name: str, row: str, column: str, value: float) -> str:
    """Why a numeric cell is wrong, or "" when it is fine."""
    if value < 0 and not may_be_negative(name, row, column):
        return "不能为负数"
    if not float(value).is_integer() and not may_be_fractional(name, row, column):
        return "应为整数"
    return ""


class CellInvalid(Rule):
    code = "GK304"
    slug = "cell-invalid"
    severity = "error"
    summary = "表格中的件数为负数、小数或不是数字"
    options = {}

    def check(self, ctx: Context) -> Iterator[Finding]:
        for name in TABLES:
            reported: Set[str] = set()
            for key, text in sorted(invalid_cells(ctx, name).items()):
                if is_blank_mark(text) or "." not in key:
                    continue
                row, column = key.split(".", 1)
                value = parse_number(text)
                why = "不是数字" if value is None else problem_with(name, row, column, value)
                if why:
                    reported.add(key)
                    yield self.cell_finding(ctx, name, row, column, f"“{text}”", why)
            for row, cells in table_values(ctx, name).items():
                for column, value in cells.items():
                    if value.__class__ is int and 0 <= value < _EXACT:  # (nearly every cell: a count, never wrong)
                        continue
                    if not is_number(value) or (reported and f"{row}.{column}" in reported):
                        continue
                    why = problem_with(name, row, column, value)
                    if why:
                        yield self.cell_finding(ctx, name, row, column, fmt(value), why)

    def cell_finding(self, ctx: Context, name: str, row: str, column: str, shown: str, why: str) -> Finding:
        where = cell_name(name, row, column)
        return self.finding(ctx, f"{where}为{shown}，{why}", location=cell_location(ctx, name, row, column),
                            context=where)
