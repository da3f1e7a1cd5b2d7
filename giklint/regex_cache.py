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


def _compiler_modules() -> Tuple[Any, Any]:
    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover - Python 3.9 and 3.10 name them sre_compile and sre_parse
        import sre_compile as _compiler
        import sre_parse as _parser
    return _compiler, _parser


def _program(pattern: str, flags: int) -> Program:
    """What ``re.compile`` hands to ``_sre.compile`` (the same steps as ``re._compiler.compile``)."""
    compiler, parser = _compiler_modules()
    parsed = parser.parse(pattern, flags)
    code = [int(op) for op in compiler._code(parsed, flags)]  # opcodes are int subclasses marshal refuses
    group_index = dict(parsed.state.groupdict)
    index_group: list = [None] * parsed.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, group_index, tuple(index_group))


def _from_program(pattern: str, program: Program) -> Pattern[str]:
    import _sre

    return _sre.compile(pattern, *program)


def compile(pattern: str, flags: int = 0) -> Pattern[str]:  # noqa: A001 - the name mirrors re.compile
    """``re.compile(pattern, flags)``, from the cache file when this Python compiled it before."""
    flags = int(flags)
    if not _USABLE or flags & re.DEBUG or not isinstance(pattern, str):
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
