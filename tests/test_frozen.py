"""Frozen model objects built in bulk (giklint/frozen.py) are the objects their constructors make."""
from __future__ import annotations

import copy
import pickle

import pytest

from giklint import document, model
from giklint.frozen import builder, from_mapping, with_field

LOCATION_DEFAULTS = {name: None for name in ("line", "column", "page", "paragraph", "table", "row", "cell")}


def same_object(made, expected) -> None:
    assert type(made) is type(expected)
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    assert vars(made) == vars(expected)
    assert pickle.loads(pickle.dumps(made)) == expected and copy.deepcopy(made) == expected


def test_a_builder_makes_what_the_constructor_makes():
    location = model.Location(line=3, column=7)
    same_object(builder(model.Cell)("applications", "disclosed", "natural_person", 4, None, model.READ, location,
                                    True, True),
                model.Cell("applications", "disclosed", "natural_person", 4, None, model.READ, location,
                           recorded=True, located=True))
    same_object(builder(model.Line)("一、总体情况", location), model.Line("一、总体情况", location))


def test_an_object_built_is_still_frozen():
    made = builder(model.Line)("text", model.NOWHERE)
    with pytest.raises(AttributeError):
        made.text = "other"


def test_with_field_is_replace():
    start = document.Location(line=4, column=2, page=1)
    same_object(with_field(start, "column", 9), document.Location(line=4, column=9, page=1))
    assert start.column == 2  # the original is left as it was


@pytest.mark.parametrize("values", [{}, {"line": 2}, {"page": 3, "line": 8, "column": 1}, {"table": 1, "row": 2, "cell": 3}])
def test_from_mapping_is_the_constructor_with_keywords(values):
    same_object(from_mapping(model.Location, LOCATION_DEFAULTS, values), model.Location(**values))


def test_from_mapping_refuses_a_key_the_constructor_refuses():
    with pytest.raises(TypeError):
        model.Location(lines=2)
    with pytest.raises(TypeError):
        from_mapping(model.Location, LOCATION_DEFAULTS, {"lines": 2})
