"""Classes made from a recipe (giklint/class_recipe.py) are the classes ``dataclasses.dataclass`` makes:
the same fields, parameters, attributes in the same order, and methods with the same code, defaults,
closures and names; instances that compare, hash, print, replace, convert and pickle alike. Checked
for every class giklint makes, and for the cases a recipe must not cover or must tell apart."""
from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
import textwrap
import types
from pathlib import Path
import typing
from typing import Any, List, Optional, Tuple

import pytest

from test_records import fresh_cache  # noqa: F401  (a fixture)

from giklint import class_recipe, records

pytestmark = pytest.mark.skipif(not records._USABLE, reason="recipes are kept for CPython only")

ROOT = Path(__file__).resolve().parents[1]


def same_function(ours: Any, theirs: Any) -> None:
    """Two functions that behave alike: same code, defaults, closure contents, names, globals."""
    assert type(ours) is type(theirs) is types.FunctionType
    assert ours.__code__ == theirs.__code__
    assert ours.__qualname__ == theirs.__qualname__ and ours.__name__ == theirs.__name__
    assert ours.__module__ == theirs.__module__ and ours.__doc__ == theirs.__doc__
    assert ours.__globals__ is theirs.__globals__
    assert ours.__defaults__ == theirs.__defaults__ and ours.__kwdefaults__ == theirs.__kwdefaults__
    assert ours.__annotations__ == theirs.__annotations__
    assert len(ours.__closure__ or ()) == len(theirs.__closure__ or ())
    for our_cell, their_cell in zip(ours.__closure__ or (), theirs.__closure__ or ()):
        same_value(our_cell.cell_contents, their_cell.cell_contents)
    assert hasattr(ours, "__wrapped__") == hasattr(theirs, "__wrapped__")
    if hasattr(ours, "__wrapped__"):
        same_function(ours.__wrapped__, theirs.__wrapped__)


def same_value(ours: Any, theirs: Any) -> None:
    if isinstance(ours, types.FunctionType):
        same_function(ours, theirs)
    elif isinstance(ours, type) and dataclasses.is_dataclass(ours) and ours is not theirs:
        assert ours.__qualname__ == theirs.__qualname__  # each class's own (frozen __setattr__ names it)
    else:
        assert ours is theirs or (type(ours) is type(theirs) and ours == theirs), (ours, theirs)


def same_dataclass(ours: type, theirs: type) -> None:
    """``ours`` (a recipe's) is what ``dataclasses.dataclass`` made of the same class (``theirs``)."""
    assert list(vars(ours)) == list(vars(theirs)), "the same attributes, in the same order"
    our_fields, their_fields = vars(ours)["__dataclass_fields__"], vars(theirs)["__dataclass_fields__"]
    assert list(our_fields) == list(their_fields)
    for name in our_fields:
        for slot in dataclasses.Field.__slots__:
            same_value(getattr(our_fields[name], slot), getattr(their_fields[name], slot))
    our_params, their_params = ours.__dataclass_params__, theirs.__dataclass_params__
    assert type(our_params) is type(their_params)
    for slot in type(our_params).__slots__:
        assert getattr(our_params, slot) == getattr(their_params, slot)
    for name, value in vars(theirs).items():
        if name in ("__dataclass_fields__", "__dataclass_params__", "__dict__", "__weakref__"):
            continue
        if isinstance(value, dataclasses.Field):
            value = None  # the field() object itself; its twin was compared above
            assert isinstance(vars(ours)[name], dataclasses.Field)
            continue
        same_value(vars(ours)[name], value)


def twin(cls: type) -> type:
    """A copy of an undecorated class, with copies of its field() objects (dataclasses changes them)."""
    namespace = {}
    for name, value in vars(cls).items():
        if name in ("__dict__", "__weakref__"):
            continue
        if isinstance(value, dataclasses.Field):
            copy = object.__new__(dataclasses.Field)
            for slot in dataclasses.Field.__slots__:
                setattr(copy, slot, getattr(value, slot))
            value = copy
        namespace[name] = value
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made


def test_every_giklint_class_is_the_one_dataclasses_makes(tmp_path):
    """In a new process whose cache has every class's recipe: each class giklint makes on a check
    (and on importing every module) is compared with what ``dataclasses.dataclass`` makes of a twin."""
    script = textwrap.dedent("""
        import sys, pkgutil, importlib, dataclasses
        sys.path.insert(0, sys.argv[2])
        import test_class_recipe as check
        from giklint import records
        compared, replayed = [], []
        real_dataclass, real_replay = records.dataclass, records.replay
        def counted_replay(*arguments):
            replayed.append(arguments[0].__qualname__)
            return real_replay(*arguments)
        def compared_dataclass(cls=None, **options):
            if cls is None:
                return lambda decorated: compared_dataclass(decorated, **options)
            theirs = dataclasses.dataclass(check.twin(cls), **options)
            ours = real_dataclass(cls, **options)
            if sys.argv[1] == "compare":
                check.same_dataclass(ours, theirs)
                compared.append(cls.__qualname__)
            return ours
        records.dataclass = compared_dataclass
        records.replay = counted_replay
        import giklint, giklint_rules
        for package in (giklint, giklint_rules):
            for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                if module.name.endswith("__main__"):
                    continue
                try:
                    importlib.import_module(module.name)
                except ImportError:  # an optional extra not installed
                    pass
        from giklint import cli
        try:
            cli.main(["check", "--no-cache", "--quiet", sys.argv[3]])
        except SystemExit:
            pass
        print(len(compared), len(replayed), len(set(compared) - set(replayed)))
    """)
    env = dict(os.environ, GIKLINT_CACHE_DIR=str(tmp_path))
    report = str(ROOT / "examples" / "reports" / "clean-2021.md")
    runs = [subprocess.run([sys.executable, "-c", script, mode, str(Path(__file__).parent), report],
                           capture_output=True, text=True, env=env) for mode in ("record", "compare")]
    for run in runs:
        assert run.returncode == 0, run.stderr
    compared, replayed, not_replayed = (int(word) for word in runs[1].stdout.split()[-3:])
    assert compared >= 60, "every class of giklint's was compared"
    assert not_replayed == 0 and replayed >= compared, "and each was made from its recipe"


def _made_both_ways(make) -> Tuple[type, type]:
    """(a class from its recipe, the same from dataclasses); ``make(decorator)`` defines it."""
    make(records.dataclass)  # writes the recipe
    records.RECIPES.write()
    records.RECIPES.forget()
    before = len(records.RECIPES.table())
    ours = make(records.dataclass)
    assert before >= 1 and records.RECIPES.added == {}, "made from the recipe"
    return ours, make(dataclasses.dataclass)


@dataclasses.dataclass(frozen=True)
class Mark:
    """A default object that is neither a constant nor one of dataclasses' or builtins'."""

    name: str


FIRST, SECOND = Mark("first"), Mark("second")


def _location(decorator, **options):
    @decorator(frozen=True, **options)
    class Location:
        """a test class"""
        line: int
        column: int = 0
        tags: Tuple[str, ...] = ()
        notes: List[str] = dataclasses.field(default_factory=list, compare=False, metadata={"unit": "char"})
        label: Optional[str] = dataclasses.field(default=None, repr=False)
        mark: Mark = FIRST
    return Location


def test_behaviour_alike(fresh_cache):
    ours, theirs = _made_both_ways(_location)
    same_dataclass(ours, theirs)
    for cls in (ours, theirs):
        place = cls(3, column=4, tags=("a",))
        assert place == cls(3, 4, ("a",), ["ignored by eq"]) and place != cls(3, 5)
        assert hash(place) == hash(cls(3, 4, ("a",)))
        assert repr(place) == "_location.<locals>.Location(line=3, column=4, tags=('a',), notes=[], mark=Mark(name='first'))"
        assert dataclasses.replace(place, column=9).column == 9
        assert dataclasses.asdict(place)["notes"] == [] and dataclasses.astuple(place)[:2] == (3, 4)
        assert cls(1).notes is not cls(1).notes and cls(1).mark is FIRST
        assert dataclasses.fields(cls)[3].metadata == {"unit": "char"}
        assert getattr(cls, "__match_args__", None) == (("line", "column", "tags", "notes", "label", "mark")
                                                         if sys.version_info >= (3, 10) else None)
        with pytest.raises(dataclasses.FrozenInstanceError):
            place.line = 5
        with pytest.raises(dataclasses.FrozenInstanceError):
            del place.line
        with pytest.raises(TypeError):
            cls()
    assert repr(ours(1)) == repr(theirs(1))


def test_a_class_without_fields(fresh_cache):
    def make(decorator):
        @decorator(frozen=True)
        class Nothing:
            """a test class with no annotations at all"""
        return Nothing

    ours, theirs = _made_both_ways(make)
    same_dataclass(ours, theirs)
    assert ours() == ours() and dataclasses.fields(ours) == ()


def test_pickled_instances_come_back_equal(fresh_cache):
    global Pickled
    Pickled = None

    def make(decorator):
        global Pickled

        @decorator
        class Pickled:
            """a module-level class, so that pickle finds it"""
            number: int
            words: List[str] = dataclasses.field(default_factory=list)
        Pickled.__qualname__ = "Pickled"
        return Pickled

    ours, _ = _made_both_ways(make)
    Pickled = ours
    item = ours(2, ["a"])
    assert pickle.loads(pickle.dumps(item)) == item and ours.__hash__ is None  # eq without frozen: unhashable


def test_different_defaults_are_told_apart(fresh_cache):
    """Classes alike but for their defaults' values or which objects they share get their own recipes."""
    def make(first, second, extra=0):
        def define(decorator):
            @decorator
            class Pair:
                """a test class"""
                a: Mark = first
                b: Mark = second
                c: int = extra
            return Pair
        return define

    make(FIRST, FIRST)(records.dataclass)
    for first, second, extra in ((FIRST, SECOND, 0), (SECOND, SECOND, 0), (FIRST, FIRST, 1), (FIRST, FIRST, False)):
        pair = make(first, second, extra)(records.dataclass)()
        assert (pair.a, pair.b, pair.c) == (first, second, extra) and type(pair.c) is type(extra)
        assert pair.a is first and pair.b is second
    assert len(records.RECIPES.table()) == 4  # (SECOND, SECOND) shares (FIRST, FIRST)'s: one object twice


def test_what_a_recipe_does_not_cover_goes_to_dataclasses(fresh_cache):
    def without_docstring(decorator):
        @decorator
        class Bare:
            number: int = 0
        return Bare

    def with_class_variable(decorator):
        @decorator
        class Counted:
            """a test class"""
            count: typing.ClassVar[int] = 0
            number: int = 0
        return Counted

    def with_init_variable(decorator):
        @decorator
        class Started:
            """a test class"""
            seed: dataclasses.InitVar[int] = 0
            number: int = 0

            def __post_init__(self, seed: int) -> None:
                self.number = seed * 2
        return Started

    def with_slots(decorator):
        @decorator(slots=True)
        class Slotted:
            """a test class"""
            number: int = 0
        return Slotted

    makers = [without_docstring, with_class_variable, with_init_variable] + ([with_slots] if sys.version_info >= (3, 10) else [])
    for make in makers:
        ours, theirs = make(records.dataclass), make(dataclasses.dataclass)
        assert records.RECIPES.added == {}, make.__name__
        assert [field.name for field in dataclasses.fields(ours)] == [field.name for field in dataclasses.fields(theirs)]
        assert repr(ours()) == repr(theirs()) and ours.__doc__ == theirs.__doc__
    assert with_init_variable(records.dataclass)(seed=4).number == 8


def test_mutable_default_is_refused_as_dataclasses_refuses_it(fresh_cache):
    def make(decorator):
        @decorator
        class Holder:
            """a test class"""
            items: list = []  # noqa: RUF012 - the mistake under test
        return Holder

    with pytest.raises(ValueError, match="mutable default"):
        make(records.dataclass)


def test_a_damaged_recipe_leaves_the_class_to_dataclasses(fresh_cache, monkeypatch):
    _location(records.dataclass)
    key = next(iter(records.RECIPES.added))
    code, constants = __import__("marshal").loads(records.RECIPES.added[key])
    broken = __import__("marshal").dumps((code, constants[:-2]))  # constants missing: the script fails half-way
    records.RECIPES.table()[key] = broken
    ours, theirs = _location(records.dataclass), _location(dataclasses.dataclass)
    same_dataclass(ours, theirs)


def test_recipe_refuses_a_value_it_cannot_name(fresh_cache):
    """A recorder that saw no ``__create_fn__`` call keeps no recipe."""
    recorder = class_recipe.Recorder()
    recorder.complete = False
    found = class_recipe.class_key(_location(lambda **options: (lambda cls: cls)), {"frozen": True})
    assert found is not None
    assert class_recipe.write_recipe(object, found[1], found[2], {}, recorder) is None
