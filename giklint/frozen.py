"""Frozen dataclass instances made in bulk, cheaply.

A frozen dataclass's generated ``__init__`` sets each field with ``object.__setattr__`` (about 2
microseconds for a seven-field location), and ``dataclasses.replace`` re-reads the class's fields on
every call. Extraction and the typed model make thousands of locations, tokens and cells per report,
so those few spots fill the instance's ``__dict__`` in one step instead. What comes out is the same
object the class's own constructor makes (same fields, equality, hash, repr and pickling); only
classes without ``__post_init__`` or slots qualify.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any, Callable, Dict, TypeVar

T = TypeVar("T")

_new = object.__new__


def builder(cls: "type[T]") -> Callable[..., T]:
    """``cls(*values)``, every field given positionally in declaration order."""
    names = tuple(item.name for item in fields(cls))

    def build(*values: Any) -> T:
        made = _new(cls)
        made.__dict__.update(zip(names, values))
        return made
    return build


def with_field(instance: T, name: str, value: Any) -> T:
    """``dataclasses.replace(instance, name=value)``."""
    made = _new(type(instance))
    state = made.__dict__
    state.update(instance.__dict__)
    state[name] = value
    return made


def from_mapping(cls: "type[T]", defaults: Dict[str, Any], values: Dict[str, Any]) -> T:
    """``cls(**values)`` for a class whose every field has a default (``defaults``: field -> default,
    immutable values only); a key that names no field raises the constructor's TypeError."""
    if not values.keys() <= defaults.keys():
        return cls(**values)
    made = _new(cls)
    state = made.__dict__
    state.update(defaults)
    state.update(values)
    return made
