"""Table text as tokens: where each table lies in the document, and its cells with their locations.

A table reaches us in one of several shapes: real cells (HTML/DOCX loaders set ``Line.cells``),
rows delimited by tabs or pipes, space-separated PDF text, or one cell per line. Each line becomes
tokens (labels, numbers, non-numbers, empty cells); ``delimited`` says whether the line's cell
boundaries are known, which decides later whether an empty cell can be placed.
"""
from __future__ import annotations

import itertools
from dataclasses import replace
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple

from giklint import lazy_re
from giklint.document import Line, Location
from giklint.extract.numbers import UNITS, CellValue, clean_cell, read_clean_value
from giklint.extract.text import HAN, plain
from giklint.records import dataclass

_LABEL_PUNCTUATION = lazy_re.compile(r"[()、]")


@dataclass(frozen=True)
class Token:
    """One printed cell text of a table line: its normalised key, value and location."""

    text: str  # as printed, stripped
    key: str  # normalised, without white space: what labels are matched on
    value: CellValue
    location: Location
    line_index: int
    delimited: bool  # the line's cell boundaries are known (tabs, pipes, real cells)
    cell: int = -1  # position among the line's cells when delimited

    @property
    def is_label(self) -> bool:
        return self.value.kind == "text"

    @property
    def is_number(self) -> bool:
        return self.value.kind == "number"

    def printed(self):
        """The cell as read: its number, its text when it is no number, None when empty."""
        if self.value.kind == "number":
            return self.value.number
        return None if self.value.kind == "empty" else self.text


# Markdown table rules and other rulers: "|---|:--|", "------\t----"
_RULER = lazy_re.compile(r"^[\s|:=\-—]*-{3,}[\s|:=\-—]*$")


def _pieces(text: str, separator: str) -> List[Tuple[int, str]]:
    """``text`` split on ``separator`` as (offset, piece) pairs."""
    pieces, offset = [], 0
    for piece in text.split(separator):
        pieces.append((offset, piece))
        offset += len(piece) + len(separator)
    return pieces


def _delimited_pieces(text: str) -> Optional[List[Tuple[int, str]]]:
    """Cells of a pipe or tab row, or None when the line has no cell separators.

    A single leading tab alone is a Word export's prefix of a one-cell line, not a separator.
    """
    if "|" in text:
        pieces = _pieces(text, "|")
        if text.strip().startswith("|"):
            pieces = pieces[1:]
        if text.strip().endswith("|"):
            pieces = pieces[:-1]
        return pieces
    if "\t" in text and not (text.count("\t") == 1 and text.startswith("\t")):
        return _pieces(text, "\t")
    return None


_new = object.__new__


@lru_cache(maxsize=8192)
def cell_shape(text: str) -> Tuple[str, int, str, CellValue]:
    """(the text stripped, how many characters of white space it starts with, its key, its value):
    what a token takes from its printed text. Tables print the same few texts ("0", "—", the
    official row labels) over and over, within a report and across a batch: each is read once."""
    stripped = text.strip()
    key = clean_cell(stripped)
    return stripped, len(text) - len(text.lstrip()), key, read_clean_value(key)


def _token(text: str, location: Location, line_index: int, cell: int = -1, offset: int = 0) -> Token:
    """The token of ``text``, which starts ``offset`` characters after ``location``."""
    stripped, lead, key, value = cell_shape(text)
    token = _new(Token)  # (hundreds per report: the instance's fields set in one step, in declaration order)
    state = token.__dict__
    state["text"] = stripped
    state["key"] = key
    state["value"] = value
    shift = offset + lead
    state["location"] = location.shifted(shift) if shift else location
    state["line_index"] = line_index
    state["delimited"] = cell >= 0
    state["cell"] = cell
    return token


_WORD = lazy_re.compile(r"\S+")
# In flattened text a label and its row's digits run together: "数量801000081", "文件693665";
# a run ends a label unless a date, count or page word follows it ("2021年", "81件", "第1页").
_GLUED_RUN = lazy_re.compile(
    r"(?<=[\u4e00-\u9fff)”\"])[-+]?\d+(?:\.\d+)?(?:[-+]\d+(?:\.\d+)?)*(?:万元|元)?(?![\d.年月日号件个条项人次页%])")
_ENUMERATOR = lazy_re.compile(r"^\d{1,2}[.．、](?=\D)")
_SENTENCE = lazy_re.compile(r"[，。；！？,;]")
_PARENTHESES = lazy_re.compile(r"[(（][^()（）]*[)）]")  # "（区分处理的，只计这一情形…）" is a label, not prose
_LEADING_RUN = lazy_re.compile(r"^-?\d+(?:\.\d+)?(?=[\u4e00-\u9fff])(?![\d.年月日号件个条项人次页])")
_SIGNED_RUNS = lazy_re.compile(r"[-+]?\d+(?:[-+]\d+)+")
_SIGNED_NUMBER = lazy_re.compile(r"[-+]?\d+")
_RUN_NUMBER = lazy_re.compile(r"[-+]?[\d.]+(?:万元|元)?")


@lru_cache(maxsize=8192)  # (a table's words repeat: its labels, "0", "—")
def _word_pieces(word: str) -> Tuple[Tuple[int, str], ...]:
    """A word as (offset, piece) pairs: labels and the digit runs glued to them split apart, and a
    sign between digits ("2648-18538", "97+8": a signed 本年增/减) starting a new run."""
    if _SIGNED_RUNS.fullmatch(word):  # a sign starts a cell: "97+8", "2648-18538"
        return tuple((m.start(), m.group()) for m in _SIGNED_NUMBER.finditer(word))
    if not HAN.search(word) or _SENTENCE.search(_PARENTHESES.sub("", word)):
        return ((0, word),)
    start = _ENUMERATOR.match(word).end() if _ENUMERATOR.match(word) else 0
    pieces, last = [], 0
    leading = None if start else _LEADING_RUN.match(word)  # the run of the row before: "000行政规范性文件…"
    if leading:
        pieces, last = [(0, leading.group())], leading.end()
    for run in _GLUED_RUN.finditer(word, start):
        if run.start() > last:
            pieces.append((last, word[last: run.start()]))
        pieces += [(run.start() + m.start(), m.group()) for m in _RUN_NUMBER.finditer(run.group())]
        last = run.end()
    if last < len(word):
        pieces.append((last, word[last:]))
    return tuple(pieces)


def _word_tokens(line: Line, line_index: int) -> List[Token]:
    """A line without cell boundaries: one token per word (labels and glued digit runs apart);
    a unit word joins the number before it."""
    tokens: List[Token] = []
    spaced = plain(line.text)
    words = [(word.start() + offset, piece) for word in _WORD.finditer(spaced)
             for offset, piece in _word_pieces(word.group())]
    for start, piece in words:
        token = _token(line.text[start: start + len(piece)], line.location, line_index, offset=start)
        previous = tokens[-1] if tokens else None
        if token.key in UNITS and previous is not None and previous.is_number and previous.value.unit is None:
            tokens[-1] = replace(previous, value=replace(previous.value, unit=token.key))
            continue
        tokens.append(token)
    return tokens


def line_tokens(line: Line, line_index: int) -> List[Token]:
    """The tokens of one line, in reading order (blank lines and rulers give none)."""
    if line.cells is not None:
        return [_token(cell.text, cell.location, line_index, index) for index, cell in enumerate(line.cells)]
    if not line.text.strip() or _RULER.match(line.text):
        return []
    pieces = _delimited_pieces(line.text)
    if pieces is None:
        return _word_tokens(line, line_index)
    return [_token(piece, line.location, line_index, index, offset) for index, (offset, piece) in enumerate(pieces)]


def tokenize(lines: Sequence[Line], start: int, end: int) -> List[Token]:
    tokens: List[Token] = []
    for index in range(start, end):
        tokens.extend(line_tokens(lines[index], index))
    return tokens


# ---------------------------------------------------------------- flattened tables

# A page saved as text may run a whole table (or all three) into one line. Such a line is cut
# where a new row starts (a caption, a numbered label, 表四's header) so that rows read as rows.
_TABLE_MARKERS = (("第二十条第",), ("本年新收", "勾稽关系"), ("结果维持", "尚未审结"))
_ROW_START = lazy_re.compile(
    r"(?=第二十条第|信息内容|[一二三四五六七八九十]、|(?<!第)[(（][一二三四五六七八九十][)）]|\d[.．、][\u4e00-\u9fff]"
    r"|行政复议\s*行政诉讼)")
_HEADER_END = lazy_re.compile(r"(?<=总计)(?=[\s\d]*\d[\s\d]*$)")  # 表四's header, then its values


# A flattened page split into paragraphs holds one whole table in a line: its header words together
_ONE_TABLE_MARKERS = (("第二十条第", "信息内容"), ("勾稽关系", "本年新收"), ("结果维持", "尚未审结", "总计"))
_ONE_TABLE_LINE = 100


def is_flattened(text: str) -> bool:
    """A line holding the markers of two tables or more, or a long line of one whole table (not a
    delimited row: pipes and tabs already mark its cells)."""
    tables = 0
    for words in _TABLE_MARKERS:  # (loops, not generators: asked of every line of every report)
        for word in words:
            if word in text:
                tables += 1
                break
    if tables >= 2:
        return True
    return (len(text) >= _ONE_TABLE_LINE and "|" not in text and "\t" not in text
            and any(all(word in text for word in words) for words in _ONE_TABLE_MARKERS))


def _cut(line: Line) -> List[Line]:
    starts = {0} | {m.start() for m in _ROW_START.finditer(line.text)}
    bounds = sorted(starts) + [len(line.text)]
    for start, end in zip(bounds, bounds[1:]):
        starts |= {start + m.start() for m in _HEADER_END.finditer(line.text[start:end]) if m.start() > 0}
    bounds = sorted(starts) + [len(line.text)]
    return [Line(line.text[start:end], line.location.shifted(start))
            for start, end in zip(bounds, bounds[1:]) if line.text[start:end].strip()]


def unflatten(lines: Sequence[Line]) -> List[Line]:
    """The lines, each flattened table line cut into its rows (other lines as they are)."""
    if not any(line.cells is None and is_flattened(line.text) for line in lines):
        return list(lines)
    out: List[Line] = []
    for line in lines:
        out += _cut(line) if line.cells is None and is_flattened(line.text) else [line]
    return out


# ---------------------------------------------------------------- where the tables are

@dataclass(frozen=True)
class Region:
    """The lines a table spans (caption or header to last row)."""

    start: int  # index of the first line (caption or header)
    end: int  # index after the last line

    def location(self, lines: Sequence[Line]) -> Location:
        return lines[self.start].location


_SHORT = 40  # a caption, header or heading line is short; prose is not
_HEADINGS = {  # part number -> words its heading line holds
    3: ("收到和处理",),
    4: ("行政复议", "行政诉讼", "情况"),
    5: ("存在的主要问题",),
    6: ("其他需要报告",),
}
_ACTIVE_START_WORDS = ("信息内容", "本年制发件数", "本年新制作数量")
_APPLICATION_START_WORDS = ("勾稽关系", "申请人情况", "本年新收")
_REVIEW_HEADER = lazy_re.compile(
    r"^(?:行政复议|行政诉讼|未经复议直接起诉|复议后起诉|未经复议|直接起诉|结果|维持|纠正|其他|尚未|审结|总计|合计|小计)+$")
_REVIEW_DISTINCT = ("行政复议", "维持", "纠正", "审结", "起诉")


_MARKUP = lazy_re.compile(r"[|#*>]")


def line_key(line: Line) -> str:
    """The line normalised for finding captions: no white space, no cell separators or Markdown marks."""
    return _text_key(line.text)


@lru_cache(maxsize=8192)  # (every line of every report: the same captions and rows across a batch)
def _text_key(text: str) -> str:
    return _MARKUP.sub("", "".join(plain(text).split()))  # plain: markers blanked, normalised


_REVIEW_HEADER_CHARS = {char for char in _REVIEW_HEADER.pattern if "\u4e00" <= char <= "\u9fff"}


_REVIEW_STUB = 4  # a header may start with a short stub over the row labels ("类别", "项目")


@lru_cache(maxsize=4096)  # (asked of most lines after 表三, in every report)
def is_review_header_text(key: str) -> bool:
    """Nothing but 表四's header words (结果 维持 纠正 其他 尚未 审结 总计 行政复议 …), or
    fragments of them that narrow cells wrapped ("结果维 结果纠" / "总" / "计")."""
    key = _LABEL_PUNCTUATION.sub("", key)
    return bool(_REVIEW_HEADER.match(key)) or (bool(key) and set(key) <= _REVIEW_HEADER_CHARS)


def _without_stub(key: str) -> str:
    """The key without a short stub before the first 表四 header word."""
    first = min((key.find(word) for word in ("行政复议", "行政诉讼", "结果") if word in key), default=0)
    return key[first:] if first <= _REVIEW_STUB else key


@lru_cache(maxsize=4096)
def is_review_header(key: str) -> bool:
    """A line that starts 表四: header words only (after a short stub), one found in no other table."""
    key = _without_stub(_LABEL_PUNCTUATION.sub("", key))
    return is_review_header_text(key) and any(word in key for word in _REVIEW_DISTINCT)


@lru_cache(maxsize=8192)  # (asked of every line of a table, for each table)
def _is_heading(key: str, numbers: Tuple[int, ...]) -> bool:
    return len(key) <= _SHORT and any(all(w in key for w in _HEADINGS[n]) for n in numbers)


def _first(keys: Sequence[str], start: int, test) -> Optional[int]:
    for index in range(max(start, 0), len(keys)):
        if keys[index] and test(keys[index]):
            return index
    return None


def _is_active_start(key: str) -> bool:
    return key.startswith("第二十条第") or (len(key) <= 60 and any(w in key for w in _ACTIVE_START_WORDS))


def _is_applications_start(key: str) -> bool:
    return "勾稽关系" in key or (len(key) <= 60 and any(w in key for w in _APPLICATION_START_WORDS))


_WRAPPED_HEADER_LINES = 3


def _wrapped_review_header(keys: Sequence[str], start: int, end: int) -> Optional[int]:
    """表四's header wrapped one or two characters per line ("行 行" / "政 政" / … / "结 结 其 尚 总"):
    the first of at least three lines in a row made only of its header's characters, together
    holding characters only its results columns have (维持, 审结)."""
    filled = [index for index in range(max(start, 0), min(end, len(keys))) if keys[index]]
    for position, index in enumerate(filled):
        run = filled[position: position + _WRAPPED_HEADER_LINES]
        if len(run) < _WRAPPED_HEADER_LINES or not all(is_review_header_text(keys[i]) for i in run):
            continue
        header = itertools.takewhile(lambda i: is_review_header_text(keys[i]), filled[position:])
        chars = set("".join(keys[i] for i in header))
        if {"维", "审"} <= chars:
            return index
    return None


def find_regions(lines: Sequence[Line]) -> Dict[str, Optional[Region]]:
    """Each table's lines: 表二 from its first caption to 表三, 表三 from its caption to 表四,
    表四 from its header to part 五; each also ends at the next part heading."""
    keys = [line_key(line) for line in lines]
    total = len(keys)
    active = _first(keys, 0, _is_active_start)
    applications = _first(keys, active or 0, _is_applications_start)
    after = max(active or 0, applications or 0)
    review = _first(keys, after, is_review_header)
    wrapped = _wrapped_review_header(keys, after, total if review is None else review)
    review = wrapped if wrapped is not None else review

    def end(start: int, parts: Tuple[int, ...], *later: Optional[int]) -> int:
        heading = _first(keys, start + 1, lambda key: _is_heading(key, parts))
        return min([total] + [i for i in (heading, *later) if i is not None and i > start])

    return {
        "active_disclosure": None if active is None else Region(active, end(active, (3, 4, 5, 6), applications, review)),
        "applications": None if applications is None else Region(applications, end(applications, (4, 5, 6), review)),
        "review_litigation": None if review is None else Region(review, end(review, (5, 6))),
    }
