"""表二, 表三, 表四: every cell as a number or None, anchored on the official row labels.

Each table is read only inside its own region (``table_tokens.find_regions``), so numbers in the
narrative never land in a table. Inside a region, printed labels are matched to the template's rows
by distinctive keywords (tolerant of typos, wrapping and odd brackets); the row whose label ends
nearest before a run of values owns those values. Values are then placed in the row's columns:
by cell boundary where the boundaries are known (tabs, pipes, real cells), else in order, and only
when the row prints exactly as many values as it has columns. A row that prints too few values
without boundaries keeps every cell None (``placed`` False): its values are never guessed.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from giklint import lazy_re
from giklint import template as official
from giklint.document import Line, Location
from giklint.extract import closeness
from giklint.extract.numbers import count_bound, is_count, segmentations, unit_of
from giklint.extract.sections import Sections
from giklint.extract.table_tokens import (Region, Token, find_regions, is_review_header_text, tokenize,
                                          unflatten)
from giklint.extract.text import squeeze
from giklint.records import dataclass

_LABEL_NUMBERING = lazy_re.compile(r"^(?:\(.\)|.、|\d\.)")
_YUAN_UNIT = lazy_re.compile(r"万?元$")
_NOT_DIGIT = lazy_re.compile(r"\D")

TABLE_KEYS = official.TABLES


@dataclass
class TableResult:
    """The three tables as model dicts, their table info, cell locations and the format's template."""

    tables: Dict[str, Any] = field(default_factory=lambda: {
        "active_disclosure": None, "applications": None, "review_litigation": None})
    info: Dict[str, Any] = field(default_factory=dict)  # table name -> table_info (see the schema)
    locations: Dict[str, Any] = field(default_factory=dict)  # "tables.x.row.col" -> location dict
    template: Optional[str] = None  # "2019" / "2021" from the tables' signatures, None if unknown


# ---------------------------------------------------------------- row labels

Span = Tuple[int, int, str]  # (start, end, row key) of a row's keywords in a label's text


class RowPatterns(Dict[str, "re.Pattern[str]"]):
    """Row key -> the keywords that name the row. Remembers what each label text names: the
    official labels come again and again, in every report."""

    _KEPT_TEXTS = 4096

    def __init__(self, patterns: Dict[str, str]) -> None:
        super().__init__((key, lazy_re.compile(pattern)) for key, pattern in patterns.items())
        self._named: Dict[str, Tuple[Span, ...]] = {}

    def named(self, text: str) -> Tuple[Span, ...]:
        """The rows ``text`` names, in printed order (see :func:`named_spans`)."""
        spans = self._named.get(text)
        if spans is None:
            if len(self._named) >= self._KEPT_TEXTS:
                self._named.clear()
            spans = self._named[text] = named_spans(text, self)
        return spans


def named_spans(text: str, patterns: Dict[str, "re.Pattern[str]"]) -> Tuple[Span, ...]:
    """Where rows are named in ``text``: every keyword match, earlier and then longer ones first,
    without those that overlap one kept before or name the row just named again (a wrapped label)."""
    spans: List[Span] = []
    for key, pattern in patterns.items():
        spans += [(m.start(), m.end(), key) for m in pattern.finditer(text)]
    spans.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    kept: List[Span] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue  # overlaps a longer or earlier match
        if kept and kept[-1][2] == span[2]:
            continue  # the same row named twice in one wrapped label
        kept.append(span)
    return tuple(kept)


# Keywords (regular expressions on normalised text without spaces) that identify each printed row.
ACTIVE_ROW_PATTERNS = RowPatterns({
    "regulations": r"规章",
    "normative_documents": r"规范性文件",
    "licensing": r"行政许可",
    "other_services": r"对外管理|管理服务事项",
    "penalties": r"行政处罚",
    "enforcement": r"行政强制",
    "fees": r"事业性收费",
    "procurement": r"集中采购|政府采购",
})
APPLICATION_ROW_PATTERNS = RowPatterns({
    "new_received": r"本年新收|新收.{0,6}申请",
    "carried_over": r"上年结转|上年度结转",
    "disclosed": r"予以公开",
    "partially_disclosed": r"部分公开",
    "withheld_state_secret": r"国家秘密",
    "withheld_prohibited_by_law": r"法律行政|行政法规|禁止公开",
    "withheld_three_securities": r"三安全|一稳定",
    "withheld_third_party": r"第三方",
    "withheld_internal_affairs": r"内部事务",
    "withheld_process_info": r"过程性",
    "withheld_law_enforcement": r"执法案卷",
    "withheld_admin_inquiry": r"行政查询|查询事项",
    "unable_not_held": r"不掌握",
    "unable_needs_creation": r"另行制作|现成信息",
    "unable_unclear": r"仍不明确|补正后",
    "rejected_complaint": r"信访|举报|投诉",
    "rejected_duplicate": r"重复申请",
    "rejected_publication": r"出版物",
    "rejected_excessive": r"大量反复|反复申请",
    "rejected_confirmation": r"确认或重新|重新出具|已获取信息",
    "other_overdue_correction": r"不补正|逾期不补",
    "other_overdue_fee": r"收费通知|缴纳费用|逾期未按",
    "other_misc": r"(?:3[.、]?|\(3\))其他(?!法律|处理|对外|组织)",
    "other": r"其他处理",
    "results_total": r"七\)?[、.]?(?:总计|合计)|^(?:总计|合计)$",
    "carried_forward": r"结转下年|下年度继续",
})
_NUMBERING = lazy_re.compile(r"^[(]?[一二三四五六七八九十\d]{1,2}[)、.]?$")
_NEW_LABEL = lazy_re.compile(r"^(?:第二十条|信息内容|\(?[一二三四五六七八九十]{1,2}[)、]|\d{1,2}[.、])")
_FUZZY_THRESHOLD = 0.75


def _official_labels() -> Dict[str, str]:
    labels = {key: label for key, label, _ in official.APPLICATION_ROWS_2021 + official.APPLICATION_ROWS_2019}
    for key, label, _, _ in official.ACTIVE_DISCLOSURE_2021 + official.ACTIVE_DISCLOSURE_2019:
        labels.setdefault(key, label)
    # without the numbering ("1." "（一）" "一、"): the words carry the meaning
    return {key: _LABEL_NUMBERING.sub("", squeeze(label)) for key, label in labels.items()}


OFFICIAL_LABELS = _official_labels()


@dataclass
class RowRead:
    """A row as found: its label as printed, where, and the value tokens that follow it."""

    key: str
    label: str
    location: Location
    label_end: Token  # the label's last token (its cell, for tables whose grid keeps merged cells)
    values: List[Token] = field(default_factory=list)


@dataclass(frozen=True)
class LabelMatch:
    """A row named in a run of label tokens: its key and the tokens its label spans."""

    key: str
    first: int  # index of the run's token where the label starts
    last: int  # index of the run's token where it ends (inclusive)


def _keyword_matches(run: Sequence[Token], patterns: RowPatterns) -> List[LabelMatch]:
    """Rows named in a run of label tokens, in printed order (wrapped labels are joined first)."""
    starts, text = [], ""
    for token in run:
        starts.append(len(text))
        text += token.key
    kept = patterns.named(text)
    tokens = [bisect.bisect_right(starts, span[0]) - 1 for span in kept]
    matches = []
    for index, (span, first) in enumerate(zip(kept, tokens)):
        last = tokens[index + 1] - 1 if index + 1 < len(kept) else len(run) - 1
        matches.append(LabelMatch(span[2], first, max(first, last)))
    return matches


def _fuzzy_match(run: Sequence[Token], keys: Sequence[str]) -> List[LabelMatch]:
    """For a label no keyword recognises (a typo): the most similar official label, if close enough."""
    best: Tuple[float, Optional[str], int] = (0.0, None, 0)
    for first in range(max(0, len(run) - 3), len(run)):
        printed = _LABEL_NUMBERING.sub("", "".join(token.key for token in run[first:]))
        if len(printed) < 4 or len(printed) > 60:
            continue
        for key in keys:
            label = OFFICIAL_LABELS.get(key, key)
            # a label that cannot beat the best so far, or reach the threshold, cannot change the answer
            if not closeness.could_reach(printed, label, max(best[0], _FUZZY_THRESHOLD)):
                continue
            ratio = closeness.ratio(printed, label)
            if ratio > best[0]:
                best = (ratio, key, first)
    ratio, key, first = best
    return [LabelMatch(key, first, len(run) - 1)] if key and ratio >= _FUZZY_THRESHOLD else []


def _is_prose(token: Token) -> bool:
    return "。" in token.text or len(token.key) > 60


def _label_end(run: Sequence[Token], match: LabelMatch) -> int:
    """The last token of a label: a label wraps onto following lines only in text without cell
    boundaries, and never onto a caption, a column header or a numbered label."""
    last = match.first
    while last < match.last:
        following = run[last + 1]
        if following.line_index != run[last].line_index and (
                following.delimited or run[last].delimited or _NEW_LABEL.match(following.key)):
            break
        last += 1
    return last


def _label_of(run: Sequence[Token], match: LabelMatch) -> Tuple[str, Location]:
    """The label as printed (with its numbering when that stands apart) and where it starts."""
    first = match.first
    if first > 0 and _NUMBERING.match(run[first - 1].key):
        first -= 1
    parts = run[first: _label_end(run, match) + 1]
    text = parts[0].text
    for before, token in zip(parts, parts[1:]):
        text += (" " if token.line_index == before.line_index else "") + token.text
    return text, parts[0].location


def read_rows(tokens: Sequence[Token], patterns: RowPatterns) -> Dict[str, RowRead]:
    """Rows of a table region: each recognised label with the values printed after it."""
    rows: Dict[str, RowRead] = {}
    run: List[Token] = []  # labels since the last value
    blanks: List[Token] = []  # empty cells since the last value or label: kept when a value follows on their line
    owner: Optional[RowRead] = None
    for token in tokens:
        if owner is not None and owner.values and blanks and token.line_index != blanks[-1].line_index:
            # empty cells that end the owner's line: they tell how many cells the row printed
            owner.values += [blank for blank in blanks if blank.line_index == owner.values[-1].line_index]
            blanks = []
        if token.is_label:
            run.append(token)
            blanks = []
        elif token.value.kind == "empty":
            blanks.append(token)
        else:
            if run:
                owner = _owner_of(run, patterns, rows)
                run = []
            if owner is not None:
                owner.values += [blank for blank in blanks if blank.line_index == token.line_index] + [token]
            blanks = []
    if run:
        _owner_of(run, patterns, rows)
    return rows


def _owner_of(run: Sequence[Token], patterns: RowPatterns, rows: Dict[str, RowRead]) -> Optional[RowRead]:
    """Register the rows a label run names; the last one owns the values that follow the run."""
    # (a 2021 （六）其他处理 group heading registers the 2019 row "other" without values: the
    # layout then follows its sub-rows, see applications_layout)
    matches = _keyword_matches(run, patterns)
    if not matches:
        matches = _fuzzy_match(run, [key for key in patterns if key not in rows])
    if not matches or any(_is_prose(token) for token in run[matches[-1].first:]):
        return None
    owner = None
    for match in matches:
        label, location = _label_of(run, match)
        known = rows.get(match.key)
        if known is not None and known.values:
            owner = None  # a row printed twice: the first printing with values wins
            continue
        owner = rows[match.key] = RowRead(match.key, label, location, run[match.last])
    return owner


# ---------------------------------------------------------------- placing values in columns

@dataclass
class Placement:
    """A row's values placed in its columns: the numbers, invalid texts, locations and tokens per column."""

    cells: Dict[str, Any]  # column -> number or None
    printed: List[Any]
    placed: bool
    invalid: Dict[str, str] = field(default_factory=dict)  # column -> text printed there
    locations: Dict[str, Location] = field(default_factory=dict)  # column -> where its cell is
    tokens: Dict[str, Token] = field(default_factory=dict)  # column -> the token placed there
    runs: List[str] = field(default_factory=list)  # glued runs as printed ("97+82179") read several ways


def _boundaries_known(values: Sequence[Token]) -> bool:
    return bool(values) and all(t.delimited for t in values) and len({t.line_index for t in values}) == 1


def grid_start(rows: Dict[str, RowRead], expected: Dict[str, int]) -> Optional[int]:
    """The cell where values start in every row, for a table whose rows keep the empty cells of
    merged label columns ("| 一、本年新收… | | | 18 | 3 |…"); None when rows place values right
    after their label (merged cells collapsed, as HTML/Word loaders and most exports give them).

    Learnt from the complete rows: all must start their values in the same cell, and at least one
    must leave empty cells between its label and its values.
    """
    starts, gap = set(), False
    for read in rows.values():
        filled = [t for t in read.values if t.value.kind != "empty"]
        if not _boundaries_known(read.values) or len(filled) != expected.get(read.key):
            continue
        if filled[-1].cell - filled[0].cell + 1 != len(filled):
            continue
        starts.add(filled[0].cell)
        label = read.label_end
        gap = gap or (label.line_index == filled[0].line_index and filled[0].cell - label.cell > 1)
    return starts.pop() if len(starts) == 1 and gap else None


def _row_cells(values: Sequence[Token], value_start: Optional[int]) -> Tuple[List[Token], bool, int]:
    """(the row's cells from its first value column, whether cell boundaries are known, how many
    cells the row printed from its first value column, empty ones at its end included)."""
    if not _boundaries_known(values):
        cells = [t for t in values if t.value.kind != "empty"]
        return cells, False, len(cells)
    cells = [t for t in values if value_start is None or t.cell >= value_start]
    printed = len(cells)
    while cells and cells[-1].value.kind == "empty":
        cells.pop()
    return cells, True, printed


RowCheck = Optional[Callable[[List[Any]], bool]]


def _runs_placement(cells: Sequence[Token], columns: Sequence[str], printed: List[Any],
                    check: RowCheck) -> Optional[Placement]:
    """Flattened digit runs ("801000081") read as the row's numbers when exactly one reading
    passes the row's identity (``check``), or is the only one; None when no run or ambiguous."""
    if not cells or len(cells) >= len(columns) or any(t.value.kind != "number" for t in cells):
        return None
    readings = run_readings(cells, len(columns), check)
    if len(readings) == 1:
        return reading_placement(cells, columns, printed, readings[0])
    runs = glued_runs(cells)
    if len(readings) > 1 and len(runs) < len(cells):  # a sign glued two cells: say the run is ambiguous
        return Placement({column: None for column in columns}, printed, False, runs=runs)
    return None


def glued_runs(cells: Sequence[Token]) -> List[str]:
    """The row's numbers as printed runs: tokens cut from one word ("97" and "+82179" of
    "97+82179", signed 本年增/减 glued to its neighbours) joined again."""
    runs: List[str] = []
    previous: Optional[Token] = None
    for token in cells:
        where, before = token.location, previous.location if previous else None
        glued = (before is not None and token.line_index == previous.line_index and where.column is not None
                 and before.column is not None and before.column + len(previous.text) == where.column)
        if glued:
            runs[-1] += token.text
        else:
            runs.append(token.text)
        previous = token
    return runs


def run_readings(cells: Sequence[Token], count: int, check: RowCheck) -> List[List[Any]]:
    """Every reading of a row's flattened digit runs as ``count`` numbers that passes ``check``."""
    if not cells or len(cells) >= count or any(t.value.kind != "number" for t in cells):
        return []
    return segmentations([_YUAN_UNIT.sub("", t.key) for t in cells], count, check)


def reading_placement(cells: Sequence[Token], columns: Sequence[str], printed: List[Any],
                      reading: List[Any]) -> Placement:
    """The row placed as ``reading`` says; each number is located at the run it was read from."""
    placement = Placement({}, printed, True)
    position = 0
    for token in cells:
        taken = _numbers_in(token, reading, position)
        for column, number in zip(columns[position: position + taken], reading[position: position + taken]):
            placement.cells[column] = number
            placement.locations[column] = token.location
            placement.tokens[column] = token
        position += taken
    return placement


def _numbers_in(token: Token, reading: List[Any], position: int) -> int:
    """How many numbers of ``reading`` from ``position`` on make up the digits of ``token``."""
    digits = _NOT_DIGIT.sub("", token.key.split(".")[0])
    taken, read = 0, ""
    while position + taken < len(reading) and len(read) < len(digits):
        read += str(abs(int(reading[position + taken])))
        taken += 1
    return taken


def blank_row_cells(read: RowRead, tokens: Sequence[Token]) -> List[Token]:
    """The empty cells printed after a label that no value follows ("1.属于国家秘密 | | | …"):
    the row is there with every cell blank."""
    label = read.label_end
    if read.values or not label.delimited:
        return []
    return [t for t in tokens if t.line_index == label.line_index and t.cell > label.cell and t.value.kind == "empty"]


def place(values: Sequence[Token], columns: Sequence[str], extra_index: Optional[int] = None,
          value_start: Optional[int] = None, check: RowCheck = None) -> Placement:
    """Values into columns: by cell boundary when known, else in order when the count is exact.

    ``extra_index`` is the position of a non-standard column (小计) whose value is skipped;
    ``value_start`` the table's first value cell when its grid keeps merged cells (``grid_start``).
    """
    cells, delimited, width = _row_cells(values, value_start)
    printed = [t.printed() for t in cells]
    if extra_index is not None and len(cells) == len(columns) + 1:
        cells = cells[:extra_index] + cells[extra_index + 1:]
        width -= 1
    # A row of several value cells that prints fewer cells than columns and no empty ones (a
    # borderless PDF row whose blank cells left no trace) does not say which columns its values are in.
    fits = len(cells) <= len(columns) and (width >= len(columns) or len(cells) <= 1 or len(columns) <= 3) \
        if delimited else len(cells) == len(columns)
    blank = delimited and not cells and width >= len(columns) > 1  # every cell printed, every one empty
    placement = Placement({column: None for column in columns}, printed, (fits and bool(cells)) or blank)
    if not placement.placed:
        read = None if delimited or extra_index is not None else _runs_placement(cells, columns, printed, check)
        return read or placement
    bound = count_bound()
    for column, token in zip(columns, cells):
        placement.cells[column] = token.value.number
        placement.locations[column] = token.location
        placement.tokens[column] = token
        if token.value.kind == "invalid" or not is_count(token.value.number, bound):
            placement.cells[column] = None  # a 400-digit "count" is text where a number belongs
            placement.invalid[column] = token.text
    return placement


# ---------------------------------------------------------------- the three tables

@dataclass
class TableBuild:
    """One table being assembled: its model dict, its info and its cell locations."""

    name: str
    region: Optional[Region]
    lines: Sequence[Line]
    cells: Dict[str, Dict[str, Any]] = field(default_factory=dict)
    info: Dict[str, Any] = field(default_factory=dict)
    locations: Dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        found = self.region is not None
        self.info = {"found": found, "template": None,
                     "location": self.region.location(self.lines).to_dict() if found else None, "rows": {}}

    def add_row(self, key: str, label: str, location: Location, placement: Placement, expected: int) -> None:
        self.cells[key] = placement.cells
        self.info["rows"][key] = {"label": label, "location": location.to_dict(), "printed": placement.printed,
                                  "expected": expected, "placed": placement.placed}
        if placement.runs:
            self.info["rows"][key]["runs"] = placement.runs
        self.locations[f"tables.{self.name}.{key}"] = location.to_dict()
        for column, cell_location in placement.locations.items():
            self.locations[f"tables.{self.name}.{key}.{column}"] = cell_location.to_dict()
        for column, text in placement.invalid.items():
            self.info.setdefault("invalid_cells", {})[f"{key}.{column}"] = text

    def add_empty_row(self, key: str, columns: Sequence[str]) -> None:
        self.cells[key] = {column: None for column in columns}

    def table(self) -> Optional[Dict[str, Dict[str, Any]]]:
        """None when no row of the table could be read."""
        return self.cells if self.info["rows"] else None


def active_disclosure_template(tokens: Sequence[Token]) -> Optional[str]:
    """"2019" or "2021" by the 表二 signature (column headers and rows only one format has)."""
    text = "".join(token.key for token in tokens)
    old = sum(word in text for word in ("新制作数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
                                         "第二十条第(九)项", "政府集中采购", "对外管理服务事项"))
    new = sum(word in text for word in ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额"))
    if old == new:
        return None
    return "2019" if old > new else "2021"


def _procurement_unit(tokens: Sequence[Token], placement: Optional[Placement]) -> Optional[str]:
    """The unit of 采购总金额: printed with the amount ("425万元") or in its header ("采购总金额(元)")."""
    amount = placement.tokens.get("amount") if placement else None
    if amount is not None and amount.value.unit:
        return amount.value.unit
    for token in tokens:
        if "金额" in token.key and "收费" not in token.key:
            unit = unit_of(token.text)
            if unit:
                return unit
    return None


def build_active_disclosure(lines: Sequence[Line], region: Optional[Region], fallback: Optional[str]) -> TableBuild:
    build = TableBuild("active_disclosure", region, lines)
    tokens = tokenize(lines, region.start, region.end) if region else []
    detected = active_disclosure_template(tokens)
    build.info["template"] = detected
    rows = read_rows(tokens, ACTIVE_ROW_PATTERNS)
    layout = official.active_disclosure_rows(detected or fallback or "2021")
    value_start = grid_start(rows, {key: len(columns) for key, _, _, columns in layout})
    for key, _, _, columns in layout:
        names = [column for column, _ in columns]
        read = rows.get(key)
        placement = place(read.values, names, value_start=value_start) if read else None
        if read is None:
            build.add_empty_row(key, names)
        else:
            build.add_row(key, read.label, read.location, placement, len(names))
        if key == "procurement":
            build.cells[key]["amount_unit"] = _procurement_unit(tokens, placement)
    return build


def _subtotal_index(tokens: Sequence[Token], rows: Dict[str, RowRead]) -> Optional[int]:
    """Where a non-standard 小计 column stands among the values, if the header prints one."""
    first_row = min((read.values[0].line_index for read in rows.values() if read.values), default=None)
    header = [t for t in tokens if t.is_label and (first_row is None or t.line_index < first_row)]
    keys = [t.key for t in header]
    if not any("小计" in key for key in keys):
        return None
    subtotal = next(i for i, key in enumerate(keys) if "小计" in key)
    commercial = next((i for i, key in enumerate(keys) if "商业" in key), None)
    return 1 if commercial is not None and subtotal < commercial else 6


def applications_layout(rows: Dict[str, RowRead], active_template: Optional[str]) -> Tuple[Optional[str], str]:
    """(template for info, rows to report): the （六）其他处理 layout, "mixed" when it disagrees with 表二."""
    if any(key in rows for key in official.OTHER_ROWS_2021):
        return "2021", "2021"
    if "other" in rows:
        return ("mixed" if active_template == "2021" else "2019"), "2019"
    return active_template, active_template or "2021"


def build_applications(lines: Sequence[Line], region: Optional[Region], active_template: Optional[str]) -> TableBuild:
    build = TableBuild("applications", region, lines)
    tokens = tokenize(lines, region.start, region.end) if region else []
    rows = read_rows(tokens, APPLICATION_ROW_PATTERNS)
    build.info["template"], layout = applications_layout(rows, active_template)
    columns = [column for column, _ in official.APPLICATION_COLUMNS]
    extra = _subtotal_index(tokens, rows)
    if extra is not None:
        build.info["extra_columns"] = ["小计"]
    value_start = grid_start(rows, dict.fromkeys(rows, len(columns) + (extra is not None)))
    for key, _, _ in official.application_rows(layout):
        read = rows.get(key)
        if read is None:
            build.add_empty_row(key, columns)
        else:
            values = read.values or blank_row_cells(read, tokens)
            placement = place(values, columns, extra, value_start, _row_total_holds)
            build.add_row(key, read.label, read.location, placement, len(columns))
    if extra is None:
        _read_runs_by_columns(build, rows, columns, official.application_rows(layout))
    return build


MAX_JOINT_READINGS = 5000


def _column_identities(cells: Dict[str, Dict[str, Any]], layout) -> List[Tuple[List[str], bool]]:
    """(rows, holds) of I-3.3 (outcome rows add up to （七）总计) and I-3.1 (一+二 = 三+四) in every
    column whose cells are all numbers (the identities of docs/domain.md)."""
    outcome = [key for key, _, group in layout if group and key != "results_total"]
    checks = [(outcome, "results_total", lambda v: sum(v[:-1]) == v[-1]),
              (["new_received", "carried_over"], "carried_forward",
               lambda v: v[0] + v[1] == v[3] + v[2])]
    found = []
    for rows, last, holds in checks:
        keys = rows + (["results_total", last] if last == "carried_forward" else [last])
        for column in cells.get(keys[0], {}):
            values = [cells.get(key, {}).get(column) for key in keys]
            if all(isinstance(value, (int, float)) for value in values):
                found.append((keys, holds(values)))
    return found


def _read_runs_by_columns(build: TableBuild, rows: Dict[str, RowRead], columns: Sequence[str], layout) -> None:
    """Rows of flattened runs that the row total leaves ambiguous ("220000022": 22,0,…,22 or
    2,20,…,22) read jointly: the one combination of readings for which every column's identities
    (I-3.3, I-3.1) hold, if there is exactly one and every such row takes part in them."""
    ambiguous: Dict[str, List[List[Any]]] = {}
    for key, read in rows.items():
        info = build.info["rows"].get(key)
        if info and not info["placed"] and not _boundaries_known(read.values):
            readings = run_readings([t for t in read.values if t.value.kind != "empty"], len(columns), _row_total_holds)
            if len(readings) > 1:
                ambiguous[key] = readings
    sizes = [len(readings) for readings in ambiguous.values()]
    if not ambiguous or math.prod(sizes) > MAX_JOINT_READINGS:
        return
    passing = []
    for combination in itertools.product(*ambiguous.values()):
        trial = dict(build.cells)
        trial.update({key: dict(zip(columns, reading)) for key, reading in zip(ambiguous, combination)})
        identities = _column_identities(trial, layout)
        involved = {key for keys, _ in identities for key in keys}
        if all(holds for _, holds in identities) and set(ambiguous) <= involved:
            passing.append(combination)
    if len(passing) != 1:
        return
    for key, reading in zip(ambiguous, passing[0]):
        read = rows[key]
        cells = [t for t in read.values if t.value.kind != "empty"]
        placement = reading_placement(cells, columns, [t.printed() for t in cells], reading)
        build.add_row(key, read.label, read.location, placement, len(columns))


def _row_total_holds(numbers: List[Any]) -> bool:
    """I-3.2: 总计 is the sum of the six applicant columns."""
    return numbers[-1] == sum(numbers[:-1])


def _group_totals_hold(numbers: List[Any]) -> bool:
    """I-4.1: in each 表四 group of five, 总计 is the sum of the four results."""
    width = len(official.REVIEW_COLUMNS)
    return all(numbers[i + width - 1] == sum(numbers[i: i + width - 1]) for i in range(0, len(numbers), width))


_REVIEW_GROUP_WORDS = {"行政复议": "review", "未经复议直接起诉": "litigation_direct", "复议后起诉": "litigation_after_review"}
REVIEW_WIDTH = len(official.REVIEW_GROUPS) * len(official.REVIEW_COLUMNS)


def _review_group(key: str) -> Optional[str]:
    for word, group in _REVIEW_GROUP_WORDS.items():
        if key.startswith(word):
            return group
    return None


def review_values(tokens: Sequence[Token]) -> Tuple[List[Token], Dict[str, Token]]:
    """The 15 values of 表四 after its header, and the header label of each group.

    One delimited line is the row (its boundaries place the values); otherwise the values run
    from the first value after the header to the first label after them. A row of empty cells
    after the header (a blank template) is the row when no printed value follows.
    """
    groups: Dict[str, Token] = {}
    values: List[Token] = []
    blank_row: List[Token] = []
    for _, line_tokens in itertools.groupby(tokens, key=lambda t: t.line_index):
        line = list(line_tokens)
        labels = [t for t in line if t.is_label]
        if not any(t.value.kind in ("number", "invalid") for t in line):
            if values or not all(is_review_header_text(t.key) for t in labels):
                break
            if not labels and not blank_row:
                blank_row = line
            for token in labels:
                group = _review_group(token.key)
                if group:
                    groups.setdefault(group, token)
            continue
        first = _first_positions(line) if labels else {}
        after_labels = line[max((first[t] for t in labels), default=-1) + 1:]
        if line[0].delimited:
            if not values:
                values = after_labels
            break
        if labels and values:
            break
        values += [t for t in after_labels if not t.is_label]
        if len(values) >= REVIEW_WIDTH:
            break
    return values or blank_row, groups


def _first_positions(line: Sequence[Token]) -> Dict[Token, int]:
    """Each token's ``line.index``: the position of the first token equal to it (words of a PDF line
    without columns can be equal), found in one pass instead of a search per token."""
    first: Dict[Token, int] = {}
    for position, token in enumerate(line):
        first.setdefault(token, position)
    return first


def _row_group(key: str) -> Optional[str]:
    """The 表四 group a row label names, when 表四 is printed as three labelled rows of five."""
    if "复议后起诉" in key:
        return "litigation_after_review"
    if "直接起诉" in key or "未经复议" in key:
        return "litigation_direct"
    if key.startswith("行政复议"):
        return "review"
    return None


def review_rows(tokens: Sequence[Token]) -> Dict[str, Tuple[Token, List[Token]]]:
    """表四 printed as labelled rows ("行政复议 | 1 | 0 | 0 | 1 | 2", "复议后起诉 | …"): each
    group's label token and values; empty unless at least two groups are printed that way."""
    rows: Dict[str, Tuple[Token, List[Token]]] = {}
    for _, grouped in itertools.groupby(tokens, key=lambda t: t.line_index):
        line = list(grouped)
        labels = [t for t in line if t.is_label]
        first = _first_positions(line) if labels else {}
        values = [t for t in line if not t.is_label and first[t] > first[labels[-1]]] if labels else []
        group = _row_group("".join(t.key for t in labels))
        if group and group not in rows and any(t.value.kind in ("number", "invalid") for t in values):
            rows[group] = (labels[0], values)
    return rows if len(rows) >= 2 else {}


def _review_group_placement(whole: Placement, index: int, group: str, columns: Sequence[str]) -> Placement:
    part = Placement({}, whole.printed[index * len(columns): (index + 1) * len(columns)], True)
    for column in columns:
        name = f"{group}.{column}"
        part.cells[column] = whole.cells[name]
        if name in whole.locations:
            part.locations[column] = whole.locations[name]
        if name in whole.invalid:
            part.invalid[column] = whole.invalid[name]
    return part


def build_review_litigation(lines: Sequence[Line], region: Optional[Region]) -> TableBuild:
    """表四: one row of 15 values, reported as its three groups of five.

    When the 15 values cannot be split (too few, no cell boundaries), the printed run is recorded
    whole under the first group, with ``expected`` 15.
    """
    build = TableBuild("review_litigation", region, lines)
    tokens = tokenize(lines, region.start, region.end) if region else []
    columns = [column for column, _ in official.REVIEW_COLUMNS]
    for group, _ in official.REVIEW_GROUPS:
        build.add_empty_row(group, columns)
    labelled = review_rows(tokens)
    if labelled:
        for group, (label, row_values) in labelled.items():
            placement = place(row_values, columns, check=_group_totals_hold)
            build.add_row(group, label.text, label.location, placement, len(columns))
        return build
    values, headers = review_values(tokens)
    if not values:
        return build
    whole = place(values, [f"{group}.{column}" for group, _ in official.REVIEW_GROUPS for column in columns],
                  check=_group_totals_hold)

    def label(group: str, official_label: str, fallback: Location) -> Tuple[str, Location]:
        header = headers.get(group)
        return (header.text, header.location) if header else (official_label, fallback)

    if not whole.placed:
        first, first_label = official.REVIEW_GROUPS[0]
        text, location = label(first, first_label, values[0].location)
        build.add_row(first, text, location, Placement(build.cells[first], whole.printed, False), REVIEW_WIDTH)
        return build
    for index, (group, group_label) in enumerate(official.REVIEW_GROUPS):
        part = _review_group_placement(whole, index, group, columns)
        text, location = label(group, group_label, next(iter(part.locations.values()), values[0].location))
        build.add_row(group, text, location, part, len(columns))
    return build


def extract_tables(lines: Sequence[Line], sections: Sections) -> TableResult:
    """The three tables; ``sections`` is not needed: tables are found by their own captions."""
    lines = unflatten(lines)
    regions = find_regions(lines)
    active = build_active_disclosure(lines, regions["active_disclosure"], None)
    applications = build_applications(lines, regions["applications"], active.info["template"])
    if active.info["template"] is None and applications.info["template"] in ("2019", "2021"):
        # 表二 printed no signature: its rows follow 表三's （六） layout
        active = build_active_disclosure(lines, regions["active_disclosure"], applications.info["template"])
    review = build_review_litigation(lines, regions["review_litigation"])
    result = TableResult()
    for build in (active, applications, review):
        result.tables[build.name] = build.table()
        result.info[build.name] = build.info
        result.locations.update(build.locations)
    result.template = active.info["template"] or (
        applications.info["template"] if applications.info["template"] in ("2019", "2021") else None)
    review.info["template"] = result.template
    return result
