"""cell-missing (GK303): 表格某行印出的数值少于列数，或有空白格

检查内容 / What it checks: 表二、表三、表四中读到的每一行是否印满了应有的数值。一行印出的数值少于列数（例如PDF中
空格分隔的7列只印出6个数，无法判断缺的是哪一列），或某格为空白、“—”、“/”，都报告一次（按行，不按格），
写明行名、印出个数、应有个数，能确定列时写明哪些列为空。网页存成文本时一行的数字可能连在一起（“693665”），
行的勾稽关系也选不出唯一的拆法时，报告数字连写、无法确定各列（写明印出的数字串和各列名称，如本年增/减的
“+”号把两格连成“97+82179”，可拆成“9、7、82179”“97、8、2179”等）。表四印成一行15个数，整表报告一次。
整张表都没有填数时只报告一次。

为什么 / Why it matters: 国办公开办函〔2021〕30号要求统计数据“准确、完整”，没有发生的事项应填0。空格使读者无法区分
“没有发生”和“漏填”，也使表三、表四的勾稽关系无法核对（勾稽规则只核对数值齐全的行列）。

选项 / Options: `allow_blank_as_zero` (默认 false): 为 true 时，能确定列的空白格（含“—”“/”）视为0，不报告；
印出个数不足而无法确定列的行仍然报告。

不通过的例子 / Failing example:
    （一）予以公开 0 0 0 0 0 0
    （二）部分公开（区分处理的，只计这一情形，不计其他情形）0 0 0 0 0 0 0
    （表三“（一）予以公开”行只印出6个数值，应为7个）

通过的例子 / Passing example:
    （一）予以公开 0 0 0 0 0 0 0
"""
from __future__ import annotations

from dataclasses import field
from typing import Iterator, List, Optional

from giklint.model import UNCERTAIN
from giklint.records import dataclass
from giklint.rule import Context, Finding, Option, Rule
from giklint.tabletools import (
    cell_location,
    cell_text,
    described_rows,
    expected_rows,
    is_blank_mark,
    is_number,
    printed_values,
    quoted,
    row_location,
    row_present,
    row_seen_blank,
    row_values,
    table_has_values,
    table_location,
    value_columns,
)
from giklint.vocabulary import TABLES, column_name, row_name, table_name


@dataclass
class RowGap:
    """A row that prints fewer values than it has columns."""

    row: str
    printed: int
    expected: int
    blank_columns: List[str]  # empty when the values could not be placed in columns
    runs: List[str] = field(default_factory=list)  # digits run together ("693665") with no single reading
    columns: List[str] = field(default_factory=list)  # the columns the runs hold, when the runs are named


def digit_runs(values: List[object], expected: int) -> List[str]:
    """The printed integers, when together they hold digits enough for every column (flattened
    text run the cells together and no identity chose one way to split them)."""
    digits = [str(value) for value in values if isinstance(value, int) and not isinstance(value, bool)]
    # (a row missing one value among many, "12 3 15 4 0 0", is no run: runs are few and long)
    if len(digits) != len(values) or len(values) > expected // 2 or sum(len(d.lstrip("-")) for d in digits) < expected:
        return []
    return digits


def row_gap(ctx: Context, name: str, row: str, allow_blank: bool) -> Optional[RowGap]:
    columns = value_columns(ctx, name, row)
    if not columns:
        return None
    info = ctx.row(name, row)
    if info is not None and info.described and info.placed is False:
        expected = info.expected if isinstance(info.expected, int) else len(columns)
        values = printed_values(ctx, name, row)
        count = len(values)
        if info.runs:  # the extractor kept the glued runs as printed: none of their readings is sure
            return RowGap(row, count, expected, [], list(info.runs), columns)
        return RowGap(row, count, expected, [], digit_runs(values, expected)) if count < expected else None
    cells = row_values(ctx, name, row)
    # (read by OCR, not blank: cell-uncertain reports them)
    blank = [column for column in columns
             if not is_number(cells.get(column)) and is_blank_mark(cell_text(ctx, name, row, column))
             and cell_text(ctx, name, row, column, UNCERTAIN) is None]
    if not blank or allow_blank:
        return None
    return RowGap(row, len(columns) - len(blank), len(columns), blank)


def column_names(name: str, gap: RowGap) -> List[str]:
    return [column_name(name, column, gap.row) for column in gap.blank_columns]


def whole_review_row(ctx: Context) -> Optional[str]:
    """The group under which an unplaced 表四 run of more than one group's values is recorded."""
    for group, info in described_rows(ctx, "review_litigation").items():
        if info.placed is False and isinstance(info.expected, int) and info.expected > 5:
            return group
    return None


class CellMissing(Rule):
    code = "GK303"
    slug = "cell-missing"
    severity = "error"
    summary = "表格某行印出的数值少于列数，或有空白格"
    options = {"allow_blank_as_zero": Option(bool, False, "空白格按0计，不报告")}

    def check(self, ctx: Context) -> Iterator[Finding]:
        allow_blank = bool(ctx.options.get("allow_blank_as_zero", False))
        for name in TABLES:
            if not table_has_values(ctx, name):
                if not allow_blank and any(row_seen_blank(ctx, name, row) for row in described_rows(ctx, name)):
                    yield self.finding(ctx, f"{table_name(name)}各行都没有填写数值",
                                       location=table_location(ctx, name), context=table_name(name))
                continue
            if name == "review_litigation":
                yield from self.check_review_table(ctx, allow_blank)
                continue
            for row in expected_rows(ctx, name):
                gap = row_gap(ctx, name, row, allow_blank) if row_present(ctx, name, row) else None
                if gap:
                    yield self.row_finding(ctx, name, gap)

    def row_finding(self, ctx: Context, name: str, gap: RowGap) -> Finding:
        where = f"{table_name(name)}“{row_name(name, gap.row)}”行"
        if gap.runs:
            columns = f"{quoted([column_name(name, column, gap.row) for column in gap.columns])}列" if gap.columns \
                else "各列"
            message = f"{where}的数字连在一起（{' '.join(gap.runs)}），可拆成{gap.expected}个数值的方式不止一种，" \
                      f"无法确定{columns}的值"
        elif gap.printed == 0:
            message = f"{where}没有填写数值，应为{gap.expected}个"
        else:
            message = f"{where}只印出{gap.printed}个数值，应为{gap.expected}个"
        if gap.blank_columns:
            message += f"（{quoted(column_names(name, gap))}列为空）"
            location = cell_location(ctx, name, gap.row, gap.blank_columns[0])
        else:
            location = row_location(ctx, name, gap.row)
        return self.finding(ctx, message, location=location, context=where)

    def check_review_table(self, ctx: Context, allow_blank: bool) -> Iterator[Finding]:
        """表四 prints as one row of 15 values: one finding for the whole table."""
        name = "review_litigation"
        whole = whole_review_row(ctx)
        if whole:  # the 15 values could not be split into groups: the extractor keeps the run whole
            gap = row_gap(ctx, name, whole, allow_blank)
            if gap:
                message = f"表四只印出{gap.printed}个数值，应为{gap.expected}个"
                yield self.finding(ctx, message, location=row_location(ctx, name, whole), context="表四")
            return
        gaps = [gap for gap in (row_gap(ctx, name, group, allow_blank) for group in expected_rows(ctx, name)) if gap]
        if not gaps:
            return
        if len(gaps) == 1:
            yield self.row_finding(ctx, name, gaps[0])
            return
        groups = expected_rows(ctx, name)
        expected = 5 * len(groups)
        printed = expected - sum(gap.expected - gap.printed for gap in gaps)
        message = f"表四只印出{printed}个数值，应为{expected}个"
        blanks = {tuple(gap.blank_columns) for gap in gaps}
        if len(blanks) == 1 and gaps[0].blank_columns:
            labels = "、".join(row_name(name, gap.row) for gap in gaps)
            message += f"（{labels}的{quoted(column_names(name, gaps[0]))}为空）"
        else:
            message += "（" + "，".join(f"{row_name(name, gap.row)}{gap.printed}/{gap.expected}" for gap in gaps) + "）"
        location = row_location(ctx, name, gaps[0].row) if ctx.has_values(name) else table_location(ctx, name)
        yield self.finding(ctx, message, location=location, context="表四")
