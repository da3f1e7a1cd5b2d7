"""part-six-topic-missing (GK504): 第六部分没有报告省级要求的事项

检查内容 / What it checks:
    有的省要求年报第六部分“其他需要报告的事项”另外报告一些事项，例如四川省（川府公开办函〔2018〕1号，
    转述川办发〔2014〕96号）要求报告“落实年度政务公开工作要点情况”和“人大代表建议和政协提案办理
    结果公开情况”。选项 `topics` 列出这些事项，每项有名称、关键词和级别；第六部分一个关键词都没出现
    时报告该项。全国通用配置不要求任何事项（`topics` 为空），本规则只在省级配置或本地配置列出事项时
    才有发现。没有第六部分时由 section-missing 报告，本规则不检查。
    信息处理费的收取情况（全国要求）由 fee-statement-missing 检查。
为什么 / Why it matters:
    省级通知要求的内容漏报，上级汇总和考核时会被指出；逐项说明（哪怕写“本年度无此类情况”）即可。
选项 / Options:
    `topics` (default []): 列表，每项 {label = "名称", keywords = ["关键词", …], severity = "info"}；
    severity 不写时用本规则的级别（warning）。四川省配置（province = "sichuan"）的两项为提示（info），
    因为该通知早于2019年、2021年的格式。
不通过的例子 / Failing example:
    （province = "sichuan"）
    六、其他需要报告的事项
    本年度未收取信息处理费。
通过的例子 / Passing example:
    （province = "sichuan"）
    六、其他需要报告的事项
    本年度未收取信息处理费。本局认真落实年度政务公开工作要点；办理人大代表建议5件、政协提案3件，
    办理结果均已公开。
"""
from __future__ import annotations

from typing import Any, Iterable, List

from giklint.rule import SEVERITIES, Context, Finding, Rule
from giklint_rules._text_helpers import part_name, part_text, squeeze


class PartSixTopicMissing(Rule):
    code = "GK504"
    slug = "part-six-topic-missing"
    severity = "warning"
    summary = "第六部分未报告省级配置要求的事项（如四川：政务公开工作要点、建议提案办理结果公开）"
    options = {"topics": []}

    def check(self, ctx: Context) -> Iterable[Finding]:
        part_six = ctx.section(6)
        topics = ctx.options.get("topics") or []
        if not part_six or not topics:
            return
        flat = squeeze(part_text(part_six))
        location = dict(part_six.get("location") or {})
        for topic in topics:
            if not isinstance(topic, dict):
                continue
            keywords: List[str] = [squeeze(str(k)) for k in topic.get("keywords") or [] if str(k).strip()]
            label = str(topic.get("label") or (keywords[0] if keywords else ""))
            if not keywords or any(keyword in flat for keyword in keywords):
                continue
            yield self.finding(ctx, f"{part_name(6)}未报告“{label}”", location=location,
                               context=part_six.get("heading"), severity=_severity(topic))


def _severity(topic: Any) -> Any:
    return topic.get("severity") if topic.get("severity") in SEVERITIES else None
