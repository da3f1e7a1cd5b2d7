"""Regular expressions compiled when they are first used, not when their module is imported.

Compiling is what giklint's start-up spent most on: Python's regex compiler walks a character class
one code point at a time, so a class spanning the CJK block (``[\u4e00-\u9fff]``, 21 000 code points)
costs about 2 ms, and the extractors and rules define some 200 patterns, a third of which a given
report never needs. ``lazy_re.compile`` takes the arguments of ``re.compile`` and returns a stand-in
with the compiled pattern's interface. The first call of a method compiles the pattern and binds the
compiled pattern's methods onto the stand-in, so every later call costs what it costs on a compiled
pattern. ``pattern`` is there without compiling (patterns are built from each other's sources).
What compiling produces is kept between runs (:mod:`giklint.regex_cache`).

Use it for module-level patterns, in giklint and in plugin rules alike::

    from giklint import lazy_re

    PHONE = lazy_re.compile(r"0\\d{2,3}-\\d{7,8}")   # nothing compiled yet
    PHONE.search(text)                              # compiled here, once
"""
from __future__ import annotations

from typing import Any, Pattern, cast

from giklint import regex_cache

# What the first use binds: everything a compiled pattern offers besides ``pattern``.
_COMPILED_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
                        "scanner", "flags", "groups", "groupindex")


class LazyPattern:
    """A pattern compiled at its first use (see the module's documentation)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> Pattern[str]:
        return regex_cache.compile(self.pattern, self._flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends probing for hooks: nothing to compile
            raise AttributeError(name)
        compiled = self.compiled()
        for attribute in _COMPILED_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_re.compile({self.pattern!r}{', ' + str(self._flags) if self._flags else ''})"


def compile(pattern: str, flags: int = 0) -> Pattern[str]:  # noqa: A001 - the name mirrors re.compile
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("Pattern[str]", LazyPattern(pattern, flags))
