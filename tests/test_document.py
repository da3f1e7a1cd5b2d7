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
