"""Numbers in the text that restate table figures, and "共N…，其中a…、b…" sums: only clear statements."""
from __future__ import annotations

import pytest

from giklint.api import parse

from conftest import real_reports


def narrative_of(text: str, name: str = "report.txt") -> list:
    return parse(text.encode("utf-8"), name=name)["narrative"]


def kinds(text: str) -> list:
    return [(item["kind"], item["value"]) for item in narrative_of(text)]


def test_application_figures_with_clause_text_and_location():
    items = narrative_of("一、总体情况\n全年新收到政府信息公开申请779 件,上年结转政府信息公开申请数量37件,共计办结774件,结转下年办理42件。\n")
    assert [(i["kind"], i["value"], i["text"]) for i in items] == [
        ("new_received", 779, "全年新收到政府信息公开申请779 件"),
        ("carried_over", 37, "上年结转政府信息公开申请数量37件"),
        ("results_total", 774, "共计办结774件"),
        ("carried_forward", 42, "结转下年办理42件"),
    ]
    assert items[0]["location"] == {"line": 2, "column": 3}


@pytest.mark.parametrize("sentence, expected", [
    ("2021年，我局新收政府信息公开申请 2 条，1 条属于国家秘密不予公开。", [("new_received", 2)]),
    ("2021年度，我局共收到政府信息公开申请1件，已在规定时限内完成回复。", [("new_received", 1)]),
    ("全年共受理政府信息公开申请805件（含上年结转18件）。", [("received_incl_carried_over", 805), ("carried_over", 18)]),
    ("截止2020年12月31日，我局没有收到有关政府信息公开的申请。", [("new_received", 0)]),
    ("2021 年未收到依申请公开事项。", [("new_received", 0)]),
    ("全年未发生因政府信息公开被行政复议、提起行政诉讼情况。", [("review", 0), ("litigation", 0)]),
    ("被申请行政复议2件、提起行政诉讼7件。", [("review", 2), ("litigation", 7)]),
    ("全年无行政复议，行政诉讼1件。", [("review", 0), ("litigation", 1)]),
])
def test_restated_figures(sentence, expected):
    assert kinds(sentence + "\n") == expected


@pytest.mark.parametrize("sentence", [
    "承办人大代表建议7件，全部办结7件。",  # 办结 of something else than applications
    "行政复议、行政诉讼共3件。",  # 3 is not the number of 复议
    "申请人不服的，可以依法申请行政复议或者提起行政诉讼。",
    "全年收到留言450余次。",
    "截至2021年12月31日，共收到群众来信12件。",
])
def test_no_figure_where_the_text_is_not_clear(sentence):
    assert kinds(sentence + "\n") == []


def test_each_of_both_is_a_figure_for_both():
    assert kinds("行政复议、行政诉讼各0件。\n") == [("review", 0), ("litigation", 0)]


def test_no_review_application_is_no_review_and_no_information_application():
    assert kinds("未收到行政复议申请。\n") == [("review", 0)]


def test_table_rows_give_no_narrative_numbers():
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 1 | 4 |\n"
            "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n四、结转下年度继续办理 0 0 0 0 0 0 0\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
            "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n")
    assert narrative_of(text) == []


def test_sums_in_one_sentence_stop_at_the_total():
    items = narrative_of("2020年，承办人大代表建议7件，其中主办5件，协办2件，政协委员提案14件，其中主办11件，协办3件，面复率100%。\n")
    assert [(i["kind"], i["value"], i["parts"]) for i in items] == [("sum", 7, [5, 2]), ("sum", 14, [11, 3])]
    assert items[0]["text"] == "承办人大代表建议7件，其中主办5件，协办2件"
    assert items[0]["location"] == {"line": 1, "column": 15}


def test_a_sum_listed_over_several_lines_and_sentences():
    text = ("截至 2021 年 12 月 31 日，我局发布各类政府信息共计 64 条。\n\n其中，工作动态栏目发布 3 条。\n\n"
            "公示公告栏目发布 53 条。\n\n执法监督栏目发布 1 条。\n\n其他重点信息 7 条，加大宣传力度。\n\n（二）政府信息公开的载体。\n\n"
            "2021 年，我局通过门户网站公开 5 条。\n")
    items = narrative_of(text, "r.md")
    assert [(i["kind"], i["value"], i["parts"]) for i in items] == [("sum", 64, [3, 53, 1, 7])]
    assert items[0]["location"] == {"line": 1, "column": 34}


def test_a_sum_whose_parts_do_not_add_up_is_kept_for_the_rule():
    items = narrative_of("全年共公开信息148条。其中，概况信息11条，政策文件2条，财政信息6条。在微信公众号发布微文570篇。\n")
    assert [(i["value"], i["parts"]) for i in items] == [(148, [11, 2, 6])]


def test_a_new_sentence_that_totals_something_else_ends_the_list():
    items = narrative_of("共计15条。其中，卫生信息10条。共收到申请3件。\n")
    assert items[-1]["kind"] == "new_received"
    assert [i for i in items if i["kind"] == "sum"] == []  # one part is no enumeration


def test_approximate_totals_are_not_sums():
    assert narrative_of("发放资料约120条，其中海报60条，传单60条。\n") == []


def test_pdf_line_breaks_inside_a_number_phrase():
    text = "（三）信息公开情况。2021年我局共主动公开各类信息64\n\n条，其中工作动态信息 16 条，通知公告 3 条，\n\n规划计划 2 条，财政信息 32 条，行政处罚信息 11 条。\n"
    items = narrative_of(text)
    assert [(i["value"], i["parts"]) for i in items] == [(64, [16, 3, 2, 32, 11])]
    assert items[0]["text"] == "2021年我局共主动公开各类信息64条，其中工作动态信息 16 条，通知公告 3 条，规划计划 2 条，财政信息 32 条，行政处罚信息 11 条"


def _changle_sums(document) -> list:
    return [(i["value"], i["parts"]) for i in parse(document)["narrative"] if i["kind"] == "sum"]


@pytest.mark.parametrize("document, label", [pair for pair in real_reports() if "changle" in pair[0].name],
                         ids=lambda p: getattr(p, "name", ""))
def test_changle_sums_match_the_hand_labels(document, label):
    assert _changle_sums(document) == [(148, [11, 2, 6, 22, 10, 24, 17, 22, 34]), (7, [5, 2]), (14, [11, 3])]
    items = parse(document)["narrative"]
    assert ("new_received", 0) in [(i["kind"], i["value"]) for i in items]


@pytest.mark.parametrize("document, label", [pair for pair in real_reports() if "leshan" in pair[0].name],
                         ids=lambda p: getattr(p, "name", ""))
def test_leshan_sums_and_received_figure(document, label):
    items = parse(document)["narrative"]
    assert [(i["value"], i["parts"]) for i in items if i["kind"] == "sum"] == [
        (64, [3, 53, 1, 7]), (15, [10, 5]), (64, [16, 3, 2, 32, 11])]
    assert [(i["kind"], i["value"]) for i in items if i["kind"] != "sum"] == [("new_received", 2)]
