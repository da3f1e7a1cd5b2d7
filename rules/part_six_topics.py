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

from typing import Any, Iterable, List, Optional

from giklint.rule import SEVERITIES, Context, Finding, Option, Rule
from giklint.texttools import part_text, squeeze
from giklint.vocabulary import part_name

TOPIC_KEYS = ("label", "keywords", "severity")


def topics_problem(topics: Any) -> Optional[str]:
    """Why a ``topics`` list is not one of {label, keywords, severity} tables (Chinese), or None."""
    for number, topic in enumerate(topics or [], 1):
        stray = sorted(set(topic) - set(TOPIC_KEYS))
        keywords = topic.get("keywords")
        if stray:
            return f"第{number}项有未知的键 {'、'.join(stray)}"
        if not isinstance(keywords, list) or not keywords or not all(isinstance(k, str) and k.strip() for k in keywords):
            return f"第{number}项的 keywords 应为非空的字符串列表"
        if "label" in topic and not isinstance(topic["label"], str):
            return f"第{number}项的 label 应为字符串"
        if "severity" in topic and topic["severity"] not in SEVERITIES:
            return f"第{number}项的 severity 应为 {'、'.join(SEVERITIES)} 之一"
    return None


class PartSixTopicMissing(Rule):
    code = "GK504"
    slug = "part-six-topic-missing"
    severity = "warning"
    summary = "第六部分未报告省级配置要求的事项（如四川：政务公开工作要点、建议提案办理结果公开）"
    options = {"topics": Option(list, [], "第六部分必须报告的事项：{label, keywords, severity} 的列表", items=dict,
                                check=topics_problem)}

    def check(self, ctx: Context) -> Iterable[Finding]:
        part_six = ctx.part(6)
        topics = ctx.options.get("topics") or []
        if not part_six or not topics:
            return
        flat = squeeze(part_text(part_six))
        for topic in topics:
            if not isinstance(topic, dict):
                continue
            keywords: List[str] = [squeeze(str(k)) for k in topic.get("keywords") or [] if str(k).strip()]
            label = str(topic.get("label") or (keywords[0] if keywords else ""))
            if not keywords or any(keyword in flat for keyword in keywords):
                continue
            severity = topic.get("severity") if topic.get("severity") in SEVERITIES else None
            yield self.finding(ctx, f"{part_name(6)}未报告“{label}”", location=part_six.location,
                               context=part_six.heading, severity=severity)
