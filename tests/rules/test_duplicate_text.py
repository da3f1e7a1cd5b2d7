from __future__ import annotations

import pytest
from _cross_year import edited, example, line_of
from _rule_checks import assert_doc_page

from giklint.testing import check
from giklint_rules.duplicate_text import DuplicateText


def test_doc_page():
    assert_doc_page(DuplicateText)


def test_a_part_five_copied_with_the_years_moved_on_is_found_where_copying_starts():
    [finding] = check(DuplicateText, example("yunxi-jtj-2023.md"), previous=example("yunxi-jtj-2022.md"))
    assert finding.severity == "warning"
    assert finding.message.startswith("第五部分“存在的主要问题及改进情况”有100%的文字与上年报告相同，从“2023年，我局政府信息公开工作")
    assert (finding.line, finding.column) == (line_of("yunxi-jtj-2023.md", "2023年，我局政府信息公开工作仍存在"), 1)
    [last_year] = finding.related
    assert last_year.location["line"] == line_of("yunxi-jtj-2022.md", "2022年，我局政府信息公开工作仍存在")
    assert last_year.value == "100%"


def test_new_text_passes_and_a_partly_kept_part_passes_under_the_threshold():
    assert check(DuplicateText, example("yunxi-jtj-2022.md"), previous=example("yunxi-jtj-2021.md")) == []
    assert check(DuplicateText, example("wuling-mzj-2022.md"), previous=example("wuling-mzj-2021.md")) == []


def test_a_lower_threshold_finds_the_kept_measures_and_where_they_start():
    [finding] = check(DuplicateText, example("wuling-mzj-2022.md"), previous=example("wuling-mzj-2021.md"),
                      threshold=0.5)
    assert "有66%的文字与上年报告相同，从“2023年，我局将重点做好以下工" in finding.message
    assert finding.line == line_of("wuling-mzj-2022.md", "2023年，我局将重点做好以下工作")
    assert finding.related[0].location["line"] == line_of("wuling-mzj-2021.md", "2022年，我局将重点做好以下工作")


def test_other_parts_are_compared_when_configured():
    found = check(DuplicateText, example("yunxi-jtj-2023.md"), previous=example("yunxi-jtj-2022.md"), parts=[5, 6])
    assert [f.context for f in found] == ["第五部分“存在的主要问题及改进情况”", "第六部分“其他需要报告的事项”"]


def short_part_five(name: str, year: int):
    """The example with a part 五 of one short sentence (fewer than 50 characters)."""
    first, second = (line.text for line in example(name).part(5).lines)
    return edited(name, first, f"{year}年，我局政府信息公开工作未发现突出问题，将继续按计划推进。", second + "\n", "")


def test_a_part_shorter_than_min_length_is_not_compared():
    this_year, last_year = short_part_five("yunxi-jtj-2022.md", 2022), short_part_five("yunxi-jtj-2021.md", 2021)
    assert check(DuplicateText, this_year, previous=last_year) == []
    [finding] = check(DuplicateText, this_year, previous=last_year, min_length=20)
    assert "有100%的文字与上年报告相同" in finding.message


def test_another_agencys_report_is_not_compared():
    assert check(DuplicateText, example("yunxi-jtj-2023.md"), previous=example("wuling-mzj-2022.md")) == []


@pytest.mark.parametrize("option, value", [("threshold", 0), ("threshold", 1.5), ("parts", [7]), ("min_length", -1)])
def test_option_values_out_of_range_are_refused(option, value):
    with pytest.raises(ValueError):
        check(DuplicateText, example("yunxi-jtj-2023.md"), previous=example("yunxi-jtj-2022.md"), **{option: value})
