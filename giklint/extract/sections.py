"""The six parts: find each part's heading, tolerant of aliases, numbering styles and small typos.

A part is recognised by its words ("收到和处理政府信息公开申请情况", "其他需要说明的事项" …), never by
its number; the number is kept as printed so rules can flag "6、". Sentences, 表三 row labels that
look like headings ("四、结转下年度继续办理") and numbered sub-items whose number disagrees with the
part their words suggest ("2.申请行政复议、提起行政诉讼情况") are not headings.
"""
from __future__ import annotations

import re
from dataclasses import field
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple

from giklint import lazy_re
from giklint.document import Line, Location
from giklint.extract import closeness
from giklint.extract.text import chinese_number, normalize, offset_location, plain
from giklint.records import dataclass
from giklint.template import SECTION_HEADINGS

_CELL_SEPARATOR = lazy_re.compile(r"[|\t]")


@dataclass
class Part:
    """One of the six parts' headings as found, and the lines its body spans."""

    number: int  # 1..6: which of the six parts this heading is (by its words, not its numbering)
    heading: str  # the heading line as printed (stripped)
    numbering: Optional[str]  # "一、", "6、", None when unnumbered
    location: Location
    line_index: int  # index of the heading line in the document's lines
    body_start: int  # first line index of the body
    end: int  # line index after the body (next heading, or end of document)


@dataclass
class Sections:
    """The parts' headings found in a document, where the preamble ends, and other numbered headings."""

    parts: List[Part] = field(default_factory=list)
    preamble_end: int = 0  # lines before the first part heading
    # numbered heading-like lines matching none of the six parts: {"text", "numbering", "location", "after_part"}
    other_headings: List[dict] = field(default_factory=list)

    def part(self, number: int) -> Optional[Part]:
        """The first heading of part ``number``, if found."""
        return next((p for p in self.parts if p.number == number), None)


# Words of each part (after the numbering, white space removed). Official headings, the longer names
# the format's body text uses, and aliases seen in real reports (docs/domain.md: the six parts, provincial differences).
_PART_PATTERNS: Dict[int, re.Pattern] = {
    1: lazy_re.compile(r"^(?:政府信息公开(?:工作)?的?)?(?:总体|基本|整体)(?:情况|概况)$|^概述$|^总体概况$"),
    2: lazy_re.compile(r"^(?:行政机关)?(?:主动公开(?:政府)?信息的?(?:工作)?情况|政府信息主动公开(?:工作)?的?情况"
                  r"|主动公开(?:工作)?(?:情况)?)$"),
    3: lazy_re.compile(r"^(?:行政机关)?(?:收到|受理)和?(?:处理|办理)(?:政府)?信息公开申请的?(?:情况)?$"
                  r"|^(?:政府信息)?依申请公开(?:政府信息)?(?:工作)?的?(?:情况)?$"
                  r"|^依申请公开政府信息和不予公开政府信息的?情况$"),
    4: lazy_re.compile(r"^(?:因?政府信息公开(?:工作|申请)?)?(?:被|而)?(?:申请|提起)?行政(?:法)?复议"
                  r"(?:[、和及与或]|以及)?(?:被|提起)?行政诉讼(?:的)?(?:情况|案件情况)?$"),
    5: lazy_re.compile(r"^(?:政府信息公开(?:工作)?)?(?:存在的?|面临的?)?(?:主要)?(?:问题|不足)(?:和|及|与|以及)?"
                  r"(?:改进|整改|下一步)(?:的)?(?:情况|措施|计划|工作(?:安排|打算|计划)?|打算|方向|思路)?$"
                  r"|^(?:政府信息公开(?:工作)?)?存在的?(?:主要)?问题$"),
    6: lazy_re.compile(r"^其[他它](?:需要|需|应当|应)?(?:报告|说明|公开)?的?(?:事项|情况|内容)$"),
}

# Names to compare with for small typos ("其他需要报告得事项"): official headings plus long aliases.
_FUZZY_NAMES: Dict[int, List[str]] = {number: [heading] for number, heading in SECTION_HEADINGS.items()}
_FUZZY_NAMES[2].append("行政机关主动公开政府信息情况")
_FUZZY_NAMES[4].append("因政府信息公开工作被申请行政复议、提起行政诉讼情况")
_FUZZY_NAMES[5].append("政府信息公开工作存在的主要问题及改进情况")
_FUZZY_CANDIDATES: List[Tuple[int, str]] = [(number, name) for number, names in _FUZZY_NAMES.items()
                                             for name in names]
_FUZZY_RATIO = 0.8

# 表三 row labels printed with 一、…四、 numbering: never part headings.
_TABLE_ROW_WORDS = ("本年新收", "上年结转", "本年度办理", "结转下年")

# Leading export/Markdown decoration before a heading: "## ", "**", "> ", "- ".
_DECORATION = lazy_re.compile(r"^[\s#>*\-|]*")
_TRAILING = " \t*#|。.：:;；,，"
_NUMBERING = lazy_re.compile(
    r"(?:(?P<cn>[一二三四五六七八九十]{1,3})\s*[、.,]"
    r"|第(?P<part>[一二三四五六七八九十]{1,3})(?:部分|章|节)[、.:：]?"
    r"|(?P<ar>\d{1,2})\s*[、.](?!\d)"
    r"|\((?P<paren>[一二三四五六七八九十]{1,3}|\d{1,2})\)[、.]?"
    r"|(?P<cnsp>[一二三四五六七八九十]{1,3})(?=\s))\s*"
)
_SENTENCE_MARKS = lazy_re.compile(r"[。；;，,！!？?:：]")
_MAX_HEADING_CHARS = 32
_MIN_OTHER_HEADING_CHARS = 4  # "三、本" is a table label broken across lines by a PDF export
# How an unnumbered heading ends: "总体情况", "其他需要报告的事项", "概述"
_BARE_ENDING = lazy_re.compile(r"(?:情况|事项|概况|概述|措施|计划|打算|安排|方向|思路)$")


@dataclass(frozen=True)
class _Heading:
    """A line read as a possible heading: its numbering, its words, and where it starts."""

    style: Optional[str]  # "cn", "part", "ar", "paren", "cnsp" or None (bare)
    value: Optional[int]  # the number's value
    numbering: Optional[str]  # as printed
    words: str  # normalised, no white space, trailing punctuation removed
    lead_words: str  # words up to the first sentence mark (for "一、总体情况。2021年…")
    text: str  # the heading as printed
    offset: int  # where the heading starts in the line


def _cells(text: str) -> List[str]:
    if "|" not in text and "\t" not in text:  # (most lines: no split)
        return [text] if text.strip() else []
    return [cell for cell in _CELL_SEPARATOR.split(text) if cell.strip()]


def read_heading(line: Line) -> Optional[_Heading]:
    """The line as a heading-shaped thing, or None for an empty line or a table row of several cells."""
    return _heading_of(line.text)


@lru_cache(maxsize=8192)  # (asked of every line by sections and meta; the same lines recur across a batch)
def _heading_of(printed: str) -> Optional[_Heading]:
    plain_text = plain(printed)
    if len(_cells(plain_text)) != 1:
        return None
    offset = _DECORATION.match(plain_text).end()
    body = plain_text[offset:]
    match = _NUMBERING.match(body)
    style = value = numbering = None
    if match:
        style = next(name for name in ("cn", "part", "ar", "paren", "cnsp") if match.group(name))
        digits = match.group(style)
        value = int(digits) if digits.isdigit() else chinese_number(digits)
        numbering = printed[offset: offset + match.end()].strip()
        body = body[match.end():]
    words = "".join(body.split()).strip(_TRAILING)  # (str.split's white space is the \s of re)
    if not words:
        return None
    text = printed[offset:].strip().rstrip("*#| \t")
    lead_words = _SENTENCE_MARKS.split(words, 1)[0]
    return _Heading(style, value, numbering, words, lead_words, text, offset)


def is_sentence(words: str) -> bool:
    return bool(_SENTENCE_MARKS.search(words)) or len(words) > _MAX_HEADING_CHARS


def is_table_row_label(words: str) -> bool:
    return words.startswith(_TABLE_ROW_WORDS)


@lru_cache(maxsize=4096)
def part_by_words(words: str, fuzzy: bool = True) -> Optional[int]:
    """Which of the six parts these heading words name, or None (kept per words: the same headings
    come again and again, within a report and across a batch)."""
    words = words.replace('"', "")
    for number, pattern in _PART_PATTERNS.items():
        if pattern.match(words):
            return number
    if not fuzzy:
        return None
    best, best_ratio = None, _FUZZY_RATIO
    for number, name in _FUZZY_CANDIDATES:
        # most words are far from every name: ratio() runs only for the few that could reach best_ratio
        if not closeness.could_reach(words, name, best_ratio):
            continue
        ratio = closeness.ratio(words, name)
        if ratio >= best_ratio:
            best, best_ratio = number, ratio
    return best


def _part_of(heading: _Heading) -> Optional[int]:
    """The part this heading opens, applying the numbering-style filters."""
    if is_table_row_label(heading.words):
        return None
    if is_sentence(heading.words):
        # "一、总体情况。2021年，我局…": a heading run into its first sentence, top-level numbering only
        if heading.style in ("cn", "part") and heading.lead_words != heading.words:
            number = part_by_words(heading.lead_words, fuzzy=False)
            return number if number == heading.value else None
        return None
    if heading.style in ("cn", "part"):
        return part_by_words(heading.words)
    if heading.style in ("ar", "paren"):  # sub-item styles: only when the number agrees with the words
        number = part_by_words(heading.words)
        return number if number == heading.value else None
    if not _BARE_ENDING.search(heading.words):  # "行政复议 行政诉讼" is a table header, not a heading
        return None
    if normalize(heading.text).rstrip().endswith(":"):  # "政府信息主动公开情况：" labels a paragraph of part 一
        return None
    return part_by_words(heading.words, fuzzy=False)  # bare or "一 总体情况": exact words only


def _is_other_heading(heading: _Heading) -> bool:
    """A numbered heading-like line (一、 / 1、 / 第一部分) that names none of the six parts."""
    if heading.style not in ("cn", "part", "ar") or heading.numbering is None:
        return False
    if heading.style == "ar" and "、" not in heading.numbering:
        return False
    return (len(heading.words) >= _MIN_OTHER_HEADING_CHARS and not is_sentence(heading.words)
            and not is_table_row_label(heading.words))


def _heading_text(heading: _Heading, runs_on: bool) -> str:
    if not runs_on:
        return heading.text
    stop = _SENTENCE_MARKS.search(normalize(heading.text))
    return heading.text[: stop.start()] if stop else heading.text


# How surely a numbering style marks a part (not a sub-item): 一、/第一部分, then bare words, then 6、, then (二).
_LEVELS = {"cn": 3, "part": 3, "cnsp": 2, None: 2, "ar": 1, "paren": 0}


def _keep_top_level(parts: List[Part], levels: List[int]) -> List[Part]:
    """Drop a part heading when a heading of a surer style names the same part ("2、主动公开情况" inside
    part 一 when "二、主动公开政府信息情况" follows), and parenthesised ones when any top-level exists."""
    best = {}
    for part, level in zip(parts, levels):
        best[part.number] = max(best.get(part.number, -1), level)
    has_top_level = any(level >= _LEVELS["ar"] for level in levels)
    return [part for part, level in zip(parts, levels)
            if level == best[part.number] and (level > _LEVELS["paren"] or not has_top_level)]


@lru_cache(maxsize=8192)
def _classified(printed: str) -> Tuple[Optional[_Heading], Optional[int], bool]:
    """(the line read as a heading, the part it opens, whether it is another numbered heading)."""
    heading = _heading_of(printed)
    if heading is None:
        return None, None, False
    number = _part_of(heading)
    return heading, number, number is None and _is_other_heading(heading)


def find_sections(lines: Sequence[Line]) -> Sections:
    found = Sections()
    levels: List[int] = []  # the numbering level of each part heading found
    last_part: Optional[int] = None
    for index, line in enumerate(lines):
        heading, number, other = _classified(line.text)
        if heading is None:
            continue
        if number is not None:
            location = offset_location(line, heading.offset)
            runs_on = is_sentence(heading.words)
            found.parts.append(Part(
                number=number, heading=_heading_text(heading, runs_on), numbering=heading.numbering,
                location=location, line_index=index, body_start=index if runs_on else index + 1,
                end=len(lines),
            ))
            levels.append(_LEVELS[heading.style])
            last_part = number
        elif other:
            found.other_headings.append({
                "text": heading.text, "numbering": heading.numbering,
                "location": offset_location(line, heading.offset).to_dict(), "after_part": last_part,
            })
    found.parts = _keep_top_level(found.parts, levels)
    for part, following in zip(found.parts, found.parts[1:]):
        part.end = following.line_index
    found.preamble_end = found.parts[0].line_index if found.parts else len(lines)
    return found
