"""placeholder-text (GK105): 格式模板中的占位文字没有替换

检查内容 / What it checks:
    报告正文（标题、开头、六个部分及表格）里留有格式模板或起草时的占位文字：
    “（文字描述）”“（文字描述，收取信息处理费情况在此处报告。）”；代替名称或数字的 XX、XXX、××
    （如“XX局”“共XX件”“20XX年”“X月X日”）；内容为空或写着“填写”“此处”“名称”“日期”等字样的【…】。
    电子邮箱、网址和英文单词里的 xx 不算；“张××”这类对当事人姓名的隐去处理也不算；
    “【发布日期：2022-01-12】”“【字体：大 中 小】”这类写有内容的网页栏目也不算。
    位置指向占位文字所在的行和列。
为什么 / Why it matters:
    国办公开办函〔2021〕30号的格式模板在文字部分留有“（文字描述）”一类提示（第六部分为“（文字描述，
    收取信息处理费情况在此处报告。）”），要求替换为本机关的实际情况；占位文字留在已公布的报告中，说明报告未经认真审核，属于格式所说“内容不准确不全面”
    的情形（可依《政府信息公开条例》第四十七条追责）。
选项 / Options:
    无。
不通过的例子 / Failing example:
    五、存在的主要问题及改进情况
    （文字描述）
    本年度共收到申请XX件。
通过的例子 / Passing example:
    五、存在的主要问题及改进情况
    一是公开内容不够全面……下一步，我局将……
    本年度共收到申请12件。
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator, Set, Tuple

from giklint import lazy_re
from giklint.rule import Context, Finding, Rule
from giklint.texttools import normalize, shifted, text_lines

_TEMPLATE_NOTE = lazy_re.compile(r"[（(]\s*文字描述[^）)]{0,40}[）)]")
_BRACKETED = lazy_re.compile(r"【([^】\n]{0,30})】")
_BRACKET_PLACEHOLDER = lazy_re.compile(r"^\s*$|填|此处|名称|日期|年份|数字|数量|文字|描述|[Xx×]{2}|…|\.{3}|_{2}")
_FILLED_FIELD = lazy_re.compile(r"[：:]\s*\S")  # 【发布日期：2022-01-12】 is page furniture with its value
_CROSSES = lazy_re.compile(r"[Xx×╳✕]{2,}")
_SINGLE_CROSS = lazy_re.compile(r"(?<![A-Za-z0-9])[Xx×](?=[年月日])")
_CROSS_CHARACTERS = "Xx×╳✕"  # what _CROSSES and _SINGLE_CROSS match
# Common surnames: "张××" is a name left out on purpose (redaction), not a placeholder.
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
                "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
                "毛郝龚邵万钱严覃武戴莫孔向汤")
# Characters next to XX that show it belongs to a word, an address or a number (not a placeholder).
_WORD_NEIGHBOUR = lazy_re.compile(r"[A-Za-z0-9@._/\-:%#&=?]")


def _crosses_are_placeholder(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if after and _WORD_NEIGHBOUR.match(after):
        return False
    if before.isdigit():  # 20XX年 is a placeholder year; 3XX is not
        return after == "年" and start >= 2 and text[start - 2:start].isdigit()
    if before and _WORD_NEIGHBOUR.match(before):
        return False
    return before not in _SURNAMES


def may_hold_placeholders(flat: str) -> bool:
    """Whether normalised text holds what every placeholder has (no pattern is tried without it)."""
    return "文字描述" in flat or "【" in flat or any(cross in flat for cross in _CROSS_CHARACTERS)


def placeholders(text: str) -> Iterator[Tuple[int, str]]:
    """(offset, placeholder as printed) for every placeholder in one line of text."""
    flat = normalize(text)
    # (each pattern is tried only on a line holding what it cannot match without: most lines hold none)
    taken: Set[int] = set()
    for found in _TEMPLATE_NOTE.finditer(flat) if "文字描述" in flat else ():
        taken.update(range(found.start(), found.end()))
        yield found.start(), text[found.start():found.end()]
    for found in _BRACKETED.finditer(flat) if "【" in flat else ():
        if _BRACKET_PLACEHOLDER.search(found.group(1)) and not _FILLED_FIELD.search(found.group(1)):
            taken.update(range(found.start(), found.end()))
            yield found.start(), text[found.start():found.end()]
    if not any(cross in flat for cross in _CROSS_CHARACTERS):
        return
    for found in _CROSSES.finditer(flat):
        if found.start() in taken:
            continue
        taken.update(range(found.start(), found.end()))  # a redacted 张×× hides its crosses from the next loop
        if _crosses_are_placeholder(flat, found.start(), found.end()):
            yield found.start(), text[found.start():found.end()]
    for found in _SINGLE_CROSS.finditer(flat):
        if found.start() not in taken:
            yield found.start(), text[found.start():found.end() + 1]


class PlaceholderText(Rule):
    code = "GK105"
    slug = "placeholder-text"
    severity = "error"
    summary = "留有格式模板的占位文字（文字描述）、XX、××、【…】"
    options: Dict[str, Any] = {}

    def check(self, ctx: Context) -> Iterable[Finding]:
        lines = list(text_lines(ctx))
        if not may_hold_placeholders(normalize("\n".join(text for text, _ in lines))):
            return  # (most reports: no line is looked at again)
        reported: Set[Tuple[Any, ...]] = set()
        for text, location in lines:
            for offset, printed in sorted(placeholders(text)):
                where = shifted(location, offset)
                key = tuple(sorted(where.to_dict().items())) + (printed,)
                if key in reported:
                    continue
                reported.add(key)
                yield self.finding(ctx, f"留有占位文字“{printed}”，应替换为实际内容", location=where,
                                   context=text.strip()[:80])
