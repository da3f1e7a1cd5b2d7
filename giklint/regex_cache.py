"""Compiled regular-expression programs kept between runs, so a run does not compile them again.

Why: a ``giklint check`` of one report used to spend a quarter of its time in Python's regex
compiler (parsing the patterns and, above all, building the tables of character classes such as
``[\u4e00-\u9fff]``, which the compiler walks one code point at a time). The compiler's output is a
*program*: a list of integers plus the group names, which ``_sre.compile`` turns into a pattern
object in microseconds. This module keeps those programs in one file in the user's cache folder
(:mod:`giklint.user_cache`) and hands them to ``_sre.compile`` on later runs.

Safety: the file (a :class:`giklint.user_cache.KeptTable`) is keyed by the exact Python version
(``sys.version``), whose regex compiler made the programs, and it is only ever read by that version;
``_sre.compile`` validates every program and refuses a malformed one, and any problem with the file
or an entry (missing, damaged, another version, refused) means compiling afresh with ``re.compile``,
never an error. Only CPython, whose
``_sre`` this is, uses the file; elsewhere this is ``re.compile``. Programs compiled in this run are
added to the file when the process exits. Patterns with ``re.DEBUG`` are never cached.

What uses it: :mod:`giklint.lazy_re`, the module-level patterns of giklint and its rules.

The standard library's patterns: modules the command imports while it starts up (argparse's
gettext, json, glob, difflib, pathlib's urllib.parse) compile some twenty patterns of their own with
``re.compile`` at import, about 2% of a one-report check. :func:`remember_start_up_patterns` keeps
the programs of what ``re`` compiled by the end of the command's start-up (a table of its own), and
on later runs :func:`seed_start_up_patterns`, called before those modules are imported, puts the
patterns made from them into ``re``'s own cache, where ``re.compile`` looks first: the modules find
them there instead of compiling. Only the ``giklint`` command does this (:mod:`giklint.entry`), never
a program that imports giklint as a library; only patterns ``re`` itself compiled at start-up are
kept (not the ones a report's checking makes), and the table is bounded like the other.
"""
from __future__ import annotations

import re
import sys
from typing import Any, Dict, Optional, Pattern, Tuple

from giklint.user_cache import KeptTable

Program = Tuple[int, list, int, Dict[str, int], Tuple[Optional[str], ...]]
Key = Tuple[str, int]

_USABLE = sys.implementation.name == "cpython"
MAX_PROGRAMS = 5000  # giklint and its rules have ~250 patterns; a plugin making patterns at run time cannot grow the file without end
PROGRAMS = KeptTable("regex", MAX_PROGRAMS)
MAX_START_UP = 300  # the command's start-up makes ~20; a configuration's exclude globs add theirs
START_UP = KeptTable("regex-start-up", MAX_START_UP)
_seeded = False  # this process is the command, and it seeded re's cache


def _compiler_modules() -> Tuple[Any, Any]:
    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover - Python 3.9 and 3.10 name them sre_compile and sre_parse
        import sre_compile as _compiler
        import sre_parse as _parser
    return _compiler, _parser


def _program(pattern: Any, flags: int) -> Program:
    """What ``re.compile`` hands to ``_sre.compile`` (the same steps as ``re._compiler.compile``)."""
    compiler, parser = _compiler_modules()
    parsed = parser.parse(pattern, flags)
    code = [int(op) for op in compiler._code(parsed, flags)]  # opcodes are int subclasses marshal refuses
    group_index = dict(parsed.state.groupdict)
    index_group: list = [None] * parsed.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, group_index, tuple(index_group))


def _from_program(pattern: Any, program: Program) -> Pattern[Any]:
    import _sre

    return _sre.compile(pattern, *program)


def compile(pattern: Any, flags: int = 0) -> Pattern[Any]:  # noqa: A001 - the name mirrors re.compile
    """``re.compile(pattern, flags)``, from the cache file when this Python compiled it before."""
    flags = int(flags)
    if not _USABLE or flags & re.DEBUG or not isinstance(pattern, (str, bytes)):
        return re.compile(pattern, flags)
    key = (pattern, flags)
    program = PROGRAMS.table().get(key)
    if program is not None:
        try:
            return _from_program(pattern, program)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            pass  # refused by _sre's validation: compile afresh and replace the entry
    try:
        program = _program(pattern, flags)
        compiled = _from_program(pattern, program)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the private compiler changed shape: fall back to the public one
        return re.compile(pattern, flags)
    PROGRAMS.add(key, program)
    return compiled


def seed_start_up_patterns() -> None:
    """Put the patterns ``re`` compiled during earlier runs' start-up into ``re``'s own cache, made
    from their kept programs (see the module's documentation). Call before importing what uses them."""
    global _seeded
    cache = getattr(re, "_cache", None)
    if not _USABLE or not isinstance(cache, dict):
        return
    _seeded = True
    probe = None
    for (pattern, flags), program in START_UP.table().items():
        key = (type(pattern), pattern, flags)  # how re._compile keys its cache (CPython 3.9-3.13)
        if key in cache:
            continue
        try:
            cache[key] = _from_program(pattern, program)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            continue  # refused by _sre's validation: re compiles it as usual
        probe = probe or key
    if probe is not None and re.compile(probe[1], probe[2]) is not cache.get(probe):
        _seeded = False  # re keys its cache otherwise in this Python: take back what was put there
        for pattern, flags in START_UP.table():
            cache.pop((type(pattern), pattern, flags), None)


def remember_start_up_patterns() -> None:
    """The command's start-up is over: keep the programs of what ``re`` compiled so far that the table
    lacks (only after :func:`seed_start_up_patterns`; nothing to do on a run like the one before)."""
    if not _seeded:
        return
    known = START_UP.table()
    for key in list(re._cache):  # type: ignore[attr-defined] - seed_start_up_patterns checked it
        if not (isinstance(key, tuple) and len(key) == 3 and key[0] in (str, bytes) and isinstance(key[2], int)):
            continue
        pattern, flags = key[1], key[2]
        if (pattern, flags) in known or flags & re.DEBUG or len(START_UP.added) >= MAX_START_UP:
            continue
        try:
            START_UP.add((pattern, flags), _program(pattern, flags))
        except Exception:  # noqa: BLE001 - the private compiler changed shape: nothing kept
            return
