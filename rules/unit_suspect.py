"""unit-suspect (GK315): 表二金额大得异常，疑似把“元”当作“万元”填写

检查内容 / What it checks: 2021年格式表二“行政事业性收费”的“本年收费金额（单位：万元）”是否大得异常（默认
不小于100000万元，即10亿元），这通常是按“元”填写的金额。2019年格式的“政府集中采购”总金额，表格写明单位为
“万元”且同样大得异常时也提示；写明“元”或未写单位的不提示（2019年格式没有规定单位）。只作提示，不算错误。

为什么 / Why it matters: 国办公开办函〔2021〕30号表二第二十条第（八）项规定收费金额以“万元”为单位；
按“元”填写会把金额放大一万倍，汇总统计时严重失真。

选项 / Options: `max_amount_10k_yuan` (默认 100000): 不小于这个数（万元）的金额视为可疑；
汇总报告或收费较多的机关可以调高。

不通过的例子 / Failing example:
    第二十条第（八）项
    信息内容	本年收费金额（单位：万元）
    行政事业性收费	3562000

通过的例子 / Passing example:
    行政事业性收费	356.2
    政府集中采购	6	61433668        （表头写明“采购总金额(元)”）
"""
from __future__ import annotations

from typing import Iterator

from giklint.rule import Context, Finding, Option, Rule
from giklint.tabletools import cell_location, fmt, is_number, row_values

TABLE = "active_disclosure"


def in_100m_yuan(amount_10k_yuan: float) -> str:
    return fmt(round(amount_10k_yuan / 10000, 2))


class UnitSuspect(Rule):
    code = "GK315"
    slug = "unit-suspect"
    severity = "info"
    summary = "表二金额大得异常，疑似把“元”当作“万元”填写"
    options = {"max_amount_10k_yuan": Option(float, 100000, "金额（万元）达到此数即视为异常", min=0)}

    def check(self, ctx: Context) -> Iterator[Finding]:
        limit = ctx.options.get("max_amount_10k_yuan", 100000)
        if not is_number(limit):
            return
        fee = row_values(ctx, TABLE, "fees").get("amount_10k_yuan")
        if is_number(fee) and fee >= limit:
            yield self.amount_finding(ctx, "fees", "amount_10k_yuan", "行政事业性收费”本年收费金额", fee)
        procurement = row_values(ctx, TABLE, "procurement")
        amount = procurement.get("amount")
        if procurement.get("amount_unit") == "万元" and is_number(amount) and amount >= limit:
            yield self.amount_finding(ctx, "procurement", "amount", "政府集中采购”采购总金额", amount)

    def amount_finding(self, ctx: Context, row: str, column: str, what: str, amount: float) -> Finding:
        message = (f"表二“{what}为{fmt(amount)}万元（即{in_100m_yuan(amount)}亿元），数额异常，"
                   f"疑似按“元”填写；单位应为万元")
        return self.finding(ctx, message, location=cell_location(ctx, TABLE, row, column),
                            context=f"表二“{what.split('”')[0]}”行")
