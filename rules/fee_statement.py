"""fee-statement-missing (GK501): 第六部分没有说明信息处理费收取情况

检查内容 / What it checks:
    2021年及以后年度的报告（国办公开办函〔2021〕30号格式），第六部分“其他需要报告的事项”要说明
    收取信息处理费的情况。写了收取情况或否定的说明（“未收取信息处理费”“不收取”
    “无收取信息处理费情况”“未发生收费”）都算说明；只写“无。”或“本年度无其他需要报告的事项”不算。
    说明写在了别的部分时只给提示（info），指出应写在第六部分。
    没有第六部分时由 section-missing 报告，本规则不检查。
    省级配置要求第六部分另外报告的事项（如四川）由 part-six-topic-missing 检查。
为什么 / Why it matters:
    国办公开办函〔2021〕30号格式模板第六部分写明：“（文字描述，收取信息处理费情况在此处报告。）”；
    格式正文要求按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况
    在此报告。河南等省另有通知强调把信息处理费情况写入年报。
选项 / Options:
    无（只有 severity）。
不通过的例子 / Failing example:
    六、其他需要报告的事项
    无。
通过的例子 / Passing example:
    六、其他需要报告的事项
    本年度未收取信息处理费。
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable

from giklint import lazy_re
from giklint.rule import Context, Finding, Rule
from giklint.texttools import part_text, squeeze, uses_2021_format
from giklint.vocabulary import part_name

# A statement about fees, positive or negative: 信息处理费 / 处理费, 未收取…费, 不收费, 收费情况
FEE_STATEMENT = lazy_re.compile(r"处理费|(?:未|不|没有|无)(?:发生)?(?:收取|收费)|收取.{0,15}费|收费情况")
# Outside part six only the fee's own name counts: parts one and two speak of 行政事业性收费 as a matter of course.
FEE_NAME = lazy_re.compile(r"处理费")


def _mentions_fees(text: str, pattern: re.Pattern = FEE_STATEMENT) -> bool:
    return bool(pattern.search(squeeze(text)))


class FeeStatementMissing(Rule):
    code = "GK501"
    slug = "fee-statement-missing"
    severity = "warning"
    summary = "2021年格式：第六部分未说明信息处理费收取情况"
    options: Dict[str, Any] = {}

    def check(self, ctx: Context) -> Iterable[Finding]:
        part_six = ctx.part(6)
        if not part_six:
            return
        text = part_text(part_six)
        location = part_six.location
        heading = part_six.heading
        if uses_2021_format(ctx) and not _mentions_fees(text):
            elsewhere = [part.number for part in ctx.parts
                         if part.number != 6 and _mentions_fees(part_text(part), FEE_NAME)]
            if elsewhere:
                yield self.finding(ctx, f"信息处理费收取情况写在了{part_name(elsewhere[0])}，"
                                        f"2021年格式要求在{part_name(6)}中报告", location=location,
                                   context=heading, severity="info")
            else:
                yield self.finding(ctx, f"{part_name(6)}未说明信息处理费收取情况（没有收取也应写明“未收取信息处理费”）",
                                   location=location, context=heading)
