"""A dataclass made again from what ``dataclasses.dataclass`` did to the same class on an earlier run.

Why: even with its methods' code kept (:mod:`giklint.records`), ``dataclasses`` spends ~0.65 M
instructions per class reading the annotations (a regular expression and module look-ups per field
for ``ClassVar``, ``InitVar`` and ``KW_ONLY``) and writing the methods' source text; a ``giklint
check`` makes ~60 classes, about an eighth of the whole run. What ``dataclasses`` does to a class
depends only on what the class holds, so the first run writes it down as a *recipe*:

- the fields: each ``Field``'s slots, or, for a ``field(...)`` written in the class, which of its
  slots changed;
- each generated function: its own compiled code with the defaults, closure and annotations
  ``dataclasses`` gave it (or, when a function is not plainly one of those, the whole
  ``def __create_fn__(...)`` it ran and what it passed that function's parameters);
- what changed in the class's ``__dict__``, in order (methods, ``__dataclass_fields__``,
  ``__dataclass_params__``, ``__match_args__``, ``__hash__``, defaults put back or removed...).

Every value is written as where to find it again, never as the object: the class itself, the value
a name had in the class (a default, a ``Field``), a slot of that ``Field``, an annotation, a name of
``dataclasses`` or ``builtins``, a function or field made earlier in the recipe, or a constant. The
recipe is written as Python statements, compiled once (:class:`_Script`), and kept under a *key* that holds everything its outcome depends on: the options, the class's
module, names, bases and ``__dict__`` names, ``__post_init__``, its annotations (text), and each
field's default and ``field()`` settings (constants by type and value, ``dataclasses``/``builtins``
objects by name, other objects by which earlier ones they are, so that a value found "as field a's
default" is also field b's when, and only when, it was so the first time). Replaying it does what
``dataclasses`` did, minus reading annotations and writing source text.

What a recipe does not cover goes to ``dataclasses.dataclass`` every time (:func:`class_key` says
None): a class without a docstring (``dataclasses`` would write one from ``inspect.signature``),
with a dataclass or abstract base, slots, annotations that are not text or that name (or whose module
binds another name to) ``ClassVar``, ``InitVar`` or ``KW_ONLY``, mutable defaults (``dataclasses``
raises), a class whose module is not imported; and any value a recipe cannot name (nothing is
kept then). Recipes are made and used by one exact Python version only (the kept table's file), so
the private names of ``dataclasses`` they mention are that version's own.
"""
from __future__ import annotations

import builtins
import dataclasses
import sys
import types
import typing
from collections import deque
from itertools import repeat
from typing import Any, Dict, List, Optional, Tuple

Recipe = Tuple[Any, ...]
Symbol = Tuple[Any, ...]

_FIELD = dataclasses.Field
_MISSING = dataclasses.MISSING
_FIELD_SLOTS: Tuple[str, ...] = tuple(_FIELD.__slots__)
_SLOT_INDEX = {slot: index for index, slot in enumerate(_FIELD_SLOTS)}
_CONSTANT_TYPES = (type(None), bool, int, str, bytes)
_REPR_WRAPPER = getattr(dataclasses, "_recursive_repr", None)  # Python 3.9-3.12 wrap __repr__ outside the generated code
_FORBIDDEN_IDS = frozenset(id(special) for special in (typing.ClassVar, dataclasses.InitVar, getattr(dataclasses, "KW_ONLY", None))
                            if special is not None)
_GENERIC_ALIAS = getattr(typing, "_GenericAlias", None)


class Unnamed(Exception):
    """A value a recipe cannot say where to find again: no recipe is kept for the class."""


class Recorder:
    """What ``dataclasses`` ran while it made one class: each ``__create_fn__``'s code, arguments and result."""

    def __init__(self) -> None:
        self.calls: List[Tuple[types.CodeType, dict, Dict[str, Any], Any]] = []
        self.complete = True

    def watch(self, code: types.CodeType, globals: Optional[dict], namespace: Optional[dict]) -> None:  # noqa: A002
        """After ``exec(code, globals, namespace)``: note the call ``dataclasses`` makes next to the
        ``__create_fn__`` it defined."""
        create = namespace.get("__create_fn__") if isinstance(namespace, dict) else None
        if not isinstance(create, types.FunctionType) or not isinstance(globals, dict):
            self.complete = False
            return
        calls = self.calls

        def noted(**arguments: Any) -> Any:
            made = create(**arguments)
            calls.append((code, globals, arguments, made))
            return made
        namespace["__create_fn__"] = noted


def class_key(cls: type, options: Dict[str, Any]) -> Optional[Tuple[tuple, Dict[str, Any], Dict[str, tuple]]]:
    """(key, the class's annotated values, their ``Field`` slots) for a class a recipe can make, else None.

    Reads the class as ``dataclasses`` does, without its costs: a name the class lacks is found
    missing by looking through the ``__dict__`` of each class of the MRO rather than by ``getattr``
    raising (and formatting) an AttributeError."""
    namespace = cls.__dict__
    annotations = namespace.get("__annotations__", {})
    module = sys.modules.get(cls.__module__)
    mro = cls.__mro__
    if (module is None or type(cls) is not type or type(annotations) is not dict or not namespace.get("__doc__")
            or "__abstractmethods__" in namespace or options.get("slots") or options.get("weakref_slot")
            or _GENERIC_ALIAS is None or not _module_names_plain(vars(module))):
        return None  # an abstract base makes its subclasses' metaclass ABCMeta
    for base in mro[1:]:
        if "__dataclass_fields__" in base.__dict__:
            return None
    known = _known_objects()
    aliases: Dict[int, int] = {}
    values: Dict[str, Any] = {}
    field_slots: Dict[str, tuple] = {}
    described = []
    for name, annotation in annotations.items():
        if type(annotation) is not str or "ClassVar" in annotation or "InitVar" in annotation or "KW_ONLY" in annotation:
            return None
        value = _class_value(cls, mro, name)
        values[name] = value
        if type(value) is _FIELD:
            if id(value) in aliases:  # one field() object under two names
                return None
            slots = tuple([getattr(value, slot) for slot in _FIELD_SLOTS])
            described.append(tuple([_describe(value, known, aliases)] + [_describe(slot, known, aliases) for slot in slots]))
            field_slots[name] = slots
            default = value.default
        elif isinstance(value, (_FIELD, types.MemberDescriptorType)):
            return None
        else:
            described.append(_describe(value, known, aliases))
            default = value
        if default is not _MISSING and (isinstance(default, (list, dict, set)) or default.__class__.__hash__ is None):
            return None  # dataclasses refuses a mutable default: let it say so
    for name, value in namespace.items():
        if isinstance(value, _FIELD) and name not in annotations:
            return None  # dataclasses raises for a field() without annotation
    for value in options.values():
        if type(value) not in _CONSTANT_TYPES:
            return None
    has_post_init = False
    for klass in mro:
        if "__post_init__" in klass.__dict__:
            has_post_init = True
    key = (cls.__module__, cls.__qualname__, cls.__name__, tuple(sorted(options.items())),
           tuple([(base.__module__, base.__qualname__) for base in mro[1:]]), tuple(namespace), has_post_init,
           namespace.get("__hash__", _MISSING) is None, tuple(annotations.items()), tuple(described))
    return key, values, field_slots


_TYPE_NAMES = frozenset(vars(type))
_PLAIN_TYPES = frozenset(_CONSTANT_TYPES + (float, tuple, _FIELD))  # no __get__: read from the class's __dict__ as getattr would


def _class_value(cls: type, mro: tuple, name: str) -> Any:
    """``getattr(cls, name, dataclasses.MISSING)``, as ``dataclasses`` reads a field's default."""
    if name not in _TYPE_NAMES:
        for klass in mro:
            found = klass.__dict__.get(name, _MISSING)
            if found is not _MISSING:
                if klass is cls and type(found) in _PLAIN_TYPES:
                    return found
                break
        else:
            return _MISSING
    return getattr(cls, name, _MISSING)


def _describe(value: Any, known: Dict[int, Tuple[str, str]], aliases: Dict[int, int]) -> Any:
    """``value`` for a key: constants by type and value, objects of ``dataclasses``/``builtins`` by
    name, any other object by the order in which this class first showed it."""
    kind = type(value)
    if kind in _CONSTANT_TYPES:
        return (kind.__name__, value)
    if kind is float:
        return ("float", repr(value))
    if kind is tuple and all(type(item) in _CONSTANT_TYPES for item in value):
        return ("tuple", tuple([(type(item).__name__, item) for item in value]))
    name = known.get(id(value))
    if name is not None:
        return name
    return ("object", aliases.setdefault(id(value), len(aliases)))


def _module_names_plain(names: Dict[str, Any]) -> bool:
    """No name of the class's module is ``ClassVar``, ``InitVar``, ``KW_ONLY`` or a ``ClassVar[...]``
    or ``InitVar[...]``: ``dataclasses`` looks an annotation's first word up there, so another
    name bound to them would make a field of that name special."""
    values = names.values()
    if not _FORBIDDEN_IDS.isdisjoint(map(id, values)):
        return False
    kinds = set(map(type, values))
    if dataclasses.InitVar in kinds:
        return False
    if _GENERIC_ALIAS in kinds:
        for value in values:
            if type(value) is _GENERIC_ALIAS and value.__origin__ is typing.ClassVar:
                return False
    return True


_KNOWN: Dict[int, Tuple[str, str]] = {}


def _known_objects() -> Dict[int, Tuple[str, str]]:
    """id -> (module, name) for the objects of ``dataclasses`` and ``builtins`` (constants aside)."""
    if not _KNOWN:
        for module_name, module in (("dataclasses", dataclasses), ("builtins", builtins)):
            for name, value in vars(module).items():
                if type(value) not in _CONSTANT_TYPES:
                    _KNOWN.setdefault(id(value), (module_name, name))
    return _KNOWN


def write_recipe(cls: type, values: Dict[str, Any], field_slots: Dict[str, tuple], before: Dict[str, Any],
                 recorder: Recorder) -> Optional[Recipe]:
    """The recipe for what ``dataclasses`` did to ``cls`` (its ``__dict__`` was ``before``), or None."""
    if not recorder.complete:
        return None
    try:
        return _Writer(cls, values, field_slots).recipe(before, recorder)
    except Unnamed:
        return None


class _Writer:
    def __init__(self, cls: type, values: Dict[str, Any], field_slots: Dict[str, tuple]) -> None:
        self.cls = cls
        self.names: Dict[int, Symbol] = {}  # first come, first named: the class's own values before dataclasses' and builtins'
        self.offer(cls, ("class",))
        for name, value in values.items():
            self.offer(value, ("value", name))
        for name, slots in field_slots.items():
            for slot, value in zip(_FIELD_SLOTS, slots):
                self.offer(value, ("slot", name, slot))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            self.offer(annotation, ("annotation", name))
        self.values = values
        self.field_slots = field_slots

    def offer(self, value: Any, symbol: Symbol) -> None:
        if value is not _MISSING and value is not None and type(value) is not bool:
            self.names.setdefault(id(value), symbol)

    def recipe(self, before: Dict[str, Any], recorder: Recorder) -> Recipe:
        cls = self.cls
        after = dict(cls.__dict__)
        fields = after.get("__dataclass_fields__")
        if type(fields) is not dict or list(fields) != list(self.values):
            raise Unnamed("fields")
        for name, made in fields.items():
            self.offer(made, ("field", name))
        self.offer(fields, ("fields",))
        module_names = vars(sys.modules[cls.__module__])
        calls = []
        for number, (code, globals, arguments, made) in enumerate(recorder.calls):
            if globals is not module_names:
                raise Unnamed("globals")
            functions = made if type(made) is tuple else (made,)
            for position, function in enumerate(functions):
                if type(function) is not types.FunctionType:
                    raise Unnamed("made")
                self.offer(function, ("made", number, position if type(made) is tuple else -1))
            calls.append((code, arguments, tuple([function.__qualname__ for function in functions]), type(made) is not tuple))
        for object_id, symbol in _known_objects().items():
            self.names.setdefault(object_id, symbol)
        calls = [(code, tuple([(name, self.symbol(value)) for name, value in arguments.items()]), qualnames, single,
                  self.functions(code, recorder.calls[number][3]))
                 for number, (code, arguments, qualnames, single) in enumerate(calls)]
        field_recipes = []
        for name, made in fields.items():
            if type(made) is not _FIELD:
                raise Unnamed("field type")
            slots = [getattr(made, slot) for slot in _FIELD_SLOTS]
            if made is self.values[name]:
                old = self.field_slots[name]
                changes = tuple([(slot, self.symbol(value)) for slot, value, was in zip(_FIELD_SLOTS, slots, old) if value is not was])
                field_recipes.append((name, True, changes))
            else:
                field_recipes.append((name, False, tuple([(slot, self.symbol(value)) for slot, value in zip(_FIELD_SLOTS, slots)])))
        changes = []
        for name, value in before.items():
            if name not in after:
                changes.append((name, None))
            elif after[name] is not value:
                changes.append((name, self.symbol(after[name])))
        for name, value in after.items():
            if name not in before:
                changes.append((name, self.symbol(value)))
        if [name for name in before if name in after] + [name for name in after if name not in before] != list(after):
            raise Unnamed("order")
        return _Script().write(field_recipes, calls, changes)

    def functions(self, code: types.CodeType, made: Any) -> Optional[tuple]:
        """Each function ``__create_fn__`` made, as what makes it again without running that code: the
        method's own code object, its defaults, closure, keyword defaults, annotations and qualified
        name; None when one of them is something else (then the recipe runs ``__create_fn__``)."""
        inner = {id(constant) for outer in code.co_consts if type(outer) is types.CodeType
                 for constant in outer.co_consts if type(constant) is types.CodeType}
        described = []
        for function in made if type(made) is tuple else (made,):
            if id(function.__code__) not in inner or function.__dict__ or function.__name__ != function.__code__.co_name:
                return None
            try:
                cells = tuple([self.symbol(cell.cell_contents) for cell in function.__closure__ or ()])
                defaults = None if function.__defaults__ is None else tuple([self.symbol(value) for value in function.__defaults__])
                keywords = None if function.__kwdefaults__ is None else tuple(
                    [(name, self.symbol(value)) for name, value in function.__kwdefaults__.items()])
                annotations = tuple([(name, self.symbol(value)) for name, value in function.__annotations__.items()])
            except (Unnamed, ValueError):  # ValueError: an empty cell
                return None
            remade = _function(function.__code__, function.__globals__, function.__defaults__,
                               tuple([cell.cell_contents for cell in function.__closure__ or ()]), function.__kwdefaults__,
                               function.__annotations__, function.__qualname__)
            if (remade.__doc__, remade.__module__, remade.__name__) != (function.__doc__, function.__module__, function.__name__):
                return None
            described.append((function.__code__, defaults, cells, keywords, annotations, function.__qualname__))
        return tuple(described)

    def symbol(self, value: Any) -> Symbol:
        named = self.names.get(id(value))
        if named is not None:
            return named
        kind = type(value)
        if kind in _CONSTANT_TYPES or kind is float or (kind is tuple and all(type(item) in _CONSTANT_TYPES for item in value)):
            return ("constant", value)
        if kind is types.FunctionType and _REPR_WRAPPER is not None:
            inner = self.names.get(id(getattr(value, "__wrapped__", None)))
            if inner is not None and inner[0] == "made" and value.__code__ is _repr_wrapper_code():
                return ("repr wrapper", inner, value.__qualname__)
        kind_name = self.names.get(id(kind))
        slots = getattr(kind, "__slots__", None)
        if kind_name is not None and kind_name[0] == "dataclasses" and type(slots) is tuple and not hasattr(value, "__dict__"):
            return ("instance", kind_name, tuple([(slot, self.symbol(getattr(value, slot))) for slot in slots]))
        raise Unnamed(repr(kind))


_WRAPPER_CODE: List[types.CodeType] = []


def _repr_wrapper_code() -> types.CodeType:
    if not _WRAPPER_CODE:
        _WRAPPER_CODE.append(_REPR_WRAPPER(lambda self: "").__code__)  # type: ignore[misc]
    return _WRAPPER_CODE[0]


def replay(cls: type, recipe: Recipe, values: Dict[str, Any], field_slots: Dict[str, tuple]) -> type:
    """Do to ``cls`` what ``recipe`` says ``dataclasses`` did to it; on any error, ``cls`` is left as it was."""
    code, constants = recipe
    before = dict(cls.__dict__)
    try:
        exec(code, {"cls": cls, "V": values, "S": field_slots, "A": before.get("__annotations__", {}), "D": vars(dataclasses),  # noqa: S102 - see _Script
                    "B": vars(builtins), "K": constants, "G": vars(sys.modules[cls.__module__]), "new": object.__new__,
                    "Field": _FIELD, "W": _REPR_WRAPPER, "SLOTS": _FIELD_SLOTS, "fill": _fill, "run": _run, "function": _function})
    except BaseException:
        _put_back(cls, before, values, field_slots)
        raise
    return cls


def _fill(made: Any, slots: Tuple[str, ...], values: tuple) -> Any:
    """``made`` with each of ``slots`` set to its value (the loop runs in C)."""
    deque(map(setattr, repeat(made), slots, values), 0)
    return made


def _run(code: types.CodeType, globals: dict, /, **arguments: Any) -> Any:  # noqa: A002
    """What ``dataclasses`` does with the code it wrote: run it, then call the ``__create_fn__`` it defines."""
    namespace: Dict[str, Any] = {}
    exec(code, globals, namespace)  # noqa: S102 - the code dataclasses wrote for this class, kept (see giklint.records)
    return namespace["__create_fn__"](**arguments)


def _function(code: types.CodeType, globals: dict, defaults: Optional[tuple], cells: tuple,  # noqa: A002
              keywords: Optional[dict], annotations: dict, qualname: str) -> types.FunctionType:
    """The function ``def`` makes of ``code`` inside ``__create_fn__``: the same code, globals, defaults,
    closure (cells holding what ``__create_fn__``'s locals held), keyword defaults and annotations."""
    made = types.FunctionType(code, globals, None, defaults, tuple(map(types.CellType, cells)) if cells else None)
    if keywords is not None:
        made.__kwdefaults__ = keywords
    if annotations:
        made.__annotations__ = annotations
    made.__qualname__ = qualname
    return made


def _put_back(cls: type, before: Dict[str, Any], values: Dict[str, Any], field_slots: Dict[str, tuple]) -> None:
    for name in list(cls.__dict__):
        if name not in before:
            delattr(cls, name)
    for name, value in before.items():
        if cls.__dict__.get(name, _MISSING) is not value:
            setattr(cls, name, value)
    for name, slots in field_slots.items():
        for slot, value in zip(_FIELD_SLOTS, slots):
            setattr(values[name], slot, value)


_LOOKED_UP = {"value": "V", "annotation": "A", "dataclasses": "D", "builtins": "B", "field": "F"}  # symbol -> the script's dict


class _Script:
    """A recipe written as Python statements (compiled once, run on every later import): straight-line
    code makes the class in a fraction of what reading the recipe step by step would cost. The code
    only ever names the inputs :func:`replay` gives it (``cls``, ``V`` values, ``S`` field slots,
    ``A`` annotations, ``D``/``B`` the names of ``dataclasses``/``builtins``, ``K`` constants,
    ``G`` the class's module's names); everything else it holds is in ``K``."""

    def __init__(self) -> None:
        self.lines: List[str] = []
        self.constants: List[Any] = []
        self.numbers: Dict[Any, int] = {}  # (type, constant) -> its place in constants: each once
        self.made = 0

    def constant(self, value: Any) -> str:
        if value is None or value is True or value is False:
            return repr(value)
        number = self.numbers.get((type(value), value)) if type(value) is not types.CodeType else None
        if number is None:
            number = self.numbers[(type(value), value)] = len(self.constants)
            self.constants.append(value)
        return f"K[{number}]"

    def name(self, text: str) -> str:
        """``text`` as it may stand in the code (an identifier), else Unnamed."""
        import keyword

        if type(text) is not str or not text.isidentifier() or keyword.iskeyword(text):
            raise Unnamed(repr(text))
        return text

    def temporary(self) -> str:
        self.made += 1
        return f"t{self.made}"

    def expression(self, symbol: Symbol) -> str:
        kind = symbol[0]
        if kind == "constant":
            return self.constant(symbol[1])
        if kind in _LOOKED_UP:
            return f"{_LOOKED_UP[kind]}[{self.constant(symbol[1])}]"
        if kind == "slot":
            return f"S[{self.constant(symbol[1])}][{_SLOT_INDEX[symbol[2]]}]"
        if kind == "class":
            return "cls"
        if kind == "fields":
            return "F"
        if kind == "made":
            return f"m{symbol[1]}" if symbol[2] < 0 else f"m{symbol[1]}[{symbol[2]}]"
        if kind == "repr wrapper":
            wrapper = self.temporary()
            self.lines.append(f"{wrapper} = W({self.expression(symbol[1])})")
            self.lines.append(f"{wrapper}.__qualname__ = {self.constant(symbol[2])}")
            return wrapper
        if kind == "instance":
            made = self.temporary()
            self.lines.append(f"{made} = new({self.expression(symbol[1])})")
            for slot, value in symbol[2]:
                self.lines.append(f"{made}.{self.name(slot)} = {self.expression(value)}")
            return made
        raise Unnamed(kind)

    def function(self, described: tuple) -> str:
        code, defaults, cells, keywords, annotations, qualname = described
        listed = lambda symbols: "(" + "".join(f"{self.expression(symbol)}," for symbol in symbols) + ")"  # noqa: E731
        keyword_text = "None" if keywords is None else "{" + "".join(f"{self.constant(name)}: {self.expression(value)}," for name, value in keywords) + "}"
        annotation_text = "{" + "".join(f"{self.constant(name)}: {self.expression(value)}," for name, value in annotations) + "}"
        return (f"function({self.constant(code)}, G, {'None' if defaults is None else listed(defaults)}, {listed(cells)}, "
                f"{keyword_text}, {annotation_text}, {self.constant(qualname)})")

    def write(self, field_recipes: tuple, calls: list, changes: list) -> Recipe:
        lines = self.lines
        lines.append("F = {}")
        for name, reused, slots in field_recipes:
            values = "".join(f"{self.expression(value)}," for _, value in slots)
            target = f"V[{self.constant(name)}]" if reused else "new(Field)"
            names = "SLOTS" if not reused else self.constant(tuple([self.name(slot) for slot, _ in slots]))
            if not reused and tuple([slot for slot, _ in slots]) != _FIELD_SLOTS:
                raise Unnamed("slots")
            lines.append(f"F[{self.constant(name)}] = fill({target}, {names}, ({values}))")
        for number, (code, arguments, qualnames, single, functions) in enumerate(calls):
            if functions is not None:
                made = [self.function(function) for function in functions]
                lines.append(f"m{number} = {made[0] if single else '(' + ''.join(item + ',' for item in made) + ')'}")
                continue
            given = "".join(f", {self.name(name)}={self.expression(value)}" for name, value in arguments)
            lines.append(f"m{number} = run({self.constant(code)}, G{given})")
            for position, qualname in enumerate(qualnames):
                lines.append(f"m{number}{'' if single else f'[{position}]'}.__qualname__ = {self.constant(qualname)}")
        updates = [(name, None if symbol is None else self.expression(symbol)) for name, symbol in changes]
        for name, value in updates:
            lines.append(f"delattr(cls, {self.constant(name)})" if value is None else f"setattr(cls, {self.constant(name)}, {value})")
        code = compile("\n".join(lines) + "\n", "<dataclass recipe>", "exec")
        return (code, tuple(self.constants))
