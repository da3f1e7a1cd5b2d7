"""``dataclass`` as the standard library makes it, without compiling its methods on every run.

Why: ``dataclasses.dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` (and, for a frozen class, ``__setattr__`` and ``__delattr__``) as source text and
compiles it with ``exec`` when the class is made, that is at every import. A ``giklint check`` of one
report makes some sixty such classes (the report model, locations, findings, options), and compiling
their ~270 small functions was about a third of the whole run's instructions. The source text of a
class's methods is the same on every run, so the compiled code can be kept: this module keeps it,
keyed by that text, in one file in the user's cache folder (a :class:`giklint.user_cache.KeptTable`), and
:func:`dataclass` hands ``dataclasses`` the kept code instead of letting it compile again. The class
that comes out is the one ``dataclasses.dataclass`` makes (same methods, same ``fields()``,
``replace()``, ``asdict()``): only where the compiled code comes from differs.

How: ``dataclasses`` calls ``exec(source, globals, namespace)`` by the name ``exec``, which Python
looks up in the ``dataclasses`` module before the builtins (CPython 3.9-3.13). While
:func:`dataclass` runs, that name is this module's :func:`_exec_kept`, which runs the kept code
object for a source text it has seen and compiles (and keeps) one it has not.

Beyond the code: what ``dataclasses`` does around it (reading the annotations, writing the source,
building the fields) is as costly, and as much the same on every run; :mod:`giklint.class_recipe`
writes it down as a recipe on the first run and later runs make the class from that (kept in a
second table of the same kind). Classes a recipe cannot make go to ``dataclasses`` as above.

Safety: the files hold code that Python runs, so each is read only when this user owns it and no one
else can write it (:func:`giklint.user_cache.read_private`), only by the exact Python version that
wrote it (``sys.version``, in the file name and inside), and only when its checksum matches (a
damaged file is ignored, not run). Any problem means compiling afresh, never an error. Only CPython
uses the file. New code is added to the file when the process exits; the file is bounded.
"""
from __future__ import annotations

import dataclasses
import marshal
import sys
from functools import partial
from types import CodeType
from typing import Any, Callable, Optional, TypeVar, overload

from giklint.class_recipe import Recorder, class_key, replay, write_recipe
from giklint.user_cache import KeptTable

ClassType = TypeVar("ClassType", bound=type)

_USABLE = sys.implementation.name == "cpython"
MAX_CODES = 3000  # giklint and its rules make ~300 functions; a plugin making classes at run time cannot grow the file without end
# "dataclass-methods", not the "dataclass-code" of earlier versions, whose code was compiled with this module's
# ``from __future__ import annotations``: the methods' annotations were their names' text, not the fields' types
CODES = KeptTable("dataclass-methods", MAX_CODES, valid=lambda source, code: isinstance(source, str) and isinstance(code, CodeType))
MAX_RECIPES = 200  # giklint makes ~80 classes (~60 for one text report): room for two versions of them; past that, only one run's are kept (every run reads the whole file)
# a recipe is kept as marshal data and read only when used: what other versions of giklint's classes (or tests) left in the
# file costs a copy, not the making of their code objects
RECIPES = KeptTable("dataclass-recipe", MAX_RECIPES, valid=lambda key, recipe: isinstance(key, tuple) and isinstance(recipe, bytes))


@overload
def dataclass(cls: ClassType, **options: Any) -> ClassType: ...


@overload
def dataclass(cls: None = None, **options: Any) -> Callable[[ClassType], ClassType]: ...


def dataclass(cls: Optional[ClassType] = None, **options: Any) -> Any:
    """``dataclasses.dataclass(cls, **options)``, its methods' code kept between runs."""
    if cls is None:
        return lambda decorated: dataclass(decorated, **options)
    if not _USABLE:
        return dataclasses.dataclass(cls, **options)
    found = class_key(cls, options)
    if found is not None:
        key, values, field_slots = found
        recipe = RECIPES.table().get(key)
        if recipe is not None:
            try:
                return replay(cls, marshal.loads(recipe), values, field_slots)
            except Exception:  # a recipe this version cannot play (cls is as it was): dataclasses makes the class
                pass
    recorder = Recorder() if found is not None else None
    before = dict(cls.__dict__)
    namespace = vars(dataclasses)
    namespace["exec"] = partial(_exec_kept, recorder)
    try:
        made = dataclasses.dataclass(cls, **options)
    finally:
        namespace.pop("exec", None)
    if found is not None and made is cls:
        recipe = write_recipe(cls, values, field_slots, before, recorder)
        if recipe is not None:
            RECIPES.add(key, marshal.dumps(recipe))
    return made


def _exec_kept(recorder: Optional[Recorder], source: Any, globals: Optional[dict] = None, locals: Optional[dict] = None) -> None:  # noqa: A002 - exec's own parameter names
    """``exec(source, globals, locals)``, with the code compiled from ``source`` on an earlier run."""
    if not isinstance(source, str):
        if recorder is not None:
            recorder.complete = False
        exec(source, globals, locals)  # noqa: S102 - what dataclasses asked for
        return
    code = CODES.table().get(source)
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)  # as dataclasses' exec compiles it: no future flags of ours
        CODES.add(source, code)
    exec(code, globals, locals)  # noqa: S102 - the code dataclasses wrote, compiled from its own text
    if recorder is not None:
        recorder.watch(code, globals, locals)
