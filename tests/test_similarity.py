"""The copied-text measure behind duplicate-text (giklint/similarity.py)."""
from __future__ import annotations

from giklint.similarity import copied_from, normalise

LAST_YEAR = ("2021年，我局政府信息公开工作存在以下不足：一是社会救助信息公开的颗粒度不够细；二是养老服务机构的评估结果公开滞后。"
             "\n\n2022年，我局将重点做好以下工作：一是按月分乡镇公开城乡低保、特困人员救助供养对象名单，注意保护个人隐私；"
             "二是在养老服务机构等级评定完成后10个工作日内公开评定结果。")


def test_a_copy_with_only_the_years_changed_is_copied_entirely():
    this_year = LAST_YEAR.replace("2022", "2023").replace("2021", "2022")
    copied = copied_from(LAST_YEAR, this_year)
    assert copied.share == 1.0
    assert copied.spans == [(0, len(this_year))] and copied.start == 0 and copied.previous_start == 0


def test_line_breaks_and_full_width_characters_do_not_hide_a_copy():
    this_year = LAST_YEAR.replace("，", "，\n").replace("10", "１０")
    assert copied_from(LAST_YEAR, this_year).share == 1.0


def test_a_copy_with_its_paragraphs_swapped_is_still_copied():
    first, second = LAST_YEAR.split("\n\n")
    assert copied_from(LAST_YEAR, second + "\n\n" + first).share == 1.0


def test_new_problems_with_last_years_measures_are_half_copied_and_copying_starts_at_the_measures():
    measures = LAST_YEAR.split("\n\n")[1].replace("2022年", "2023年")
    this_year = "2022年，我局政府信息公开工作还有不少差距：一是殡葬改革政策宣传解读不够深入；二是婚姻登记办事指南公开不及时。\n\n" + measures
    copied = copied_from(LAST_YEAR, this_year)
    assert 0.4 < copied.share < 0.75
    # the shared opening "2022年，我局政府信息公开工作" is copied too, but too short to be where copying starts
    assert copied.spans[0][0] == 0 and copied.spans[0][1] < 20
    assert this_year[copied.start:].lstrip("。\n").startswith("2023年，我局将重点做好以下工作")
    assert LAST_YEAR[copied.previous_start:].lstrip("。\n").startswith("2022年，我局将重点做好以下工作")


def test_another_agencys_text_on_the_same_subject_is_not_copied():
    other = ("2021年，我局政府信息公开工作仍有差距：一是教育经费使用和学生资助信息公开的及时性有待提高；"
             "二是对学校信息公开工作的指导不够，部分学校网站栏目更新缓慢。")
    assert copied_from(LAST_YEAR, other).share < 0.3


def test_texts_shorter_than_one_run_share_nothing():
    assert copied_from("无。", "无。").share == 0.0
    assert copied_from(LAST_YEAR, "").share == 0.0
    assert copied_from("", LAST_YEAR).start == -1


def test_normalising_keeps_the_way_back_to_the_original_text():
    text = "２０22年 ，\n我局"
    normal = normalise(text)
    assert normal.text == "0000年,我局"  # NFKC: the full-width comma is a comma
    assert [text[i] for i in normal.origin] == list("２０22年，我局")
