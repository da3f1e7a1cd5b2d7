"""Numbers in the text that restate table figures (新收/受理 N 件, 结转 N 件, 行政复议 N 件 …) and
"共N…，其中a…、b…" enumerations.

Rules compare these with the tables, so only clear statements are read: a number must carry its unit
(件/条 …) right after the phrase that names it, table rows (numbers without units) never match, and an
enumeration stops where the sentence or the list ends. Matching runs on the text with white space
removed, because PDF and Markdown exports break phrases across lines ("共计 64\\n\\n条").
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterator, List, Optional, Sequence, Tuple

from giklint import lazy_re
from giklint.document import Line
from giklint.extract.sections import Sections
from giklint.extract.text import Compact, Flow, one_line
from giklint.records import dataclass

_NUMBER = r"(?<![\d.])(?P<n>\d{1,12})(?!\d)"  # a count has at most 12 digits (int() of 5,000 digits raises)
_APPLICATION_UNIT = r"(?P<unit>件|条|个|宗)"
_CASE_UNIT = r"(?P<unit>件|起|宗|次|个)"
_GAP = r"[^,。;:\d]"  # inside one clause, no other number in between
_SENTENCE_END = "。;!?"
_CLAUSE_END = ",。;:!?"
_CONTEXT_CHARS = 200  # how far back in its paragraph a sentence's subject (申请) is looked for
_SHORT_LINE = 20  # a line this short that ends without punctuation is a heading, not a wrapped sentence
_REACH = 2000  # characters searched on either side for a sentence's ends (keeps every search linear)


@dataclass(frozen=True)
class _Pattern:
    """A narrative count's sentence pattern, with the words its sentence must or must not hold."""

    kind: str
    regex: re.Pattern
    needs: Optional[str] = None  # the sentence must mention this (e.g. 申请 for 办结 N 件)
    refuses: Optional[str] = None  # the match must not contain this


_COUNT_PATTERNS = [
    _Pattern("new_received", lazy_re.compile(
        r"(?:新收到?|收到|受理|接收|接到)了?" + _GAP + r"{0,20}?申请(?:数量|数)?(?:共计|共|合计|总计)?(?:为|是)?"
        + _NUMBER + _APPLICATION_UNIT), refuses="复议|诉讼|结转|办结"),
    _Pattern("carried_over", lazy_re.compile(
        r"上年度?结转的?" + _GAP + r"{0,16}?" + _NUMBER + _APPLICATION_UNIT), needs="申请"),
    _Pattern("carried_forward", lazy_re.compile(
        r"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?" + _GAP + r"{0,10}?" + _NUMBER + _APPLICATION_UNIT),
        needs="申请"),
    _Pattern("results_total", lazy_re.compile(r"办结" + _GAP + r"{0,12}?" + _NUMBER + _APPLICATION_UNIT),
             needs="申请", refuses="建议|提案|信访|留言|复议|诉讼"),
    _Pattern("review", lazy_re.compile(r"行政复议(?:案件)?" + _GAP + r"{0,6}?" + _NUMBER + _CASE_UNIT)),
    _Pattern("litigation", lazy_re.compile(r"行政诉讼(?:案件)?" + _GAP + r"{0,6}?" + _NUMBER + _CASE_UNIT)),
]
_INCLUDES_CARRIED_OVER = lazy_re.compile(r"[(]?(?:含|包括|包含)(?:上年度?)?结转")

# Statements of none: "没有收到…申请", "未发生…行政复议、…行政诉讼"
_NONE_PATTERNS = [
    _Pattern("new_received", lazy_re.compile(r"(?:未|没有)(?:收到|接到|受理)" + _GAP + r"{0,20}?申请"),
             refuses="复议|诉讼"),
    _Pattern("review", lazy_re.compile(r"(?:(?:未|没有)(?:发生|出现|收到|接到|被)|无)" + _GAP + r"{0,30}?行政复议")),
    _Pattern("litigation", lazy_re.compile(r"(?:(?:未|没有)(?:发生|出现|收到|接到|被)|无)" + _GAP + r"{0,40}?行政诉讼")),
]

# "共N条，其中a条…": the total, then the parts
_SUM_UNITS = "条|件|篇|个|项|次|份|场|家|人|名|宗|起"
_NESTED_TOTAL = lazy_re.compile(r"[,。;:(]*其中")
_TOTAL_WORDS = lazy_re.compile(r"共|总|合计|累计|其中")
_ITEM_START = lazy_re.compile(r"^(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[、.])")
_SUM_TOTAL = lazy_re.compile(_NUMBER + r"(?P<unit>" + _SUM_UNITS + r")(?![余多])[,。;:(]*其中[,:]?")
_APPROXIMATE_BEFORE = lazy_re.compile(r"(?:约|近|超过|逾|多于|不少于)$")


class _Text:
    """The document's text without white space, mapped back to locations."""

    def __init__(self, lines: Sequence[Line], flow: Optional[Flow] = None) -> None:
        self.flow = flow if flow is not None else Flow(lines)
        self._compact = Compact(self.flow.text)
        self.text = self._compact.text
        self._breaks = self._paragraph_breaks()

    def _paragraph_breaks(self) -> List[int]:
        """Compact indexes where a new paragraph starts: after a line that ends a sentence or is short
        (a heading). Lines a PDF wrapped inside a sentence are long and end without punctuation."""
        breaks = []
        end = -1
        for line in self.flow.text.split("\n"):  # split, not a pattern: a blank line of spaces is quadratic
            end += len(line) + 1
            previous = line.strip()
            if previous and (previous[-1] in _SENTENCE_END + ":" or len(previous) < _SHORT_LINE):
                breaks.append(self._compact.index(end))
        return breaks

    def printed(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        return one_line(self.flow.raw[self._compact.offset(start): self._compact.offset(end - 1) + 1])

    def location(self, index: int) -> dict:
        return self.flow.location(self._compact.offset(index)).to_dict()

    def context(self, index: int) -> str:
        """The sentence at ``index`` with what its paragraph said before it ("全年共新收申请24件；
        上年结转2件。全年办结35件…" speaks of applications throughout)."""
        start, end = self.sentence(index)
        before = bisect.bisect_right(self._breaks, index) - 1
        paragraph = self._breaks[before] if before >= 0 else 0
        return self.text[max(paragraph, start - _CONTEXT_CHARS): end]

    def sentence(self, index: int) -> Tuple[int, int]:
        return _bounds(self.text, index, index, _SENTENCE_END)

    def clause(self, start: int, end: int) -> Tuple[int, int]:
        left, right = _bounds(self.text, start, end, _CLAUSE_END)
        before = bisect.bisect_right(self._breaks, start) - 1
        after = bisect.bisect_left(self._breaks, end)
        if before >= 0:
            left = max(left, self._breaks[before])
        if after < len(self._breaks):
            right = min(right, self._breaks[after])
        return left, right

    def item(self, kind: str, value: int, start: int, end: int, **extra) -> dict:
        clause_start, clause_end = self.clause(start, end)
        return {"kind": kind, "value": value, **extra, "text": self.printed(clause_start, clause_end),
                "location": self.location(start)}


def _bounds(text: str, start: int, end: int, stops: str) -> Tuple[int, int]:
    """The stretch around [start, end) between two stop characters, at most ``_REACH`` either side."""
    reach_left, reach_right = max(0, start - _REACH), min(len(text), end + _REACH)
    left = max([text.rfind(ch, reach_left, start) for ch in stops] + [reach_left - 1]) + 1
    rights = [i for i in (text.find(ch, end, reach_right) for ch in stops) if i >= 0]
    return left, min(rights) if rights else reach_right


_EACH = lazy_re.compile(r"各|均")
_REVIEW_JOINED = lazy_re.compile(r"复议(?:案件)?[、和及与或]$")
_JOINT_TOTAL = lazy_re.compile(r"共|合计|总计|累计")
_DIGIT = lazy_re.compile(r"\d")
_DIGITS = lazy_re.compile(r"\d+")
_CLAUSE_BREAK = lazy_re.compile(r"[,:]")


@lru_cache(maxsize=None)
def _refusal(words: str) -> "re.Pattern[str]":
    """A count pattern's refused words as a pattern (compiled once; the patterns name a few)."""
    return lazy_re.compile(words)


@lru_cache(maxsize=None)
def _listed_part(unit: str) -> "re.Pattern[str]":
    """One part of a listed total counted in ``unit`` (条, 件, ...)."""
    return lazy_re.compile(_NUMBER + "(?P<unit>" + unit + r")(?![余多])")


def _joint_count(text: str, match: re.Match) -> bool:
    """"行政复议、行政诉讼共3件": one number for both kinds is neither ("各0件", each, is both)."""
    phrase = match.group(0)
    if _EACH.search(phrase):
        return False
    if "诉讼" in phrase and phrase.startswith("行政复议"):
        return True
    before = text[max(0, match.start() - 6): match.start()]
    return bool(_REVIEW_JOINED.search(before) and _JOINT_TOTAL.search(phrase))


def _counts(text: _Text) -> Iterator[Tuple[int, dict]]:
    for pattern in _COUNT_PATTERNS:
        for match in pattern.regex.finditer(text.text):
            if pattern.needs and pattern.needs not in text.context(match.start()):
                continue
            if pattern.refuses and _refusal(pattern.refuses).search(match.group(0)):
                continue
            if pattern.kind in ("review", "litigation") and _joint_count(text.text, match):
                continue
            kind = pattern.kind
            if kind == "new_received" and _INCLUDES_CARRIED_OVER.match(text.text, match.end()):
                kind = "received_incl_carried_over"
            yield match.start(), text.item(kind, int(match.group("n")), match.start(), match.end())


def _nones(text: _Text, counted: List[Tuple[int, dict]]) -> Iterator[Tuple[int, dict]]:
    """Statements of none, unless the same sentence gives a number for that kind."""
    starts = {kind: sorted(start for start, item in counted if item["kind"] == kind)
              for kind in {pattern.kind for pattern in _NONE_PATTERNS}}
    for pattern in _NONE_PATTERNS:
        for match in pattern.regex.finditer(text.text):
            if pattern.refuses and _refusal(pattern.refuses).search(match.group(0)):
                continue
            sentence = text.sentence(match.start())
            same_kind = starts[pattern.kind]  # sorted: one bisection, not a pass over every count
            if bisect.bisect_left(same_kind, sentence[1]) > bisect.bisect_left(same_kind, sentence[0]):
                continue
            yield match.start(), text.item(pattern.kind, 0, match.start(), match.end())


def _sum_parts(text: str, start: int, total: int, unit: str) -> List[Tuple[int, int]]:
    """(value, end) of each part listed after "其中", stopping where the list ends: at the end of
    its sentence, unless the next sentences read as more items and bring the parts to the total
    exactly ("共计64条。其中，工作动态3条。公示公告53条。…"): numbers of the next sentence that do
    not complete the list belong to something else."""
    own = _listed_parts(text, start, total, unit, across_sentences=False)
    longer = _listed_parts(text, start, total, unit, across_sentences=True)
    return longer if len(longer) > len(own) and sum(value for value, _ in longer) == total else own


def _listed_parts(text: str, start: int, total: int, unit: str, across_sentences: bool) -> List[Tuple[int, int]]:
    part = _listed_part(unit)
    parts: List[Tuple[int, int]] = []
    position = start
    running = 0
    while running < total:
        match = part.search(text, position, position + _REACH)
        if not match:
            break
        gap = text[position: match.start()]
        if _DIGIT.search(gap) or _APPROXIMATE_BEFORE.search(gap):
            break
        if any(ch in gap for ch in _SENTENCE_END) and not (across_sentences and _continues_list(text, position, match)):
            break
        if _NESTED_TOTAL.match(text, match.end()):  # a nested total starts here
            break
        parts.append((int(match.group("n")), match.end()))
        running += int(match.group("n"))
        position = match.end()
    return parts


def _continues_list(text: str, position: int, match: re.Match) -> bool:
    """A part in the next sentence belongs to the list when that sentence reads like one more item:
    its first clause holds just this number, it is not a new heading and it totals nothing."""
    sentence_start = max(text.rfind(ch, position, match.start()) for ch in _SENTENCE_END) + 1
    _, sentence_end = _bounds(text, match.end(), match.end(), _SENTENCE_END)
    sentence = text[sentence_start: sentence_end]
    first_clause = _CLAUSE_BREAK.split(sentence, 1)[0]
    return (match.start() < sentence_start + len(first_clause) and len(_DIGITS.findall(first_clause)) == 1
            and not _ITEM_START.match(sentence) and not _TOTAL_WORDS.search(sentence))


def _sums(text: _Text) -> Iterator[Tuple[int, dict]]:
    for match in _SUM_TOTAL.finditer(text.text):
        if _APPROXIMATE_BEFORE.search(text.text[max(0, match.start() - 4): match.start()]):
            continue
        total = int(match.group("n"))
        parts = _sum_parts(text.text, match.end(), total, match.group("unit"))
        if len(parts) < 2:
            continue
        clause_start, _ = text.clause(match.start(), match.start())
        yield match.start(), {
            "kind": "sum", "value": total, "parts": [value for value, _ in parts],
            "text": text.printed(clause_start, parts[-1][1]), "location": text.location(match.start()),
        }


def extract_narrative(lines: Sequence[Line], sections: Sections, flow: Optional[Flow] = None) -> List[dict]:
    """``flow``: the lines' :class:`Flow`, when the caller has it already."""
    text = _Text(lines, flow)
    counted = list(_counts(text))
    found = counted + list(_nones(text, counted)) + list(_sums(text))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]
