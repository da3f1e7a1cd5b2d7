"""Pairing a report with the same agency's report of the year before (giklint/pairing.py)."""
from __future__ import annotations

import pytest

from giklint.pairing import ReportKey, normalise_agency, pair_reports, previous_year_problem, same_agency


@pytest.mark.parametrize("one, other", [
    ("青禾县司法局", "青禾县司法局"),
    ("青禾县 司法局", "青禾县司法局"),  # a PDF's space between characters
    ("青禾县司法局（青禾县行政复议局）", "青禾县司法局"),  # a parenthesised second name
    ("新乡市卫健委", "新乡市卫生健康委员会"),  # an official short form
    ("青禾县人社局", "青禾县人力资源和社会保障局"),
    ("四川省乐山市市中区卫生健康局", "乐山市市中区卫生健康局"),  # the province written out
    ("乐山市市中区卫生健康局", "市中区卫生健康局"),  # the city dropped
    ("青禾县雁湖乡人民政府", "雁湖乡人民政府"),
    ("青禾县第２人民医院", "青禾县第2人民医院"),  # full-width digits
])
def test_the_same_agency_written_differently_is_the_same(one, other):
    assert same_agency(one, other) and same_agency(other, one)


@pytest.mark.parametrize("one, other", [
    ("青禾县司法局", "云溪市交通运输局"),
    ("青禾县司法局", "鹿鸣县司法局"),  # the same department of another county
    ("济南市市中区卫生健康局", "乐山市市中区卫生健康局"),  # a district name several cities have
    ("四川省卫生健康委员会", "卫生健康委员会"),  # the shorter name must name a place of its own
    ("四川省卫生健康委员会", "广东省卫生健康委员会"),
    ("青禾县人民政府", "青禾县人民政府办公室"),  # the government and its office are two organs
    ("青禾县城市管理局", "城市管理局"),
    ("青禾县司法局", None),
    ("", ""),
])
def test_different_or_unknown_agencies_are_not_the_same(one, other):
    assert not same_agency(one, other) and not same_agency(other, one)


def test_normalised_names_drop_spacing_punctuation_and_notes():
    assert normalise_agency(" 青禾县·司法局（行政复议局）\n") == "青禾县司法局"
    assert normalise_agency(None) == ""


def test_reports_pair_with_the_same_agency_of_the_year_before_whatever_the_order():
    keys = [ReportKey("青禾县司法局", 2022), ReportKey("云溪市交通运输局", 2021), ReportKey("青禾县 司法局", 2021),
            ReportKey("云溪市交通运输局", 2022), ReportKey("青禾县司法局", 2020)]
    pairing = pair_reports(keys)
    assert pairing.previous == {0: 2, 2: 4, 3: 1}
    assert pairing.ambiguous == {}


def test_a_gap_year_another_agency_or_an_unread_year_gives_no_pair():
    keys = [ReportKey("雁湖乡人民政府", 2022), ReportKey("雁湖乡人民政府", 2024), ReportKey("青禾县司法局", 2023),
            ReportKey(None, 2022), ReportKey("青禾县司法局", None), ReportKey("云溪市交通运输局", 2023)]
    assert pair_reports(keys).previous == {}


def test_two_candidates_for_last_year_leave_the_report_unpaired():
    """A draft and the final version, or two agencies both abbreviated the same way: no guess."""
    keys = [ReportKey("青禾县司法局", 2022), ReportKey("青禾县司法局", 2021), ReportKey("青禾县司法局", 2021)]
    pairing = pair_reports(keys)
    assert 0 not in pairing.previous
    assert pairing.ambiguous == {0: [1, 2]}


def test_two_reports_of_one_year_each_pair_with_the_single_previous_one():
    keys = [ReportKey("青禾县司法局", 2022), ReportKey("青禾县司法局", 2022), ReportKey("青禾县司法局", 2021)]
    assert pair_reports(keys).previous == {0: 2, 1: 2}


def test_previous_year_problem_says_what_was_found():
    this = ReportKey("云溪市交通运输局", 2022)
    assert previous_year_problem(this, ReportKey("云溪市交通运输局", 2021)) is None
    other_agency = previous_year_problem(this, ReportKey("青禾县司法局", 2021))
    assert "青禾县司法局" in other_agency and "云溪市交通运输局" in other_agency
    two_years_before = previous_year_problem(this, ReportKey("云溪市交通运输局", 2020))
    assert "2020" in two_years_before and "2021" in two_years_before
    both = previous_year_problem(this, ReportKey("青禾县司法局", 2023))
    assert "青禾县司法局" in both and "2023" in both


def test_previous_year_problem_is_silent_when_too_little_was_read():
    assert previous_year_problem(ReportKey("云溪市交通运输局", 2022), ReportKey(None, None)) is None
    assert previous_year_problem(ReportKey(None, 2022), ReportKey("青禾县司法局", 2021)) is None


def test_pairing_compares_only_names_that_end_alike_and_finds_what_comparing_all_finds():
    """pair_reports looks up candidates by the ends of names (thousands of reports are not compared all
    against all): its pairs are those of comparing every report with every report of the year before."""
    import random

    places = ["四川省", "乐山市", "市中区", "青禾县", "梧岭县", "雁湖乡", "湖南省", "长沙市", "岳麓区"]
    organs = ["卫生健康局", "卫健局", "司法局", "人社局", "人力资源和社会保障局", "市场监管局", "司法局（行政复议局）"]
    chooser = random.Random(13)
    for _ in range(200):
        keys = [ReportKey(None if chooser.random() < 0.05 else
                          "".join(chooser.sample(places, chooser.randint(0, 3))) + chooser.choice(organs),
                          chooser.choice([None, 2020, 2021, 2022])) for _ in range(chooser.randint(1, 40))]
        previous, ambiguous = {}, {}
        for index, key in enumerate(keys):
            if not key.known:
                continue
            candidates = [j for j, other in enumerate(keys) if other.known and other.year == key.year - 1
                          and same_agency(key.agency, other.agency)]
            if len(candidates) == 1:
                previous[index] = candidates[0]
            elif candidates:
                ambiguous[index] = candidates
        assert pair_reports(keys) == (previous, ambiguous)
