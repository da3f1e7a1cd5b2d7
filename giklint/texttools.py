"""Helpers for rules that read the report's text: its lines with their locations, keyword matching,
the report year, and dates read from Chinese text (including garbled ones such as ``20211月1日``).
"""
from __future__ import annotations

from dataclasses import field, replace
from typing import Any, Iterator, List, Optional, Tuple

from giklint import dates, lazy_re
from giklint.extract.text import normalize  # noqa: F401  (re-exported: full-width to plain, same length)
from giklint.model import NOWHERE, Location, Part, Period
from giklint.records import dataclass
from giklint.rule import Context


# -- text and locations -------------------------------------------------------------------------

def squeeze(text: str) -> str:
    """Normalised (full-width to plain) and without white space, for keyword matching."""
    return "".join(normalize(text or "").split())  # str.split's white space is the \s of re


def shifted(location: Optional[Location], columns: int) -> Location:
    """``location`` moved ``columns`` characters along its line (when it has a column)."""
    if location is None:
        return NOWHERE
    return replace(location, column=location.column + columns) if location.column is not None else location


def text_lines(ctx: Context) -> Iterator[Tuple[str, Location]]:
    """Every line of the report with its location: preamble, then each part's heading and body."""
    for line in ctx.report.preamble or ():
        yield line.text, line.location
    for part in ctx.parts:
        yield part.heading, part.location
        for line in part.lines:
            yield line.text, line.location


def part_text(part: Optional[Part]) -> str:
    """A part's body text (from ``body``, else its lines)."""
    if part is None:
        return ""
    return part.body or "\n".join(line.text for line in part.lines)


def full_text(ctx: Context) -> str:
    return "\n".join([ctx.meta.title or ""] + [text for text, _ in text_lines(ctx)])


def document_start(ctx: Context) -> Location:
    """Where the report begins: its title, else its first line."""
    if ctx.meta.title_location:
        return ctx.meta.title_location
    for _, location in text_lines(ctx):
        if location:
            return location
    return Location(line=1)


def document_end(ctx: Context) -> Location:
    """The location of the report's last line (where a 落款 would stand)."""
    last = NOWHERE
    for _, location in text_lines(ctx):
        if location:
            last = location
    return last


# -- report year and format ---------------------------------------------------------------------

YEAR_IN_TEXT = lazy_re.compile(r"((?:19|20)\d{2})\s*年")


def report_year(ctx: Context) -> Optional[int]:
    """The report year the extractor settled on, when it is a plausible one."""
    year = ctx.meta.year
    return year if isinstance(year, int) and 1900 <= year <= 2099 else None


def title_year(title: Optional[str]) -> Optional[int]:
    """The year a title names (``2021年`` / ``2021年度``), or None."""
    found = YEAR_IN_TEXT.search(normalize(title or ""))
    return int(found.group(1)) if found else None


def uses_2021_format(ctx: Context) -> bool:
    """Whether the 2021 format (国办公开办函〔2021〕30号) governs this report: report year 2021 or later,
    or, when the year is unknown, 2021-format tables."""
    year = report_year(ctx)
    if year is not None:
        return year >= 2021
    return ctx.meta.template == "2021"


# -- dates --------------------------------------------------------------------------------------

def parse_iso(value: Any) -> Optional[dates.date]:
    """A ``YYYY-MM-DD`` string (or a date, as TOML gives it) as a date, else None."""
    if isinstance(value, dates.datetime):
        return value.date()
    if isinstance(value, dates.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dates.date.fromisoformat(value[:10])
    except ValueError:
        return None


def chinese_date(date: dates.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


@dataclass
class DateToken:
    """One date read from text. ``year`` None: printed without a year (``至12月31日``)."""

    text: str
    year: Optional[int]
    month: Optional[int]
    day: Optional[int]
    missing: List[str] = field(default_factory=list)  # characters left out: "年", "月"
    ambiguous: bool = False  # digits that can be split more than one way

    def date(self, default_year: Optional[int] = None) -> Optional[dates.date]:
        year = self.year if self.year is not None else default_year
        if year is None or self.month is None or self.day is None:
            return None
        try:
            return dates.date(year, self.month, self.day)
        except ValueError:
            return None


# Alternatives in order of preference; white space is removed before matching.
_DATE = lazy_re.compile(
    r"(?P<full>(?P<y1>\d{4})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日?)"
    r"|(?P<nonian>(?P<y2>\d{4})(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日?)"  # 年 left out: 20211月1日
    r"|(?P<iso>(?P<y3>\d{4})[-/.](?P<m3>\d{1,2})[-/.](?P<d3>\d{1,2}))"
    r"|(?P<noyear>(?<!\d)(?P<m4>\d{1,2})月(?P<d4>\d{1,2})日)"  # 至12月31日
    r"|(?P<bare>(?P<y5>\d{4})(?P<md5>\d{2,4})日)"  # 年 and 月 left out: 202011日, 20201231日
)


def _split_month_day(digits: str) -> Tuple[Optional[int], Optional[int], bool]:
    """Month and day from the digits left after the year when 年 and 月 are missing."""
    if len(digits) == 2:
        return int(digits[0]), int(digits[1]), False
    if len(digits) == 4:
        return int(digits[:2]), int(digits[2:]), False
    # three digits: 1231 cannot occur, but 111 is 1月11日 or 11月1日
    readings = [(int(digits[0]), int(digits[1:])), (int(digits[:2]), int(digits[2]))]
    valid = [(m, d) for m, d in readings if 1 <= m <= 12 and 1 <= d <= 31]
    if len(valid) == 1:
        return valid[0][0], valid[0][1], False
    return None, None, True


def find_dates(text: str) -> List[DateToken]:
    """Every date in ``text`` in order, tolerant of spaces and of a missing 年 or 月."""
    flat = squeeze(text)
    tokens: List[DateToken] = []
    for found in _DATE.finditer(flat):
        groups = found.groupdict()
        if groups["full"]:
            tokens.append(DateToken(found.group(0), int(groups["y1"]), int(groups["m1"]), int(groups["d1"])))
        elif groups["nonian"]:
            tokens.append(DateToken(found.group(0), int(groups["y2"]), int(groups["m2"]), int(groups["d2"]),
                                    missing=["年"]))
        elif groups["iso"]:
            tokens.append(DateToken(found.group(0), int(groups["y3"]), int(groups["m3"]), int(groups["d3"])))
        elif groups["noyear"]:
            tokens.append(DateToken(found.group(0), None, int(groups["m4"]), int(groups["d4"])))
        elif groups["bare"]:
            month, day, ambiguous = _split_month_day(groups["md5"])
            tokens.append(DateToken(found.group(0), int(groups["y5"]), month, day, missing=["年", "月"],
                                    ambiguous=ambiguous))
    return tokens


# -- the statistics period ------------------------------------------------------------------------

@dataclass
class PeriodReading:
    """What the statistics-period statement says, and what is wrong with it (Chinese fragments)."""

    raw: str
    start: Optional[dates.date] = None
    end: Optional[dates.date] = None
    problems: List[str] = field(default_factory=list)


def _missing_characters(tokens: List[DateToken]) -> List[str]:
    missing: List[str] = []
    for token in tokens:
        for char in token.missing:
            if char not in missing:
                missing.append(char)
    return missing


def _tokens_from_model(period: Period) -> List[DateToken]:
    tokens = []
    for text in (period.start, period.end):
        date = parse_iso(text)
        if date:
            tokens.append(DateToken(text, date.year, date.month, date.day))
    return tokens


def read_period(period: Period, year: Optional[int]) -> Optional[PeriodReading]:
    """The period statement read from the model's ``meta.period`` (raw text first, then start/end),
    checked against the report ``year`` (the period's own start year when None). None when there is
    no statement."""
    raw = period.raw if isinstance(period.raw, str) else ""
    tokens = find_dates(raw)[:2]
    if len(tokens) < 2 and len(_tokens_from_model(period)) == 2:
        tokens = _tokens_from_model(period)
    if not raw and not tokens:
        return None
    reading = PeriodReading(raw=raw or f"{period.start}至{period.end}")
    missing = _missing_characters(tokens)
    if missing:
        reading.problems.append("日期缺" + "、".join(f"“{c}”" for c in missing) + "字")
    if len(tokens) < 2:
        if period.valid is False or tokens:
            reading.problems.append("无法识别出起止两个日期")
    elif tokens[0].ambiguous or tokens[1].ambiguous:
        reading.problems.append("日期数字无法唯一拆分为月、日")
    else:
        _read_dates(reading, tokens[0], tokens[1], year)
    return reading


def _read_dates(reading: PeriodReading, first: DateToken, second: DateToken, year: Optional[int]) -> None:
    """Fill in start and end, and what is wrong with them."""
    reading.start = first.date()
    reading.end = second.date(default_year=first.year)
    for token, date, label in ((first, reading.start, "起期"), (second, reading.end, "止期")):
        if date is None:
            reading.problems.append(f"{label}“{token.text}”不是有效日期")
    if reading.start is not None and reading.end is not None:
        reading.problems.extend(_calendar_year_problems(reading.start, reading.end, year or reading.start.year))


def _calendar_year_problems(start: dates.date, end: dates.date, year: int) -> List[str]:
    """How a period differs from 1月1日–12月31日 of ``year``."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year != year:
        return [f"是{start.year}年度，不是报告年度{year}年"]
    problems = []
    if start != dates.date(year, 1, 1):
        wrong = f"{start.year}年" if (start.month, start.day) == (1, 1) else chinese_date(start)
        problems.append(f"起期为{wrong}，不是报告年度{year}年的1月1日")
    if end != dates.date(year, 12, 31):
        wrong = f"{end.year}年" if (end.month, end.day) == (12, 31) else chinese_date(end)
        problems.append(f"止期为{wrong}，不是报告年度{year}年的12月31日")
    return problems
