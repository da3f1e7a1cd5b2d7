"""duplicate-text (GK604): 第五部分（或其他指定部分）大段照抄上年报告

检查内容 / What it checks: 有上年报告时，把本年第五部分“存在的主要问题及改进情况”与上年报告的同一部分
对照，算出本年文字中有多大比例与上年相同：一个字落在至少12个字的一段与上年完全相同的文字里，就算照抄
（比较前去掉空白、统一全角半角，数字一律视为相同，所以只改了年份和数字的照抄也算）。比例达到阈值
（默认80%）时报告一次，写明比例、照抄从本年哪里开始、对应上年报告的哪一行。段落调换了顺序也能发现。
两年各自的这一部分都要有足够的文字（默认至少50个字）才比较。上年报告不是本机关上一年度的报告时不核对
（由 previous-mismatch 报告）。

为什么 / Why it matters: 国办公开办函〔2021〕30号要求第五部分如实反映存在的问题和改进措施，
不得“年年雷同”；照抄上年，说明上年提出的问题没有整改、改进情况没有如实报告。审核中发现有的报告
与上年报告九成相同，只改了年份。

选项 / Options:
    `threshold`（默认 0.8）：与上年相同的文字占本年这一部分的比例达到多少时报告（0.1 至 1）。
    `parts`（默认 [5]）：比较哪些部分（1 至 6），例如 [1, 5] 同时比较“总体情况”。
    `min_length`（默认 50）：这一部分至少有多少字才比较（太短的如“无。”不比较）。

不通过的例子 / Failing example:
    上年 五、存在的主要问题及改进情况
        2022年，我局政府信息公开工作仍存在一些不足：一是交通建设项目信息公开不够全面……
    本年 五、存在的主要问题及改进情况
        2023年，我局政府信息公开工作仍存在一些不足：一是交通建设项目信息公开不够全面……
    （100%的文字与上年相同，只改了年份）

通过的例子 / Passing example:
    本年 五、存在的主要问题及改进情况
        2023年，我局政府信息公开工作还有不足：一是政策文件解读的形式较为单一……
"""
from __future__ import annotations

from typing import Iterator

from giklint.model import Location, Part
from giklint.pairing import CrossYearRule
from giklint.rule import Context, Finding, Option, Related
from giklint.tabletools import snippet
from giklint.texttools import shifted
from giklint.vocabulary import part_name

# punctuation a copied stretch may begin with (the end of the sentence before it), not shown as its start
LEADING = "。；;，,、：:！？!?\n "


class DuplicateText(CrossYearRule):
    code = "GK604"
    slug = "duplicate-text"
    severity = "warning"
    summary = "第五部分（或其他指定部分）大段照抄上年报告"
    options = {
        "threshold": Option(float, 0.8, "与上年相同的文字占这一部分的比例达到多少时报告", min=0.1, max=1),
        "parts": Option(list, [5], "比较哪些部分（1 至 6）", items=int, choices=[1, 2, 3, 4, 5, 6]),
        "min_length": Option(int, 50, "这一部分至少有多少字才比较", min=0),
    }

    def compare(self, ctx: Context, last_year: Context) -> Iterator[Finding]:
        from giklint.similarity import copied_from  # only when there is a previous report to compare with

        for number in ctx.options["parts"]:
            this, last = ctx.part(number), last_year.part(number)
            this_text, last_text = part_lines_text(this), part_lines_text(last)
            if min(_length(this_text), _length(last_text)) < max(ctx.options["min_length"], 1):
                continue
            copied = copied_from(last_text, this_text)
            if copied.share < ctx.options["threshold"]:
                continue
            start = _skip_leading(this_text, copied.start)
            previous_start = _skip_leading(last_text, copied.previous_start)
            place = Related.at(ctx.previous, location_in(last, previous_start), f"上年报告{part_name(number)}",
                               value=f"{copied.share:.0%}")
            yield self.finding(
                ctx, f"{part_name(number)}有{copied.share:.0%}的文字与上年报告相同，从“{snippet(this_text[start:], 16)}”"
                     f"起照抄（上年：{place.where()}）",
                at=location_in(this, start), context=part_name(number), related=[place])


def part_lines_text(part: Part) -> str:
    """The part's body as its lines joined by line breaks (so an index finds its line), "" for none."""
    if part is None:
        return ""
    return "\n".join(line.text for line in part.lines) if part.lines else part.body


def location_in(part: Part, index: int) -> Location:
    """The location of character ``index`` of :func:`part_lines_text`: its line, the column moved on
    where the line has one; the part's heading when its lines have no locations."""
    offset = 0
    for line in part.lines:
        if index <= offset + len(line.text):
            return shifted(line.location, index - offset) if line.location else part.location
        offset += len(line.text) + 1
    return part.location


def _skip_leading(text: str, index: int) -> int:
    while 0 <= index < len(text) - 1 and text[index] in LEADING:
        index += 1
    return max(index, 0)


def _length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())
