"""The six parts are found by their words, with the numbering kept as printed, and false headings
(表三 row labels, sentences, sub-items, table headers) are never taken for parts."""
from __future__ import annotations

import pytest

from giklint.api import parse
from giklint.extract.sections import find_sections, part_by_words
from giklint.loaders.text import load_text

from conftest import load_yaml, real_reports

OFFICIAL = """某县卫生健康局2021年政府信息公开工作年度报告
本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。
一、总体情况
2021年，某县卫生健康局认真贯彻《条例》。
二、主动公开政府信息情况
第二十条第（一）项
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年度办理结果
四、结转下年度继续办理 0 0 0 0 0 0 0
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
五、存在的主要问题及改进情况
问题不少。
六、其他需要报告的事项
无。
"""


def sections_of(text: str, name: str = "report.txt") -> list:
    return parse(text.encode("utf-8"), name=name)["sections"]


def numbers(text: str, name: str = "report.txt") -> list:
    return [s["number"] for s in sections_of(text, name)]


def test_official_headings_give_six_parts_with_numbering_location_and_body():
    sections = sections_of(OFFICIAL)
    assert [s["number"] for s in sections] == [1, 2, 3, 4, 5, 6]
    assert [s["numbering"] for s in sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert sections[0]["heading"] == "一、总体情况"
    assert sections[0]["location"] == {"line": 3, "column": 1}
    assert sections[0]["body"] == "2021年，某县卫生健康局认真贯彻《条例》。"
    assert sections[5]["body"] == "无。"


def test_table_row_labels_and_the_table_header_are_not_headings():
    sections = sections_of(OFFICIAL)
    assert [s["location"]["line"] for s in sections] == [3, 5, 7, 12, 14, 16]
    part_three = sections[2]["body"]
    assert "四、结转下年度继续办理" in part_three  # stays in the body of part 三


def test_preamble_ends_at_the_first_part_heading():
    lines = load_text(OFFICIAL.encode("utf-8"), "r.txt").lines
    found = find_sections(lines)
    assert found.preamble_end == 2
    assert found.parts[0].end == 4 and found.parts[-1].end == len(lines)


def test_no_heading_at_all_leaves_everything_in_the_preamble():
    lines = load_text("某局2021年工作很好。\n没有标题。\n".encode("utf-8"), "r.txt").lines
    found = find_sections(lines)
    assert found.parts == [] and found.preamble_end == len(lines)


@pytest.mark.parametrize("heading, number", [
    ("四、政府信息公开行政法复议、行政诉讼情况", 4),
    ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", 4),
    ("二、行政机关主动公开政府信息情况", 2),
    ("五、政府信息公开工作存在的问题及改进计划", 5),
    ("五、存在的主要问题和改进措施", 5),
    ("六、其他需要说明的事项", 6),
    ("六、其他事项", 6),
    ("六、其他需要报告得事项", 6),  # a typo
    ("三、收到和处理政府信息公开申请的情况", 3),
    ("第一部分 总体情况", 1),
])
def test_aliases_and_small_typos_name_their_part(heading, number):
    assert numbers(f"{heading}\n正文。\n") == [number]


def test_the_part_is_read_from_the_words_not_from_the_number():
    sections = sections_of("一、总体情况\n正文。\n二、主动公开政府信息情况\n四、存在的主要问题及改进情况\n")
    assert [(s["number"], s["numbering"]) for s in sections] == [(1, "一、"), (2, "二、"), (5, "四、")]


def test_numbering_is_kept_as_printed():
    sections = sections_of("总体情况\n正文。\n五、存在的主要问题及改进情况\n6、 其他需要报告的事项\n无。\n")
    assert [(s["number"], s["numbering"], s["heading"]) for s in sections] == [
        (1, None, "总体情况"), (5, "五、", "五、存在的主要问题及改进情况"), (6, "6、", "6、 其他需要报告的事项")]


def test_parenthesised_numbering_counts_when_the_whole_report_uses_it():
    sections = sections_of("（一）总体情况\n正文。\n（二）主动公开政府信息情况\n（六）其他需要报告的事项\n")
    assert [(s["number"], s["numbering"]) for s in sections] == [(1, "（一）"), (2, "（二）"), (6, "（六）")]


def test_sub_items_of_part_one_are_not_parts():
    text = ("一、总体情况\n（一）主动公开情况。\n（二）依申请公开情况。\n"
            "2.申请行政复议、提起行政诉讼情况。全年未发生因政府信息公开被行政复议、提起行政诉讼情况。\n"
            "2、主动公开政府信息情况\n二、主动公开政府信息情况\n")
    sections = sections_of(text)
    assert [(s["number"], s["location"]["line"]) for s in sections] == [(1, 1), (2, 6)]


def test_an_unnumbered_label_ending_in_a_colon_inside_part_one_is_not_a_part():
    text = ("一、总体情况\n2025年，本区工作平稳。\n政府信息主动公开情况：\n一是聚焦重点领域。\n"
            "政府信息依申请公开情况:\n未收到申请。\n")
    assert numbers(text) == [1]
    assert numbers("总体情况\n正文。\n主动公开政府信息情况\n正文。\n") == [1, 2]  # bare headings still count


def test_a_sentence_listing_the_parts_is_not_a_heading():
    text = "全文包括总体情况、主动公开政府信息情况、其他需要报告的事项。\n其他需要报告的事项，详见附件。\n"
    assert numbers(text) == []


def test_decorations_before_a_heading_are_skipped_and_the_column_points_at_the_heading():
    text = "## 一、总体情况\n正文。\n[image: 图片3]    二、主动公开政府信息情况\n   三、收到和处理政府信息公开申请情况\n"
    sections = sections_of(text, "report.md")
    assert [s["heading"] for s in sections] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
    assert [s["location"]["column"] for s in sections] == [4, 17, 4]


def test_a_heading_run_into_its_first_sentence_is_still_the_heading():
    sections = sections_of("一、总体情况。2021年，本局认真贯彻《条例》。\n二、主动公开政府信息情况\n")
    assert sections[0]["number"] == 1 and sections[0]["heading"] == "一、总体情况"
    assert "本局认真贯彻" in sections[0]["body"]


def test_a_missing_part_leaves_a_gap_and_the_previous_part_runs_to_the_next_heading():
    sections = sections_of("一、总体情况\n甲。\n三、收到和处理政府信息公开申请情况\n乙。\n丙。\n五、存在的主要问题及改进情况\n丁。\n")
    assert [s["number"] for s in sections] == [1, 3, 5]
    assert sections[1]["body"] == "乙。\n丙。"


def test_a_repeated_part_is_reported_twice_so_rules_can_flag_it():
    assert numbers("一、总体情况\n甲。\n二、主动公开政府信息情况\n一、总体情况\n") == [1, 2, 1]


def test_unrecognised_numbered_headings_are_listed_with_the_part_before_them():
    text = ("一、总体情况\n甲。\n五、政府信息公开的收费及减免情况\n"
            "1、主动公开的数量：2021年度，我局主动公开政府信息53条。\n三、本\n六、其他需要报告的事项\n七、附件说明\n")
    others = parse(text.encode("utf-8"), name="r.txt")["other_headings"]
    assert others == [
        {"text": "五、政府信息公开的收费及减免情况", "numbering": "五、", "location": {"line": 3, "column": 1},
         "after_part": 1},
        {"text": "七、附件说明", "numbering": "七、", "location": {"line": 7, "column": 1}, "after_part": 6},
    ]


@pytest.mark.parametrize("words", ["本年新收政府信息公开申请数量", "结转下年度继续办理", "政府信息公开的收费及减免情况",
                                   "政府信息公开工作情况", "咨询处理情况", "本年度办理结果"])
def test_words_that_name_no_part(words):
    assert part_by_words(words) is None


def test_a_table_header_without_numbering_is_not_part_four():
    assert numbers("四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n") == [4]


@pytest.mark.parametrize("document, label", real_reports(), ids=lambda p: getattr(p, "name", ""))
def test_real_reports_have_the_labelled_parts(document, label):
    expect = load_yaml(label)
    model = parse(document)
    assert [s["number"] for s in model["sections"]] == expect["sections_present"]
    if "section_6_heading" in expect:
        assert model["sections"][-1]["heading"] == expect["section_6_heading"]


def test_a_line_is_classified_the_same_when_read_again():
    from giklint.extract.sections import _classified, _heading_of, _is_other_heading, _part_of

    for text in ("一、总体情况", "二、主动公开政府信息情况", "2.申请行政复议、提起行政诉讼情况", "四、结转下年度继续办理",
                 "六、其他需要报告的事项", "一、总体情况。2021年，我局", "（一）加强组织领导", "| 予以公开 | 3 |", "   "):
        heading = _heading_of(text)
        number = _part_of(heading) if heading else None
        expected = (heading, number, heading is not None and number is None and _is_other_heading(heading))
        assert _classified(text) == expected
        assert _classified(text) == expected  # kept: the same answer the second time
    assert _classified("二、主动公开政府信息情况")[1] == 2
    assert _classified("（一）加强组织领导")[2] is False and _classified("三、加强组织领导工作")[2] is True
