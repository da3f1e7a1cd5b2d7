"""Title, agency, year, template, statistics period, contacts, signature, publication date.

Each field is read from the text that states it and nothing is guessed: a garbled date stays raw
(``valid`` False), a field that is not printed is None. Locations go to ``MetaResult.locations``
under dotted model paths ("meta.title", "meta.contacts.phone.0").
"""
from __future__ import annotations

import re
from dataclasses import field
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from giklint import lazy_re
from giklint.document import Document, Line, Location
from giklint.extract.sections import Sections, is_sentence, read_heading
from giklint.extract.tables import TableResult
from giklint.extract.text import (
    HAN, Flow, blank_markers, chinese_number, iso_date, normalize, offset_location, one_line, squeeze,
)
from giklint.records import dataclass


@dataclass
class MetaResult:
    """The report's meta fields (model keys) and where each was read."""

    meta: Dict[str, Any]
    locations: Dict[str, Any] = field(default_factory=dict)


@dataclass
class _Found:
    """A value read from the text and where it starts."""

    value: Any
    location: Optional[Location]


# ---------------------------------------------------------------------------------------------- agency

# How the name of an organ ends (局, 委员会, 人民政府, 乡 …): used to tell an agency line from text.
_AGENCY_END = lazy_re.compile(
    r"(?:局|委|委员会|厅|府|办公室|办公厅|办|院|中心|乡|镇|街道|办事处|所|站|会|署|部|处|队|馆|公司|集团|"
    r"管委会|区|县|市|省|州|旗|盟)$"
)
# Offices named in contact sentences, stripped to get the organ ("赤水市卫生健康局办公室").
_OFFICE_SUFFIX = lazy_re.compile(
    r"(?:党政办公室|政务公开办公室|信息公开办公室|综合办公室|政策法规科|法规科|办公室|政办室|人秘股|综合股|综合科|"
    r"办公股|秘书科|党政办|综合办|党办|政办)$"
)
_NOT_AN_AGENCY_START = lazy_re.compile(r"^(?:我|本|该|各|全|贵|相关|上级|有关)")
_CJK_NAME = lazy_re.compile(r"^[\u4e00-\u9fff()]{2,40}$")


def is_agency_name(words: str) -> bool:
    """``words`` (no white space) reads as an organ's name: 昌乐县卫生健康局, 大垅乡, 新乡市卫健委."""
    return (bool(_CJK_NAME.match(words)) and bool(_AGENCY_END.search(words))
            and not _NOT_AN_AGENCY_START.match(words))


def strip_office(name: str) -> str:
    """The organ of an office: 漳平市财政局人秘股 -> 漳平市财政局 (山西省人民政府外事办公室 stays)."""
    bare = _OFFICE_SUFFIX.sub("", name)
    return bare if bare != name and is_agency_name(bare) else name


_CONTACT_AGENCY = [
    lazy_re.compile(r"(?:请|可|直接|或|欢迎)(?:与|同|向)(?P<org>[\u4e00-\u9fff()]{2,40}?)(?:取得)?(?:联系|咨询|反映)"),
    lazy_re.compile(r"请(?:联系|咨询|致电)(?P<org>[\u4e00-\u9fff()]{2,40}?)(?=[(,;。:]|电话|$)"),
]


def contact_agency(text: str) -> Optional[str]:
    """The organ named in "如有疑问，请与XX局办公室联系" (office suffix removed)."""
    for pattern in _CONTACT_AGENCY:
        for match in pattern.finditer(text):
            name = strip_office(match.group("org"))
            if is_agency_name(name):
                return name
    return None


# "编制完成《苍溪县乡村振兴局2023年政府信息公开工作年度报告》", "现公布XX局2021年度政府信息公开工作年度报告"
_NAMED_REPORT = lazy_re.compile(
    r"(?P<run>[\u4e00-\u9fff()]{2,40})\d{4}\s*年度?\s*(?:政府|政务)?信息公开(?:工作)?的?年度?(?:工作)?报告")
_LEADING_VERB = lazy_re.compile(r"^(?:现将|现向社会|现|特向社会|特|向社会|予以|编制完成|编制|完成|公布|公开|发布|报送|印发|形成|撰写|制定)+")


def named_report_agency(text: str) -> Optional[str]:
    """The organ of a report named in the text ("…编制完成《苍溪县乡村振兴局2023年政府信息公开工作年度报告》")."""
    for match in _NAMED_REPORT.finditer(text):
        name = _LEADING_VERB.sub("", match.group("run"))
        if is_agency_name(name):
            return name
    return None


_OPENING_AGENCY = lazy_re.compile(
    r"(?<!\d)\d{4}\s*年(?:度|以来)?\s*,?\s*(?P<org>[\u4e00-\u9fff]{2,20}?)"
    r"(?=全面|坚持|认真|深入|始终|紧紧|进一步|积极|按照|以|在|严格|高度|继续|立足|围绕|不断|扎实|切实|结合|持续|"
    r"把|将|通过|聚焦|贯彻|落实|大力|着力|加强|紧扣|全力|主动|依法|稳步|统筹|牢固|紧密|根据|强化|共)"
)


def opening_agency(text: str) -> Optional[str]:
    """The organ of "2020年，新乡市卫健委全面贯彻…" (the first such sentence)."""
    for match in _OPENING_AGENCY.finditer(text):
        if is_agency_name(match.group("org")):
            return match.group("org")
    return None


# ----------------------------------------------------------------------------------------------- title

_TITLE = lazy_re.compile(
    r"^(?:(?P<y1>\d{4})年度?)?(?P<org>.*?)(?:(?P<y2>\d{4})年度?)?(?:政府|政务)?信息公开(?:工作)?的?年度?(?:工作)?报告"
    r"(?:\((?P<y3>\d{4})年度?\))?$"
)
_ORG_TAIL = lazy_re.compile(r"(?:关于|的|公布|发布)$")
_TITLE_LABEL = lazy_re.compile(r"^(?:标题|题名|名称)\s*:?$")
_TITLE_LINE = lazy_re.compile(r"^\s*(?P<label>标题|题名|名称)\s*:\s*(?P<value>\S.*)$")
_DECORATION = lazy_re.compile(r"^[\s#>*|]*")
_MAX_TITLE_CHARS = 60


@dataclass
class Title:
    """A title line: its text, the agency and year it names, and where it is."""

    text: str
    org: Optional[str]
    year: Optional[int]
    location: Location


def _title_words(text: str) -> Optional[re.Match]:
    words = squeeze(blank_markers(text)).strip("*#|")
    if not words or len(words) > _MAX_TITLE_CHARS or is_sentence(words) or "《" in words or "》" in words:
        return None
    return _TITLE.match(words)


def _title_from_match(match: re.Match, text: str, location: Location, prefix: str = "") -> Title:
    year = match.group("y1") or match.group("y2") or match.group("y3")
    org = _ORG_TAIL.sub("", prefix + match.group("org"))
    return Title(text=text, org=org or None, year=int(year) if year else None, location=location)


def _stripped(line: Line) -> Tuple[str, int]:
    """The line's printed text without leading decoration ("## "), and where that text starts."""
    offset = _DECORATION.match(normalize(line.text)).end()
    return line.text[offset:].strip().rstrip("*#| \t"), offset


def _previous_agency_line(lines: Sequence[Line], index: int) -> Optional[int]:
    """Index of the agency line just above a "2021年政府信息公开工作年度报告" line, if there is one."""
    for back in range(index - 1, max(index - 4, -1), -1):
        if lines[back].text.strip():
            text, _ = _stripped(lines[back])
            return back if is_agency_name(squeeze(text)) else None
    return None


def _title_at(lines: Sequence[Line], index: int) -> Optional[Title]:
    """The title printed on line ``index`` (joined with an agency line just above when it names no organ)."""
    text, offset = _stripped(lines[index])
    match = _title_words(text)
    if not match:
        return None
    title = _title_from_match(match, text, offset_location(lines[index], offset))
    if not title.org:
        above = _previous_agency_line(lines, index)
        if above is not None:
            agency_text, agency_offset = _stripped(lines[above])
            return _title_from_match(match, agency_text + text, offset_location(lines[above], agency_offset),
                                     prefix=squeeze(agency_text))
    return title


def _labelled_title(line: Line) -> Optional[Title]:
    """A title in a metadata row: "标题 : | … |" (cells) or "标题：…" (a label and its value on one line)."""
    cells = line.text.split("|")
    pairs = list(zip(cells, cells[1:]))
    labelled = _TITLE_LINE.match(normalize(line.text))
    if labelled:
        pairs.append((labelled.group("label"), line.text[labelled.start("value"):]))
    for label, value in pairs:
        if _TITLE_LABEL.match(squeeze(label)) and _title_words(value):
            start = line.text.index(value) + len(value) - len(value.lstrip())
            return _title_from_match(_title_words(value), value.strip(), offset_location(line, start))
    return None


def find_title(lines: Sequence[Line], limit: int, metadata: Dict[str, str]) -> Optional[Title]:
    """The title line(s) among the first ``limit`` lines; metadata rows ("标题 : | … |", "标题：…") as a
    fallback. A page header often repeats a bare "政府信息公开年度报告" or "关于2021年度…的年度报告" above the
    real title, so a title that names its organ wins over an earlier one that does not."""
    bare: Optional[Title] = None
    for index in range(limit):
        title = _title_at(lines, index)
        if title and title.org:
            return title
        bare = bare or title
    if bare:
        return bare
    for index in range(limit):
        title = _labelled_title(lines[index])
        if title:
            return title
    if metadata.get("title") and _title_words(metadata["title"]):
        return _title_from_match(_title_words(metadata["title"]), metadata["title"].strip(), None)
    return None


# ---------------------------------------------------------------------------------------------- period

_DATE_TOKEN = (r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}|\d{4}\s*年\s*\d{2,4}|\d{5,6}\s*月\s*\d{1,2}"
               r"|\d{1,2}\s*月\s*\d{1,2}|\d{3,8})\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
# Each run of white space has one way to match (a leading ``\s*`` tried at every blank of 40,000 blank
# lines, or three ``\s*`` in a row, is quadratic or worse)
_PERIOD_SPAN = lazy_re.compile(
    rf"(?:(?:自|从|由)\s*)?(?<!\d)(?P<start>{_DATE_TOKEN})\s*(?:起\s*)?(?:,\s*)?(?:至|到|-|~)\s*"
    rf"(?P<end>{_DATE_TOKEN})(?:\s*止)?"
)
_PERIOD_KEYWORD = lazy_re.compile(r"统计|期限|时限|所列数据|数据(?:时间|范围|区间)|(?:报告|内容)涵盖")
# "本报告统计期限为2021年度": the whole calendar year
_PERIOD_YEAR = lazy_re.compile(r"(?:统计|数据)(?:期限|时限|时间|区间|周期|范围)(?:为|是)?\s*(?P<y>\d{4})\s*(?:年度|全年|年)(?!\s*\d)")
_KEYWORD_REACH = 60  # characters before the date span, within the sentence


_CLEAN_DATE = lazy_re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ISO_LIKE_DATE = lazy_re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_DATE_WITHOUT_YEAR = lazy_re.compile(r"(\d{1,2})月(\d{1,2})日")
_GARBLED_DATES = (lazy_re.compile(r"(\d{4})(\d{1,2})月(\d{1,2})日"), lazy_re.compile(r"(\d{4})(\d{2})(\d{2})日"),
                  lazy_re.compile(r"(\d{4})年(\d{2})(\d{2})日"))
_SENTENCE_BREAK = lazy_re.compile(r"[。;]")
_LEADING_YEAR = lazy_re.compile(r"\s*(\d{4})")


def parse_date(token: str, default_year: Optional[int] = None) -> Tuple[Optional[str], bool]:
    """(ISO date or None, printed cleanly?) for a date as printed.

    Clean: 2021年1月1日, 12月31日 (year from ``default_year``), 2021-01-01. Garbled (年/月 lost) dates
    are parsed only where one reading is possible: 20211月1日, 202212月31日, 20201231日.
    """
    token = "".join(token.split())
    clean = _CLEAN_DATE.fullmatch(token) or _ISO_LIKE_DATE.fullmatch(token)
    if clean:
        date = iso_date(*clean.groups())
        return date, date is not None
    no_year = _DATE_WITHOUT_YEAR.fullmatch(token)
    if no_year:
        if default_year is None:
            return None, False
        date = iso_date(str(default_year), *no_year.groups())
        return date, date is not None
    garbled = next((match for match in (pattern.fullmatch(token) for pattern in _GARBLED_DATES) if match), None)
    return (iso_date(*garbled.groups()) if garbled else None), False


def _year_of(date: Optional[str]) -> Optional[int]:
    return int(date[:4]) if date else None


def find_period(flow: Flow) -> Dict[str, Any]:
    text = flow.text
    for match in _PERIOD_SPAN.finditer(text):
        before = text[max(0, match.start() - _KEYWORD_REACH): match.start()]
        before = _SENTENCE_BREAK.split(before)[-1]
        if not _PERIOD_KEYWORD.search(before):
            continue
        start, start_clean = parse_date(match.group("start"))
        start_year = _year_of(start) or _leading_year(match.group("start"))
        end, end_clean = parse_date(match.group("end"), start_year)
        begin = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        return {
            "start": start, "end": end, "raw": one_line(flow.raw[begin: match.end()]),
            "valid": start_clean and end_clean, "location": flow.location(begin).to_dict(),
        }
    whole_year = _PERIOD_YEAR.search(text)
    if whole_year:
        year = whole_year.group("y")
        begin = whole_year.start("y")
        return {
            "start": iso_date(year, "1", "1"), "end": iso_date(year, "12", "31"),
            "raw": one_line(flow.raw[begin: whole_year.end()]), "valid": True,
            "location": flow.location(begin).to_dict(),
        }
    return {"start": None, "end": None, "raw": None, "valid": None, "location": None}


def _leading_year(token: str) -> Optional[int]:
    """The year of a garbled date that still starts with one ("20211月1日" -> 2021)."""
    digits = _LEADING_YEAR.match(token)
    return int(digits.group(1)) if digits else None


# -------------------------------------------------------------------------------------------- contacts

_CONTACT_LABEL = lazy_re.compile(
    r"(?P<fax>传真(?:电话|号码)?)|(?P<email>(?:电子邮箱|电子信箱|电子邮件|邮箱|e-?mail)(?:地址)?)"
    r"|(?P<postcode>邮政编码|邮编)|(?P<phone>(?:联系|咨询|办公|服务|监督|投诉|值班)?电话(?:号码)?|联系方式)"
    r"|(?P<address>(?:通讯|通信|联系|办公)?地址)",
    re.IGNORECASE,
)
_LABEL_GLUE = lazy_re.compile(r"\s*(?:[:：]|为|是)?\s*")
# area code, then one dash of any width or two ("0798——8332255", "0798－8332255", "(0798)8332255"),
# then an extension ("转8001", "-8001")
_PHONE = lazy_re.compile(r"(?:\(?0\d{2,3}\)?\s*(?:[-－—–]{1,2}\s*)?)?(?<!\d)\d{7,8}(?!\d)(?:转\d{1,5}(?!\d))?"
                    r"|(?<!\d)1[3-9]\d{9}(?!\d)")
_MORE_PHONES = lazy_re.compile(r"\s*[、/或和,]\s*")
# starts only where a run of address characters starts: tried inside a long run it is quadratic
_EMAIL = lazy_re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_POSTCODE = lazy_re.compile(r"(?<!\d)\d{6}(?!\d)")
_ADDRESS_STOP = lazy_re.compile(r"[,;。)、\n]")
_WRAPPED_LINE = 20  # a line at least this long that ends without punctuation was wrapped by the layout
_MAX_ADDRESS_CHARS = 80
_ADDRESS_REACH = 400  # an address without punctuation ends here at the latest (bounds the search)
_WRAP_REACH = 400  # characters before a line break looked at to tell a wrapped line
_NEW_ITEM = lazy_re.compile(r"\s*(?:[一二三四五六七八九十]+[、.]|\(|\d+[、.]|#)")  # the next line is a heading or item
_ADDRESS_WORDS = lazy_re.compile(r"[路街号道楼镇村巷厦层室区]")
_URL = lazy_re.compile(r"https?:|www\.|@", re.IGNORECASE)
CONTACT_KINDS = ("phone", "fax", "email", "address", "postcode")


def _phones_at(text: str, start: int) -> List[Tuple[int, int]]:
    """Spans of the phone number(s) printed at ``start`` ("0536-6221579、6221580")."""
    spans = []
    position = start
    while True:
        match = _PHONE.match(text, position)
        if not match:
            return spans
        spans.append((match.start(), match.end()))
        glue = _MORE_PHONES.match(text, match.end())
        position = glue.end() if glue else match.end()
        if not glue:
            return spans


def _wrapped(text: str, newline: int) -> bool:
    """The line ending at ``newline`` was wrapped inside a sentence (PDF text): it is long."""
    before = text[max(0, newline - _WRAP_REACH): newline].rstrip()  # not the whole text before it
    return len(before) - (before.rfind("\n") + 1) >= _WRAPPED_LINE


def _address_end(text: str, start: int) -> int:
    """Where an address stops: punctuation, the next label or a paragraph end, past a bracket it
    opened ("1号(行政中心)7楼") and past a PDF line break inside it ("梧\n\n岭县文昌路")."""
    position = start
    limit = min(len(text), start + _ADDRESS_REACH)
    while True:
        stop = _ADDRESS_STOP.search(text, position, limit)
        end = stop.start() if stop else limit
        if stop and stop.group(0) == ")" and text.count("(", start, end) > text.count(")", start, end):
            position = end + 1
            continue
        if (stop and stop.group(0) == "\n" and _wrapped(text, end) and end - start < _MAX_ADDRESS_CHARS
                and not _NEW_ITEM.match(text, end)):
            position = end + 1
            continue
        label = _CONTACT_LABEL.search(text, start, end)
        return label.start() if label else end


def _address_at(text: str, start: int, colon: bool) -> List[Tuple[int, int]]:
    end = _address_end(text, start)
    value = "".join(text[start:end].split())
    if len(value) < 3 or _URL.search(value) or not HAN.search(value):
        return []
    if not colon and not _ADDRESS_WORDS.search(value):
        return []
    return [(start, start + len(text[start:end].rstrip()))]


def _values_at(kind: str, text: str, start: int, colon: bool) -> List[Tuple[int, int]]:
    if kind in ("phone", "fax"):
        return _phones_at(text, start)
    if kind == "address":
        return _address_at(text, start, colon)
    pattern = _EMAIL if kind == "email" else _POSTCODE
    match = pattern.match(text, start)
    return [(match.start(), match.end())] if match else []


# Full-width digits, letters, "@" and "." in numbers and e-mail addresses become plain ASCII so the
# values are usable as data; dashes stay as printed (contact-invalid judges them).
_ASCII_CONTACT = {code: code - 0xFEE0 for code in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
                  + list(range(0xFF41, 0xFF5B)) + [0xFF20, 0xFF0E, 0xFF3F]}


# Every contact label starts with one of these (its words' first characters; "e-mail" in either case).
# The label pattern's many optional branches keep the regex engine from skipping ahead by itself:
# scanning a whole report with it cost about 2 ms, trying it only where a label can start a tenth.
_CONTACT_LABEL_START = lazy_re.compile("[传电邮联咨办服监投值通地eE]")


def contact_labels(text: str) -> Iterator["re.Match[str]"]:
    """``_CONTACT_LABEL.finditer(text)``, tried only where a label can start."""
    position = 0
    for start in _CONTACT_LABEL_START.finditer(text):
        if start.start() < position:
            continue
        label = _CONTACT_LABEL.match(text, start.start())
        if label is not None:
            yield label
            position = label.end()


def find_contacts(flow: Flow) -> Tuple[Dict[str, List[str]], Dict[str, Any]]:
    """Label-driven contacts over the whole document, and their locations.

    Values are as printed, except that numbers and e-mail addresses are in ASCII (``０５３６`` -> ``0536``).
    """
    text = flow.text
    found: Dict[str, List[Tuple[str, int]]] = {kind: [] for kind in CONTACT_KINDS}
    for label in contact_labels(text):
        kind = label.lastgroup
        glue = _LABEL_GLUE.match(text, label.end())
        colon = ":" in glue.group(0) or "：" in glue.group(0)
        for start, end in _values_at(kind, text, glue.end(), colon):
            found[kind].append((one_line(flow.raw[start:end]), start))
    for match in _EMAIL.finditer(text) if "@" in text else ():  # an e-mail address is one without a label too
        found["email"].append((flow.raw[match.start():match.end()], match.start()))
    contacts: Dict[str, List[str]] = {}
    locations: Dict[str, Any] = {}
    for kind in CONTACT_KINDS:
        contacts[kind] = []
        for value, start in found[kind]:
            if kind != "address":
                value = value.translate(_ASCII_CONTACT)
            if value not in contacts[kind]:
                locations[f"meta.contacts.{kind}.{len(contacts[kind])}"] = flow.location(start).to_dict()
                contacts[kind].append(value)
    return contacts, locations


# ------------------------------------------------------------------------------------------- signature

_DATE_AT_END = lazy_re.compile(
    r"(?P<y>\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$"
)
_DATE_REACH = 80  # characters at the end of a line searched for its date (a date with spaces is shorter)
_PAGE_CHROME = lazy_re.compile(r"^(?:[\[【]?(?:打印|关闭|返回顶部|返回|分享|收藏|打印本页|关闭窗口|字号|大|中|小)[\]】]?\s*)+$")


def _number(text: str) -> Optional[int]:
    return int(text) if text.isdigit() else chinese_number(text)


def date_line(text: str) -> Optional[Tuple[str, Optional[str]]]:
    """(text before the date, ISO date) for a line that ends with a date ("2021年1月22日", "二〇二二年一月六日")."""
    # searched in the line's last characters, not matched from its start: "（" * 30,000 stays linear
    line = _strip_end(normalize(text).strip(), ")")
    match = _DATE_AT_END.search(line, max(0, len(line) - _DATE_REACH))
    if not match:
        return None
    parts = [_number(match.group(name)) for name in ("y", "m", "d")]
    date = iso_date(*(str(p) for p in parts)) if None not in parts else None
    return _strip_end(line[:match.start()], "(").strip(), date


def _strip_end(text: str, chars: str) -> str:
    """``text`` without the white space and ``chars`` at its end (a loop: ``[\\s(]*$`` is quadratic)."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return text[:end]


def find_signature(lines: Sequence[Line], sections: Sections) -> Optional[Dict[str, Any]]:
    """The closing agency and date lines (either may be alone), or None when the text ends in prose."""
    after = sections.parts[-1].line_index + 1 if sections.parts else 0
    tail = [i for i in range(after, len(lines))
            if lines[i].text.strip() and not _PAGE_CHROME.match(squeeze(lines[i].text))][-2:]
    agency = date = None
    where: Optional[int] = None
    for index in reversed(tail):
        text, _ = _stripped(lines[index])
        dated = date_line(text)
        if dated and date is None and (not dated[0] or is_agency_name(squeeze(dated[0]))):
            before, date = dated
            where = index
            if before:  # "某某局 2021年1月22日" on one line
                agency = before
                break
            continue
        if agency is None and is_agency_name(squeeze(text)):
            agency, where = text, index
            continue
        break
    if where is None or (agency is None and date is None):
        return None
    agency_line = next((i for i in tail if agency and agency in lines[i].text), where)
    text, offset = _stripped(lines[agency_line])
    return {"agency": squeeze(agency) if agency else None, "date": date,
            "location": offset_location(lines[agency_line], offset).to_dict()}


# ------------------------------------------------------------------------------------------ year, etc.

_REPORT_YEAR = lazy_re.compile(r"(?<!\d)(\d{4})\s*年度?\s*(?:政府|政务)?信息公开(?:工作)?的?年度?(?:工作)?报告")
_FIRST_YEAR, _LAST_YEAR = 1990, 2100
_PUBLISHED = lazy_re.compile(
    r"(?:发布|发表)(?:日期|时间)\s*[:：|]?\s*\|?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)


def _plausible(year: int) -> bool:
    return _FIRST_YEAR <= year <= _LAST_YEAR


def years_in(text: str) -> List[int]:
    r"""Each plausible year printed as "YYYY年" (four digits, no digit before them; white space may
    stand before 年), in order. Found from each 年 backwards: the pattern ``(?<!\d)(\d{4})\s*年`` was
    tried at every character of the whole text (1.3% of a batch check)."""
    years: List[int] = []
    end = text.find("年")
    while end >= 0:
        start = end
        while start and text[start - 1].isspace():  # (str.isspace and str.isdecimal: the \s and \d of re)
            start -= 1
        digits = text[start - 4: start] if start >= 4 else ""
        if digits.isdecimal() and not (start > 4 and text[start - 5].isdecimal()) and _plausible(int(digits)):
            years.append(int(digits))
        end = text.find("年", end + 1)
    return years


def report_year(title: Optional[Title], text: str, period: Dict[str, Any], opening_text: str) -> Optional[int]:
    """Title year; else "…YYYY年度政府信息公开…报告" in the text; else the period's start; else the first
    year of part 一."""
    if title and title.year and _plausible(title.year):
        return title.year
    for match in _REPORT_YEAR.finditer("".join(text.split())):  # (str.split's white space is the \s of re)
        if _plausible(int(match.group(1))):
            return int(match.group(1))
    start_year = _year_of(period["start"]) or (_leading_year(period["raw"]) if period["raw"] else None)
    if start_year and _plausible(start_year):
        return start_year
    years = years_in(opening_text)
    return years[0] if years else None


# 2007-style headings (docs/domain.md, legal basis) and the table words of each format.
_PRE_2019_HEADING = lazy_re.compile(
    r"^(?:概述|政府信息公开的?收费及减免的?情况|依申请公开政府信息和不予公开政府信息的?情况|(?:政府信息公开)?咨询处理的?情况)$"
)
_FORMAT_WORDS = {
    "2019": ("本年新制作数量", "对外公开总数量", "上一年项目数量", "本年增/减", "第二十条第(九)项", "政府集中采购"),
    "2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额"),
}
_MIN_FORMAT_WORDS = 2
_TABLE_WORDS = ("第二十条第", "申请人情况", "本年新收政府信息公开申请", "结果维持")


def _has_pre_2019_headings(lines: Sequence[Line]) -> bool:
    for line in lines:
        heading = read_heading(line)
        if heading and not is_sentence(heading.words) and _PRE_2019_HEADING.match(heading.words):
            return True
    return False


def template_of(tables: TableResult, lines: Sequence[Line], squeezed: str, year: Optional[int]) -> Optional[str]:
    if tables.template:
        return tables.template
    if _has_pre_2019_headings(lines):
        return "pre-2019"
    hits = {name: sum(word in squeezed for word in words) for name, words in _FORMAT_WORDS.items()}
    best = max(hits, key=lambda name: hits[name])
    if hits[best] >= _MIN_FORMAT_WORDS and hits["2019"] != hits["2021"]:
        return best
    has_table = (any(table is not None for table in tables.tables.values())
                 or any(isinstance(info, dict) and info.get("found") for info in tables.info.values())
                 or any(word in squeezed for word in _TABLE_WORDS))
    if year is None or not has_table:
        return None
    if year >= 2021:
        return "2021"
    return "2019" if year >= 2019 else None


def find_published(document: Document, flow: Flow, limit_offset: int) -> Tuple[Optional[str], Optional[str], Any]:
    """(date, source, location): page metadata first, else a 发布日期/发表日期 in the page header text."""
    if document.metadata.get("published"):
        return document.metadata["published"], "metadata", None
    for match in _PUBLISHED.finditer(flow.text, 0, limit_offset):
        date = iso_date(*match.groups())
        if date:
            return date, "text", flow.location(match.start()).to_dict()
    return None, None, None


_UNDER_TITLE = 3  # lines after the title where a date standing alone is the publication date


def date_under_title(lines: Sequence[Line], title: Title, limit: int) -> Tuple[Optional[str], Any]:
    """(date, location) of a date printed alone on a line just under the title ("2022年1月18日")."""
    where = (title.location.page, title.location.line)
    start = next((i for i, line in enumerate(lines[:limit]) if (line.location.page, line.location.line) == where), None)
    if start is None:
        return None, None
    following = [line for line in lines[start + 1: limit] if line.text.strip()][:_UNDER_TITLE]
    for line in following:
        dated = date_line(line.text.strip().lstrip("#>* "))
        if dated and not dated[0] and dated[1]:
            return dated[1], line.location.to_dict()
    return None, None


# ---------------------------------------------------------------------------------------------- entry

_HEADER_LINES = 40  # where a title or page header is looked for when no part heading is found


def _text_of(lines: Sequence[Line]) -> str:
    return normalize(blank_markers("\n".join(line.text for line in lines)))


def extract_meta(document: Document, sections: Sections, tables: TableResult,
                 flow: Optional[Flow] = None) -> MetaResult:
    lines = document.lines
    flow = flow if flow is not None else Flow(lines)
    header_end = sections.preamble_end if sections.parts else min(len(lines), _HEADER_LINES)
    locations: Dict[str, Any] = {}

    title = find_title(lines, header_end, document.metadata)
    period = find_period(flow)
    contacts, contact_locations = find_contacts(flow)
    signature = find_signature(lines, sections)
    part_one = sections.part(1)
    opening_lines = lines[: part_one.end] if part_one else lines
    opening_text = _text_of(lines[part_one.body_start: part_one.end]) if part_one else flow.text

    agency = (title.org if title and title.org else None) or named_report_agency(_text_of(lines[:header_end])) or (
        contact_agency(flow.text)) or (
        signature["agency"] if signature else None) or opening_agency(_text_of(opening_lines))
    year = report_year(title, flow.text, period, opening_text)
    squeezed = "".join(flow.text.split())  # (squeeze: flow.text is normalised already)
    header_offset = sum(len(line.text) + 1 for line in lines[:header_end])
    published, published_source, published_location = find_published(document, flow, header_offset)
    if published is None and title is not None:
        published, published_location = date_under_title(lines, title, header_end)
        published_source = "text" if published else None

    if title and title.location:
        locations["meta.title"] = title.location.to_dict()
    if period["location"]:
        locations["meta.period"] = period["location"]
    if signature:
        locations["meta.signature"] = signature["location"]
    if published_location:
        locations["meta.published"] = published_location
    locations.update(contact_locations)
    return MetaResult(meta={
        "title": title.text if title else None,
        "title_location": title.location.to_dict() if title and title.location else None,
        "agency": agency,
        "year": year,
        "template": template_of(tables, lines, squeezed, year),
        "period": period,
        "contacts": contacts,
        "signature": signature,
        "published": published,
        "published_source": published_source,
        "years_mentioned": sorted(set(years_in(flow.text))),
    }, locations=locations)
