"""section-missing, section-order, section-numbering on hand-written models."""
from __future__ import annotations

import copy

from _text_models import BODIES, HEADINGS, only, part, report, run, without_part

from giklint_rules.sections import SectionMissing, SectionNumbering, SectionOrder


def test_a_missing_part_is_named_and_placed_before_the_next_part():
    model = without_part(report(), 4)
    finding = only(run(SectionMissing, model))
    assert (finding.code, finding.rule, finding.severity) == ("GK101", "section-missing", "error")
    assert finding.message == "缺少第四部分“政府信息公开行政复议、行政诉讼情况”的标题"
    assert finding.line == part(model, 5)["location"]["line"]
    assert "第五部分" in finding.context


def test_a_missing_last_part_is_placed_after_the_previous_part_ends():
    model = without_part(report(closing=()), 6)
    finding = only(run(SectionMissing, model))
    assert "第六部分“其他需要报告的事项”" in finding.message
    assert finding.line == part(model, 5)["lines"][-1]["location"]["line"]


def test_every_part_present_passes():
    assert run(SectionMissing, report()) == []


def test_a_configured_alias_heading_counts_as_the_part():
    model = without_part(report(), 6)
    model["other_headings"] = [{"text": "六、其他事项", "numbering": "六、", "location": {"line": 30, "column": 1},
                                "after_part": 5}]
    assert run(SectionMissing, model, options={"aliases": {"6": ["其他事项"]}}) == []
    # without the alias the heading does not count
    assert "第六部分" in only(run(SectionMissing, model)).message


def test_an_alias_for_another_part_does_not_cover_the_missing_one():
    model = without_part(report(), 6)
    model["other_headings"] = [{"text": "六、其他事项", "location": {"line": 30, "column": 1}}]
    assert len(run(SectionMissing, model, options={"aliases": {"5": ["其他事项"]}})) == 1


def test_no_heading_at_all_gives_one_finding_not_six():
    model = report(parts=[])
    finding = only(run(SectionMissing, model))
    assert "未找到六个部分的标题" in finding.message


def test_parts_out_of_order_are_reported_at_the_misplaced_heading():
    parts = [(n, HEADINGS[n], BODIES[n]) for n in (1, 2, 3, 5, 4, 6)]
    model = report(parts=parts)
    finding = only(run(SectionOrder, model))
    assert (finding.code, finding.rule, finding.severity) == ("GK102", "section-order", "warning")
    assert finding.message == ("第四部分“政府信息公开行政复议、行政诉讼情况”出现在第五部分“存在的主要问题及改进情况”之后，"
                               "顺序颠倒")
    assert finding.line == part(model, 4)["location"]["line"]


def test_a_repeated_part_is_reported_once_at_its_second_heading():
    parts = [(n, HEADINGS[n], BODIES[n]) for n in (1, 2, 3, 3, 4, 5, 6)]
    model = report(parts=parts)
    finding = only(run(SectionOrder, model))
    first, second = [p for p in model["sections"] if p["number"] == 3]
    assert "第三部分" in finding.message and "重复出现" in finding.message
    assert f"第{first['location']['line']}行" in finding.message
    assert finding.line == second["location"]["line"]


def test_parts_in_order_pass_even_with_one_missing():
    assert run(SectionOrder, report()) == []
    assert run(SectionOrder, without_part(report(), 4)) == []


def test_arabic_numbering_is_reported_at_the_heading():
    parts = [(n, HEADINGS[n], BODIES[n]) for n in range(1, 6)] + [(6, "6、 其他需要报告的事项", BODIES[6])]
    model = report(parts=parts)
    finding = only(run(SectionNumbering, model))
    assert (finding.code, finding.rule, finding.severity) == ("GK103", "section-numbering", "warning")
    assert finding.message == "第六部分“其他需要报告的事项”的标题编号为“6、”，应为“六、”"
    assert (finding.line, finding.column) == (part(model, 6)["location"]["line"], 1)


def test_numbering_read_from_the_heading_when_the_model_has_none():
    model = report()
    six = part(model, 6)
    six["heading"], six["numbering"] = "6.其他需要报告的事项", None
    assert "“6.”" in only(run(SectionNumbering, model)).message


def test_an_unnumbered_heading_and_a_renumbered_part_are_reported():
    model = report()
    part(model, 1)["heading"], part(model, 1)["numbering"] = "总体情况", None
    part(model, 6)["heading"], part(model, 6)["numbering"] = "五、其他需要报告的事项", "五、"
    messages = [f.message for f in run(SectionNumbering, model)]
    assert messages == ["第一部分“总体情况”的标题“总体情况”没有编号，应为“一、”",
                        "第六部分“其他需要报告的事项”的标题编号为“五、”，应为“六、”"]


def test_official_numbering_passes_including_markdown_headings():
    model = report()
    for p in model["sections"]:
        p["heading"] = "## " + p["heading"]
        p["numbering"] = None
    assert run(SectionNumbering, model) == []
    assert run(SectionNumbering, report()) == []


def test_odd_models_do_not_raise():
    model = copy.deepcopy(report())
    model["sections"][0].pop("lines")
    model["sections"][0]["heading"] = ""
    for rule in (SectionMissing, SectionOrder, SectionNumbering):
        run(rule, model)


def test_one_part_moved_to_the_front_is_the_only_one_reported():
    parts = [(n, HEADINGS[n], BODIES[n]) for n in (6, 1, 2, 3, 4, 5)]
    model = report(parts=parts)
    finding = only(run(SectionOrder, model))
    assert finding.message == "第六部分“其他需要报告的事项”出现在第一部分“总体情况”之前，顺序颠倒"
    assert finding.line == part(model, 6)["location"]["line"]
