"""Title, agency, year, template, period, contacts, signature and publication date, read exactly as
printed and never guessed."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from giklint.api import parse
from giklint.extract import extract
from giklint.extract.meta import extract_meta, parse_date, years_in
from giklint.extract.sections import find_sections
from giklint.extract.tables import TableResult
from giklint.loaders.text import load_text

from conftest import EXAMPLES, load_yaml, real_reports

DATA = Path(__file__).resolve().parent / "data" / "meta"


def meta_of(text: str, name: str = "report.txt") -> dict:
    return parse(text.encode("utf-8"), name=name)["meta"]


def model_of_file(name: str) -> dict:
    return parse(DATA / name)


# --------------------------------------------------------------------------------------- a full report

def test_a_complete_report_gives_every_field():
    model = model_of_file("county-2021.txt")
    meta = model["meta"]
    assert meta["title"] == "某某县自然资源局2021年政府信息公开工作年度报告"
    assert meta["title_location"] == {"line": 2, "column": 3}
    assert meta["agency"] == "某某县自然资源局"
    assert meta["year"] == 2021
    assert meta["template"] == "2021"
    assert meta["period"] == {"start": "2021-01-01", "end": "2021-12-31", "raw": "自2021年1月1日起至2021年12月31日止",
                              "valid": True, "location": {"line": 5, "column": 39}}
    assert meta["contacts"] == {
        "phone": ["0311—7411001"], "fax": ["0311-7411002"], "email": ["mmxzrj@163.com"],
        "address": ["某某县人民路88号（行政中心）7-8楼"], "postcode": ["050001"]}
    assert meta["signature"] == {"agency": "某某县自然资源局", "date": "2022-01-18", "location": {"line": 19, "column": 1}}
    assert (meta["published"], meta["published_source"]) == ("2022-01-20", "text")
    assert meta["years_mentioned"] == [2021]
    locations = model["locations"]
    assert locations["meta.title"] == {"line": 2, "column": 3}
    assert locations["meta.period"] == {"line": 5, "column": 39}
    assert locations["meta.signature"] == {"line": 19, "column": 1}
    assert locations["meta.published"] == {"line": 4, "column": 1}
    assert locations["meta.contacts.phone.0"]["line"] == 5


def test_a_garbled_period_stays_raw_and_invalid():
    meta = model_of_file("garbled-period.md")["meta"]
    assert meta["title"] == "某某区卫生健康局2021年政府信息公开工作年度报告"
    assert meta["period"]["raw"] == "自20211月1日起至202212月31日止"
    assert (meta["period"]["start"], meta["period"]["end"], meta["period"]["valid"]) == ("2021-01-01", "2022-12-31", False)
    assert meta["contacts"]["phone"] == ["0936-8212014"] and meta["contacts"]["postcode"] == ["734000"]
    assert meta["published"] == "2022-01-05"
    assert meta["signature"] is None  # the report ends in "无。"


# ---------------------------------------------------------------------------------------------- title

@pytest.mark.parametrize("text, title, agency, year", [
    ("甘州区卫生健康局2021年政府信息公开工作年度报告\n正文。", "甘州区卫生健康局2021年政府信息公开工作年度报告", "甘州区卫生健康局", 2021),
    ("2019年上海市人民政府办公厅政府信息公开工作年度报告\n", "2019年上海市人民政府办公厅政府信息公开工作年度报告",
     "上海市人民政府办公厅", 2019),
    ("平潭综合实验区2023年度政府信息公开工作年度报告\n", "平潭综合实验区2023年度政府信息公开工作年度报告", "平潭综合实验区", 2023),
    ("山西省人民政府外事办公室\n2021年政府信息公开工作年度报告\n", "山西省人民政府外事办公室2021年政府信息公开工作年度报告",
     "山西省人民政府外事办公室", 2021),
    ("天津市2020年政府信息公开工作年度报告\n", "天津市2020年政府信息公开工作年度报告", "天津市", 2020),
    ("某某局政府信息公开工作年度报告（2022年度）\n", "某某局政府信息公开工作年度报告（2022年度）", "某某局", 2022),
])
def test_title_forms(text, title, agency, year):
    meta = meta_of(text)
    assert (meta["title"], meta["agency"], meta["year"]) == (title, agency, year)


def test_title_split_over_markdown_heading_lines_is_joined():
    meta = meta_of("# 乐山市市中区卫生健康局\n\n## 2021 年政府信息公开工作年度报告\n\n正文。\n", "r.md")
    assert meta["title"] == "乐山市市中区卫生健康局2021 年政府信息公开工作年度报告"
    assert meta["title_location"] == {"line": 1, "column": 3}


def test_title_from_a_metadata_row():
    meta = meta_of("索引号 : | 1150/2020-1 |\n标题 : | 重庆市2019年政府信息公开工作年度报告 |\n根据《条例》编制。\n")
    assert meta["title"] == "重庆市2019年政府信息公开工作年度报告"
    assert meta["title_location"] == {"line": 2, "column": 8}


@pytest.mark.parametrize("text, title, agency, year, location", [
    # a title naming its organ wins over a bare page-header title above it
    ("政府信息公开年度报告\n\n某某市数据局2025年政府信息公开工作年度报告\n\n根据《条例》编制。\n一、总体情况\n",
     "某某市数据局2025年政府信息公开工作年度报告", "某某市数据局", 2025, {"line": 3, "column": 1}),
    # a repeated 关于… title takes the organ printed above its second copy
    ("关于2021年度政府信息公开工作的年度报告\n发布时间:2022-01-25 来源:某镇党政办\n\n某某县某某镇人民政府\n\n"
     "关于2021年度政府信息公开工作的年度报告\n\n一、总体情况\n正文。\n",
     "某某县某某镇人民政府关于2021年度政府信息公开工作的年度报告", "某某县某某镇人民政府", 2021, {"line": 4, "column": 1}),
    # a labelled metadata line "标题: …"
    ("标题: 某某区2025年度政府信息公开工作年度报告\n发布时间: 2026-03-10 12:56\n正文。\n",
     "某某区2025年度政府信息公开工作年度报告", "某某区", 2025, {"line": 1, "column": 5}),
])
def test_the_title_that_names_the_organ_is_chosen(text, title, agency, year, location):
    meta = meta_of(text)
    assert (meta["title"], meta["agency"], meta["year"], meta["title_location"]) == (title, agency, year, location)


def test_a_sentence_naming_the_report_is_not_a_title():
    meta = meta_of("现公布甘州区卫生健康局2021年政府信息公开工作年度报告。\n一、总体情况\n")
    assert meta["title"] is None and meta["title_location"] is None
    assert meta["year"] == 2021  # still the report year, read from the sentence


# --------------------------------------------------------------------------------------------- agency

@pytest.mark.parametrize("sentence, agency", [
    ("如对本报告有疑问，请与赤水市卫生健康局办公室联系（电话：0851-22861640）。", "赤水市卫生健康局"),
    ("如有疑问，请联系甘州区卫生健康局政办室(电话0936-8212014)。", "甘州区卫生健康局"),
    ("若有疑问，可直接与漳平市财政局人秘股联系。", "漳平市财政局"),
    ("若对报告有任何疑问，请与大垅乡党政办公室联系。", "大垅乡"),
    ("如对报告有任何疑问，请联系山西省人民政府外事办公室(地址:太原市)。", "山西省人民政府外事办公室"),
])
def test_agency_from_the_contact_sentence_without_the_office(sentence, agency):
    assert meta_of(sentence + "\n一、总体情况\n正文。\n")["agency"] == agency


@pytest.mark.parametrize("sentence, agency", [
    ("根据《条例》，编制完成《某某县林业局2023年政府信息公开工作年度报告》，所列数据自2023年1月1日起。", "某某县林业局"),
    ("根据相关规定，编制某某市某某区统计局2024年政府信息公开工作年度报告。", "某某市某某区统计局"),
    ("根据《条例》要求，公开我局2020年度政府信息公开工作年度报告。", None),
])
def test_agency_from_the_report_named_in_the_preamble(sentence, agency):
    assert meta_of(sentence + "\n一、总体情况\n正文。\n")["agency"] == agency


def test_agency_from_the_signature_when_no_title_or_contact():
    meta = meta_of("一、总体情况\n本局工作良好。\n六、其他需要报告的事项\n无。\n某某县审计局\n2022年1月10日\n")
    assert meta["agency"] == "某某县审计局"


def test_agency_from_the_first_sentence_of_part_one():
    meta = meta_of("一、总体情况\n2020年,新乡市卫健委全面贯彻《条例》。\n二、主动公开政府信息情况\n")
    assert (meta["agency"], meta["year"]) == ("新乡市卫健委", 2020)


def test_we_or_this_office_is_no_agency():
    assert meta_of("一、总体情况\n2020年，我局全面贯彻《条例》。\n")["agency"] is None


# ----------------------------------------------------------------------------------------------- year

def test_year_from_a_report_named_in_the_text():
    meta = meta_of("根据《条例》要求，公开我局2020年度政府信息公开工作年度报告。\n总体情况\n2019年以来…\n")
    assert meta["year"] == 2020


def test_year_from_the_period_when_nothing_else_names_it():
    meta = meta_of("本报告所列统计数据的期限自2019年1月1日起至2019年12月31日止。\n一、总体情况\n2018年以来…\n")
    assert meta["year"] == 2019


def test_year_first_mentioned_in_part_one_with_a_space_before_nian():
    meta = meta_of("依据《条例》第五十条之规定，制作本报告。\n一、总体情况\n主动公开。2019 年，厅网站新增信息。2018年…\n")
    assert meta["year"] == 2019
    assert meta["years_mentioned"] == [2018, 2019]


# ------------------------------------------------------------------------------------------- template

def _meta_with_tables(text: str, tables: TableResult) -> dict:
    document = load_text(text.encode("utf-8"), "r.txt")
    return extract_meta(document, find_sections(document.lines), tables).meta


def test_template_is_the_tables_one_when_they_know_it():
    assert _meta_with_tables("某局2020年政府信息公开工作年度报告\n", TableResult(template="2021"))["template"] == "2021"


def test_template_pre_2019_from_2007_style_headings():
    text = "某局2016年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息的情况\n五、政府信息公开的收费及减免情况\n"
    assert meta_of(text)["template"] == "pre-2019"


def test_template_from_the_year_only_when_a_table_exists():
    assert meta_of("某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n")["template"] is None
    with_table = "某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
    assert meta_of(with_table)["template"] == "2021"
    assert meta_of(with_table.replace("2021", "2020"))["template"] == "2019"


def test_template_from_the_table_words_of_a_format():
    text = "某局2021年政府信息公开工作年度报告\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
    assert meta_of(text)["template"] == "2019"


# --------------------------------------------------------------------------------------------- period

@pytest.mark.parametrize("statement, start, end, raw", [
    ("本报告中所列数据的统计期限自2020年1月1日起，至2020年12月31日止。", "2020-01-01", "2020-12-31",
     "自2020年1月1日起，至2020年12月31日止"),
    ("本年度报告中所列数据统计期限从2021年1月1日到12月31日止。", "2021-01-01", "2021-12-31", "从2021年1月1日到12月31日止"),
    ("所列数据统计时限为2019年1月1日至2019年12月31日。", "2019-01-01", "2019-12-31", "2019年1月1日至2019年12月31日"),
    ("报告统计数据时限为2020年1月1日—2020年12月31日。", "2020-01-01", "2020-12-31", "2020年1月1日—2020年12月31日"),
    ("本报告所列数据的统计时间自2021年1月1日起至2021年12月31日。", "2021-01-01", "2021-12-31",
     "自2021年1月1日起至2021年12月31日"),
    ("本报告统计期限为2021年度。", "2021-01-01", "2021-12-31", "2021年度"),
    ("本报告内容涵盖2025年1月1日至12月31日期间的政府信息公开工作情况。", "2025-01-01", "2025-12-31",
     "2025年1月1日至12月31日"),
])
def test_clean_period_statements(statement, start, end, raw):
    period = meta_of(statement + "\n")["period"]
    assert (period["start"], period["end"], period["raw"], period["valid"]) == (start, end, raw, True)
    assert period["location"]["line"] == 1


def test_a_period_date_broken_across_pdf_lines():
    period = meta_of("本年度报告数据的统计期限为 2021 年 1 月 1 日至 2021\n\n年 12 月 31 日。\n")["period"]
    assert (period["start"], period["end"], period["valid"]) == ("2021-01-01", "2021-12-31", True)
    assert period["raw"] == "2021 年 1 月 1 日至 2021年 12 月 31 日"


def test_an_ambiguous_garbled_date_is_not_parsed():
    period = meta_of("本年度报告中所列数据统计期限从202011日起至20201231日止。\n")["period"]
    assert period == {"start": None, "end": "2020-12-31", "raw": "从202011日起至20201231日止", "valid": False,
                      "location": {"line": 1, "column": 15}}


@pytest.mark.parametrize("token, parsed", [
    ("20211月1日", ("2021-01-01", False)), ("202212月31日", ("2022-12-31", False)),
    ("20201231日", ("2020-12-31", False)), ("202011日", (None, False)), ("2021年2月30日", (None, False)),
    ("2021 年 1 月 1 日", ("2021-01-01", True)),
])
def test_parse_date_reads_only_unambiguous_dates(token, parsed):
    assert parse_date(token) == parsed


def test_a_date_span_without_a_statistics_keyword_is_no_period():
    period = meta_of("2021年1月1日至2021年12月31日，共收到申请3件。\n")["period"]
    assert period == {"start": None, "end": None, "raw": None, "valid": None, "location": None}


# ------------------------------------------------------------------------------------------- contacts

def test_contacts_with_and_without_colons_stop_at_punctuation():
    contacts = meta_of("请联系本局（电话0936-8212014，邮编：734000；E-mail：ab.c@x.gov.cn；地址：某市和平路138号。）\n")["contacts"]
    assert contacts == {"phone": ["0936-8212014"], "fax": [], "email": ["ab.c@x.gov.cn"],
                        "address": ["某市和平路138号"], "postcode": ["734000"]}


def test_a_local_number_and_a_postcode_with_a_leading_zero():
    contacts = meta_of("咨询电话：7411001，邮政编码：030001。\n")["contacts"]
    assert (contacts["phone"], contacts["postcode"]) == (["7411001"], ["030001"])


def test_a_fax_is_never_a_phone_and_floors_in_an_address_are_not_phones():
    contacts = meta_of("(地址:南京市汉中门大街145号7-8楼,传真:0597-7531466)\n")["contacts"]
    assert contacts["phone"] == [] and contacts["fax"] == ["0597-7531466"]
    assert contacts["address"] == ["南京市汉中门大街145号7-8楼"]


def test_an_address_wrapped_by_a_pdf_layout_is_joined_but_stops_before_a_heading():
    wrapped = "如对本报告有疑问，请与梧岭县教育局办公室联系（地址：梧\n\n岭县文昌路 12 号；邮编：337000）。\n"
    assert meta_of(wrapped)["contacts"]["address"] == ["梧岭县文昌路 12 号"]
    before_heading = "如对本报告有疑问，请与梧岭县教育局办公室联系，地址：梧岭县文昌路12号\n二、主动公开政府信息情况\n"
    assert meta_of(before_heading)["contacts"]["address"] == ["梧岭县文昌路12号"]


def test_urls_and_listed_field_names_are_not_contacts():
    text = ("电子版可在网站(http://www.gzchishui.gov.cn/zwgk/)下载。\n"
            "公开机关职能、办公地址、办公时间、联系方式、投诉电话等信息。网页地址：http://www.x.gov.cn\n")
    contacts = meta_of(text)["contacts"]
    assert contacts == {"phone": [], "fax": [], "email": [], "address": [], "postcode": []}


# ------------------------------------------------------------------------------------------ signature

def test_signature_agency_and_date_after_the_last_part():
    meta = meta_of("六、其他需要报告的事项\n无。\n\n昌乐县卫生健康局\n       　2021年1月22日\n \n")
    assert meta["signature"] == {"agency": "昌乐县卫生健康局", "date": "2021-01-22", "location": {"line": 4, "column": 1}}


def test_a_date_alone_or_an_agency_alone_is_a_signature():
    assert meta_of("六、其他需要报告的事项\n无。\n2022年1月6日\n")["signature"] == {
        "agency": None, "date": "2022-01-06", "location": {"line": 3, "column": 1}}
    assert meta_of("六、其他需要报告的事项\n无。\n某某县审计局\n")["signature"] == {
        "agency": "某某县审计局", "date": None, "location": {"line": 3, "column": 1}}


def test_no_signature_when_the_report_ends_in_text():
    assert meta_of("六、其他需要报告的事项\n无。\n")["signature"] is None
    assert meta_of("六、其他需要报告的事项\n截至2021年12月31日\n")["signature"] is None


# ------------------------------------------------------------------------------------------ published

def test_published_from_the_page_metadata_first():
    document = load_text("发布日期：2022-02-01\n某局2021年政府信息公开工作年度报告\n".encode("utf-8"), "r.txt")
    document.metadata["published"] = "2022-01-28"
    meta = extract(document)["meta"]
    assert (meta["published"], meta["published_source"]) == ("2022-01-28", "metadata")


def test_published_from_header_text_with_an_unpadded_day():
    meta = meta_of("西城区发改委2021年政府信息公开工作年度报告\n发布时间:2022-01-5\n一、总体情况\n")
    assert (meta["published"], meta["published_source"]) == ("2022-01-05", "text")


def test_no_publication_date_in_the_body_text():
    meta = meta_of("一、总体情况\n2022年1月5日发布时间:2022-01-05的通知。\n")
    assert (meta["published"], meta["published_source"]) == (None, None)


# ---------------------------------------------------------------------------------------- real reports

@pytest.mark.parametrize("document, label", real_reports(), ids=lambda p: getattr(p, "name", ""))
def test_real_reports_meta_matches_the_labels(document, label):
    expect = load_yaml(label)
    meta = parse(document)["meta"]
    assert (meta["agency"], meta["year"], meta["template"]) == (expect["agency"], expect["year"], expect["template"])
    period = expect["period"]
    if period.get("stated") is False:
        assert meta["period"]["start"] is None and meta["period"]["raw"] is None
    for key in ("start", "end", "raw"):
        if period.get(key):
            assert meta["period"][key] == period[key]
    for kind, values in (expect.get("contacts") or {}).items():
        assert meta["contacts"][kind] == values
    if expect.get("contacts") == {}:
        assert not any(meta["contacts"][kind] for kind in ("phone", "email", "address"))
    if "signature" in expect:
        signature = meta["signature"]
        want = expect["signature"]
        assert (signature and {"agency": signature["agency"], "date": signature["date"]}) == want
    if "published" in expect:
        assert meta["published"] == expect["published"]


def test_full_width_contact_numbers_come_out_in_ascii_and_the_address_as_printed():
    meta = meta_of("如有疑问，请联系本局办公室（地址：青禾县新华路１８号，邮编：３１６２００，"
                   "电话：０５３６－６２２１５７９，电子邮箱：ｑｈｗｊ＠１６３．ｃｏｍ）。\n")
    contacts = meta["contacts"]
    assert contacts["postcode"] == ["316200"]
    assert contacts["phone"] == ["0536－6221579"]  # the dash stays as printed
    assert contacts["email"] == ["qhwj@163.com"]
    assert contacts["address"] == ["青禾县新华路１８号"]


def test_contact_labels_are_found_where_the_label_pattern_finds_them():
    """contact_labels tries the label pattern only where a label can start: the same labels as the
    pattern scanning every position, on the reports and on strings made of the labels' characters."""
    import random

    from giklint.extract.meta import _CONTACT_LABEL, contact_labels

    def found(matches):
        return [(match.span(), match.lastgroup) for match in matches]

    chooser = random.Random(13)
    # the words the pattern is made of (a label added later is tried too), in either case, and separators
    words = re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]+", _CONTACT_LABEL.pattern)
    words += [word.upper() for word in words] + ["-", "：", ":", " ", "1", "2"]
    texts = ["".join(chooser.choice(words) for _ in range(60)) for _ in range(1000)]
    texts += [path.read_text(encoding="utf-8") for path in sorted((EXAMPLES / "reports").glob("*.md"))]
    assert any(found(contact_labels(text)) for text in texts)
    for text in texts:
        assert found(contact_labels(text)) == found(_CONTACT_LABEL.finditer(text))


@pytest.mark.parametrize("text, years", [
    ("2021年", [2021]),
    ("自2021 年1月至 2022\n年", [2021, 2022]),
    ("１２０２１年", []),  # five digits: no year
    ("x12021年2022年", [2022]),
    ("２０２１年度", [2021]),  # full-width digits are digits
    ("2021\u3000年", [2021]),
    ("1899年 3000年 2100年", [2100]),  # implausible years left out
    ("年2021年年", [2021]),
    ("021年 年", []),
])
def test_years_mentioned_are_four_digits_before_nian(text, years):
    assert years_in(text) == years
    assert years_in(text) == [int(y) for y in re.findall(r"(?<!\d)(\d{4})\s*年", text) if 1990 <= int(y) <= 2100]
