"""overview-length on hand-written models."""
from __future__ import annotations

from _text_models import BODIES, HEADINGS, only, part, report, run

from giklint_rules.overview_length import OverviewLength, character_count


def _report(chars, year=2021):
    body = ["公" * (chars - 100), "，。、 \t" * 50 + "1" * 100]  # punctuation and spaces do not count
    parts = [(1, HEADINGS[1], body)] + [(n, HEADINGS[n], BODIES[n]) for n in range(2, 7)]
    return report(year=year, parts=parts)


def test_character_count_counts_ideographs_letters_and_digits_only():
    assert character_count("2021年，本局（ABC）公开　信息。") == 14


def test_a_long_overview_is_info_at_part_one():
    model = _report(1001)
    finding = only(run(OverviewLength, model))
    assert (finding.code, finding.rule, finding.severity) == ("GK502", "overview-length", "info")
    assert finding.message == "第一部分“总体情况”共1001字，超过1000字（2021年格式要求原则上不超过1000字）"
    assert finding.line == part(model, 1)["location"]["line"]


def test_at_the_limit_passes_and_the_limit_is_an_option():
    assert run(OverviewLength, _report(1000)) == []
    assert len(run(OverviewLength, _report(1000), options={"max_chars": 800})) == 1


def test_2019_format_has_no_limit():
    assert run(OverviewLength, _report(3000, year=2020)) == []
