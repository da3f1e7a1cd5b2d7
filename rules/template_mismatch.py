"""template-mismatch (GK305): 表格格式与报告年度不符，或新旧格式混用

检查内容 / What it checks: 表二、表三采用的格式是否与报告年度相符（表四两版相同，不检查）：
- 2021年度及以后的报告用了2019年格式的表格（如表二有“上一年项目数量”“政府集中采购”，表三“（六）其他处理”只有一行）：错误；
- 2019、2020年度的报告用了2021年格式的表格：警告。国办公开办函〔2021〕30号没有写明适用年度，实践中从2021年度报告
  开始使用，2020年度报告在该格式发布（2021年9月）前就应公开，用新格式多半是报告年度写错或表格套错；
- 新表格里夹着一行旧格式（如2021年格式的表三只有一行“（六）其他处理”）：警告；
- 表格有模板之外的列（如“法人或其他组织小计”）：警告。
同类问题合并为一条。2019年格式的表二采购金额写明“元”是正常的。

为什么 / Why it matters: 《政府信息公开条例》第五十条要求按统一格式编写年度报告。国办公开办函〔2021〕30号修订了
〔2019〕60号的格式：表二删去“其他对外管理服务事项”“政府集中采购”和“上一年项目数量/本年增减”，
表三“（六）其他处理”拆为三行。格式不符会导致统计口径不一致，无法汇总。

选项 / Options: `format_2021_from` (默认 2021): 必须采用2021年格式的第一个报告年度。
`report_extra_columns` (默认 true): 是否报告模板之外的列。

不通过的例子 / Failing example:
    2022年政府信息公开工作年度报告
    （六）其他处理	0	0	0	0	0	0	0      （2019年格式的单行）
    第二十条第（九）项	采购项目数量	采购总金额

通过的例子 / Passing example:
    2022年政府信息公开工作年度报告
    1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
    3.其他	0	0	0	0	0	0	0
"""
from __future__ import annotations

from typing import Dict, Iterator, List, Optional

from giklint.rule import Context, Finding, Option, Rule
from giklint.vocabulary import ACTIVE_DISCLOSURE_2019, ACTIVE_DISCLOSURE_2021

from giklint.tabletools import (
    described_rows,
    report_year,
    table_found,
    table_has_values,
    table_location,
    table_template,
    table_values,
)
from giklint.vocabulary import row_name, table_name

CHECKED_TABLES = ("active_disclosure", "applications")
OLD_ONLY_ROWS = {
    "active_disclosure": [row[0] for row in ACTIVE_DISCLOSURE_2019
                          if row[0] not in {new[0] for new in ACTIVE_DISCLOSURE_2021}],
    "applications": ["other"],
}


def own_template(ctx: Context, name: str) -> Optional[str]:
    """The format a table's signature shows (the report's when the table has none of its own)."""
    if not (table_has_values(ctx, name) or table_found(ctx, name)):
        return None
    return table_template(ctx, name)


def old_rows_inside(ctx: Context, name: str) -> List[str]:
    present = set(table_values(ctx, name)) | set(described_rows(ctx, name))
    return [row_name(name, row) for row in OLD_ONLY_ROWS[name] if row in present]


def joined(names: List[str]) -> str:
    return "、".join(table_name(name) for name in names)


class TemplateMismatch(Rule):
    code = "GK305"
    slug = "template-mismatch"
    severity = "error"
    summary = "表格格式与报告年度不符，或新旧格式混用"
    options = {
        "format_2021_from": Option(int, 2021, "自哪一年度起应采用2021年格式", min=2019, max=2100),
        "report_extra_columns": Option(bool, True, "是否报告模板之外的列"),
    }

    def check(self, ctx: Context) -> Iterator[Finding]:
        templates: Dict[str, Optional[str]] = {name: own_template(ctx, name) for name in CHECKED_TABLES}
        year = report_year(ctx)
        first_new = int(ctx.options.get("format_2021_from") or 2021)
        old = [name for name, t in templates.items() if t == "2019"]
        new = [name for name, t in templates.items() if t == "2021"]
        mixed = [name for name, t in templates.items() if t == "mixed"]
        if year is not None and year >= first_new and old:
            yield self.finding(
                ctx, f"{joined(old)}采用2019年格式（国办公开办函〔2019〕60号），{year}年度报告应采用"
                     f"国办公开办函〔2021〕30号格式", location=table_location(ctx, old[0]), context=joined(old))
        if year is not None and 2019 <= year < first_new and new:
            yield self.finding(
                ctx, f"{joined(new)}采用2021年格式（国办公开办函〔2021〕30号），但报告年度为{year}年，"
                     f"该格式自{first_new}年度报告起使用；请核对报告年度或表格",
                location=table_location(ctx, new[0]), context=joined(new), severity=self.lesser_severity(ctx))
        if mixed:
            yield self.mixed_finding(ctx, mixed, year, first_new)
        if ctx.options.get("report_extra_columns", True):
            yield from self.extra_column_findings(ctx)

    @staticmethod
    def lesser_severity(ctx: Context) -> str:
        """Warning for the milder cases, unless the configuration set this rule's severity."""
        return ctx.options.get("severity") or "warning"

    def mixed_finding(self, ctx: Context, mixed: List[str], year: Optional[int], first_new: int) -> Finding:
        rows = [label for name in mixed for label in old_rows_inside(ctx, name)]
        detail = f"（旧格式的行：{'、'.join(f'“{r}”' for r in rows)}）" if rows else ""
        target = "2019年" if year is not None and year < first_new else "2021年"
        message = f"{joined(mixed)}混用了2019年和2021年格式的行{detail}，应统一采用{target}格式"
        return self.finding(ctx, message, location=table_location(ctx, mixed[0]), context=joined(mixed),
                            severity=self.lesser_severity(ctx))

    def extra_column_findings(self, ctx: Context) -> Iterator[Finding]:
        for name in ("active_disclosure", "applications", "review_litigation"):
            table = ctx.table(name)
            extra = [c for c in (table.extra_columns or ()) if c.strip()] if table else []
            if extra:
                yield self.finding(ctx, f"{table_name(name)}有模板之外的列：{'、'.join(f'“{c}”' for c in extra)}",
                                   location=table_location(ctx, name), context=table_name(name),
                                   severity=self.lesser_severity(ctx))
