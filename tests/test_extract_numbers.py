"""Reading flattened digit runs as numbers (domain.md §4.8)."""
from __future__ import annotations

from giklint.extract.numbers import segmentations


def row_total(numbers):
    return numbers[-1] == sum(numbers[:-1])


def test_a_run_has_one_reading_whose_total_is_the_sum():
    assert segmentations(["801000081"], 7, row_total) == [[80, 1, 0, 0, 0, 0, 81]]


def test_runs_split_by_stray_spaces_are_read_together():
    assert segmentations(["200", "000121"], 7, row_total) == [[20, 0, 0, 0, 0, 1, 21]]
    assert segmentations(["23", "0", "00", "0", "023"], 7, row_total) == [[23, 0, 0, 0, 0, 0, 23]]


def test_no_number_has_a_leading_zero():
    assert segmentations(["000"], 3) == [[0, 0, 0]]
    assert segmentations(["007"], 3) == [[0, 0, 7]]


def test_ambiguous_runs_give_every_reading():
    assert sorted(segmentations(["220000022"], 7, row_total)) == [[2, 20, 0, 0, 0, 0, 22], [22, 0, 0, 0, 0, 0, 22]]
    assert len(segmentations(["693665"], 3)) == 10


def test_sign_goes_to_the_first_number_and_a_fraction_to_the_last():
    assert [2648, -18, 538] in segmentations(["2648", "-18538"], 3)
    assert sorted(segmentations(["395", "2895.9"], 3)) == [[3, 95, 2895.9], [39, 5, 2895.9], [395, 2, 895.9],
                                                              [395, 28, 95.9], [395, 289, 5.9]]


def test_too_few_digits_or_too_many_readings_give_none():
    assert segmentations(["12"], 3) == []
    assert segmentations(["1" * 60], 15) == []
