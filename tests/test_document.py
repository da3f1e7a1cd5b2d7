"""Locations: a shifted location is the same place further along its line, every other field kept."""
from __future__ import annotations

from dataclasses import fields, replace

from giklint.document import Location


def test_shifted_keeps_every_other_field():
    location = Location(**{f.name: index for index, f in enumerate(fields(Location), start=3)})
    assert location.shifted(5) == replace(location, column=location.column + 5)
    assert location.shifted(0) is location


def test_a_location_without_a_column_is_not_shifted():
    assert Location(page=2, line=7).shifted(4) == Location(page=2, line=7)


def test_to_dict_holds_the_fields_that_are_set_in_field_order():
    import itertools

    names = [f.name for f in fields(Location)]
    for chosen in itertools.chain.from_iterable(itertools.combinations(names, n) for n in range(len(names) + 1)):
        location = Location(**{name: names.index(name) + 1 for name in chosen})
        made = location.to_dict()
        assert list(made.items()) == [(name, names.index(name) + 1) for name in names if name in chosen]
        assert made is not location.to_dict()  # a fresh dict each time: callers may change it
    assert Location(line=0, column=0).to_dict() == {"line": 0, "column": 0}
