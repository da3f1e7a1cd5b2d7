"""section-missing (GK101), section-order (GK102), section-numbering (GK103): 六个部分的标题缺失、顺序颠倒或编号不规范

检查内容 / What it checks:
    section-missing: 六个部分（一、总体情况 … 六、其他需要报告的事项）各有一个标题；缺少哪一部分就报哪一部分，
    位置指向它应在的地方（下一部分标题之前）。标题的常见别称和小的错别字由抽取层容忍；省级配置可用选项
    `aliases` 补充别称。
    section-order: 各部分按一至六的顺序出现，且每部分只出现一次。
    section-numbering: 各部分标题的编号为“一、”至“六、”，并与该部分的顺序一致（如“6、”“六.”、未编号、
    把第六部分编为“五、”都会报告）。
为什么 / Why it matters:
    《政府信息公开条例》第五十条规定年度报告的内容，国务院办公厅政府信息与政务公开办公室据此制定统一格式
    （国办公开办函〔2019〕60号、国办公开办函〔2021〕30号），格式模板列明六个部分的标题和顺序，
    并要求内容“不能遗漏”。统一的标题和编号便于上级主管部门逐级汇总和公众查阅。
选项 / Options:
    section-missing: `aliases` (default {}): 部分编号 -> 别称列表，如 {"6": ["其他事项", "其他需要说明的事项"]}；
    未被识别为六部分之一的编号标题（`other_headings`）与别称相同或以别称开头时算作该部分。
    section-order、section-numbering: 无。
不通过的例子 / Failing example:
    三、收到和处理政府信息公开申请情况
    ……
    五、存在的主要问题及改进情况        ← 缺少第四部分（section-missing）
    6、 其他需要报告的事项              ← 编号应为“六、”（section-numbering）
通过的例子 / Passing example:
    三、收到和处理政府信息公开申请情况
    四、政府信息公开行政复议、行政诉讼情况
    五、存在的主要问题及改进情况
    六、其他需要报告的事项
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Set

from giklint import lazy_re
from giklint.model import NOWHERE, Location, OtherHeading, Part
from giklint.rule import Context, Finding, Option, Rule
from giklint.texttools import document_end, squeeze
from giklint.vocabulary import part_name, part_numeral

# Leading numbering of a heading: 一、 6、 （六） 6. 第六部分 …
_NUMBERING = lazy_re.compile(r"^\s*(?:#+\s*)?(第[一二三四五六七八九十\d]+部分|[（(][一二三四五六七八九十\d]+[）)]|"
                        r"[一二三四五六七八九十\d]+\s*[、.．，,:：]?)")
_OFFICIAL_NUMBERING = lazy_re.compile(r"^([一二三四五六])\s*、$")


def _aliases(ctx: Context) -> Dict[int, List[str]]:
    """Configured heading aliases by part number (TOML keys are strings: {"6": ["其他事项"]})."""
    configured = ctx.options.get("aliases")
    merged: Dict[int, List[str]] = {}
    for key, names in (configured if isinstance(configured, dict) else {}).items():
        try:
            number = int(key)
        except (TypeError, ValueError):
            continue
        if isinstance(names, str):
            names = [names]
        merged.setdefault(number, []).extend(str(name) for name in names or [])
    return merged


def _heading_core(text: str) -> str:
    """A heading without its numbering, white space and trailing punctuation."""
    return squeeze(_NUMBERING.sub("", text or "", count=1)).rstrip("。.:：")


def _alias_heading(ctx: Context, aliases: List[str]) -> Optional[OtherHeading]:
    wanted = [squeeze(alias) for alias in aliases if squeeze(alias)]
    for heading in ctx.report.other_headings or ():
        core = _heading_core(heading.text)
        if any(core == alias or core.startswith(alias) for alias in wanted):
            return heading
    return None


class SectionMissing(Rule):
    code = "GK101"
    slug = "section-missing"
    severity = "error"
    summary = "六个部分之一没有标题"
    options = {"aliases": Option(dict, {}, "部分标题的别名：{\"6\" = [\"其他事项\"]}", items=list)}

    def check(self, ctx: Context) -> Iterable[Finding]:
        parts = list(ctx.parts)
        present = {part.number for part in parts}
        if not parts and not ctx.report.other_headings:
            yield self.finding(ctx, "未找到六个部分的标题（一、总体情况 至 六、其他需要报告的事项）",
                               at=document_end(ctx) or Location(line=1))
            return
        aliases = _aliases(ctx)
        for number in range(1, 7):
            if number in present or _alias_heading(ctx, aliases.get(number, [])):
                continue
            location, where = self._expected_place(parts, number)
            yield self.finding(ctx, f"缺少{part_name(number)}的标题", location=location, context=where)

    @staticmethod
    def _expected_place(parts: List[Part], number: int):
        """Where the missing heading belongs: before the next part present, else after the previous."""
        later = [part for part in parts if part.number > number]
        if later:
            following = min(later, key=lambda part: part.number)
            return following.location, f"应在{part_name(following.number)}之前"
        earlier = [part for part in parts if part.number < number]
        if earlier:
            preceding = max(earlier, key=lambda part: part.number)
            return preceding.end, f"应在{part_name(preceding.number)}之后"
        return NOWHERE, None


class SectionOrder(Rule):
    code = "GK102"
    slug = "section-order"
    severity = "warning"
    summary = "各部分顺序颠倒或重复出现"
    options: Dict[str, Any] = {}

    def check(self, ctx: Context) -> Iterable[Finding]:
        parts = list(ctx.parts)
        first_seen: Dict[int, Part] = {}
        unique: List[Part] = []
        for part in parts:
            number = part.number
            if number in first_seen:
                first = first_seen[number].location
                at = f"（第{first.line}行已有）" if first.line else ""
                yield self.finding(ctx, f"{part_name(number)}的标题重复出现{at}", at=part, context=part.heading)
            else:
                first_seen[number] = part
                unique.append(part)
        yield from self._misplaced(ctx, unique)

    def _misplaced(self, ctx: Context, parts: List[Part]) -> Iterable[Finding]:
        """The fewest parts whose moving restores the order: those outside the longest ordered run."""
        numbers = [part.number for part in parts]
        in_order = _longest_increasing(numbers)
        for index, part in enumerate(parts):
            if index in in_order:
                continue
            larger_before = [n for n in numbers[:index] if n > part.number]
            if larger_before:
                where = f"出现在{part_name(max(larger_before))}之后"
            else:
                where = f"出现在{part_name(min(n for n in numbers[index + 1:] if n < part.number))}之前"
            yield self.finding(ctx, f"{part_name(part.number)}{where}，顺序颠倒", at=part, context=part.heading)


def _longest_increasing(numbers: List[int]) -> Set[int]:
    """Indexes of one longest strictly increasing subsequence (the parts that stand in order)."""
    best: List[List[int]] = []
    for index, number in enumerate(numbers):
        chains = [chain for chain, previous in zip(best, numbers) if previous < number]
        longest = max(chains, key=len, default=[])
        best.append(longest + [index])
    return set(max(best, key=len, default=[]))


class SectionNumbering(Rule):
    code = "GK103"
    slug = "section-numbering"
    severity = "warning"
    summary = "部分标题的编号不是“一、”至“六、”"
    options: Dict[str, Any] = {}

    def check(self, ctx: Context) -> Iterable[Finding]:
        for part in ctx.parts:
            number = part.number
            heading = part.heading.strip()
            printed = self._printed_numbering(part)
            official = _OFFICIAL_NUMBERING.match(printed or "")
            expected = f"{part_numeral(number)}、"
            if official and official.group(1) == part_numeral(number):
                continue
            if printed:
                message = f"{part_name(number)}的标题编号为“{printed}”，应为“{expected}”"
            else:
                message = f"{part_name(number)}的标题“{heading}”没有编号，应为“{expected}”"
            yield self.finding(ctx, message, at=part, context=heading)

    @staticmethod
    def _printed_numbering(part: Part) -> Optional[str]:
        """The numbering as printed: the model's, else read from the heading text."""
        numbering = part.numbering
        if isinstance(numbering, str) and numbering.strip():
            return numbering.strip()
        found = _NUMBERING.match(part.heading)
        return found.group(1).strip() if found else None
