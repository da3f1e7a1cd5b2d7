"""TOML text parsed on an earlier run, so a run whose configuration has not changed needs no TOML parser.

Why: every check reads at least the shipped ``national`` profile, and importing ``tomllib`` (with
the regular expressions it compiles) and parsing costs about as much as checking a short report's
contacts; a configuration rarely changes between runs. This module keeps, in one file in the user's
cache folder (:mod:`giklint.user_cache`), the parsed form of each TOML text it has parsed, keyed by
the whole text (compared in full, so a changed file is parsed afresh).

Safety: what is kept is data (dicts, lists, strings, numbers), written with :mod:`marshal`; a text
holding TOML dates or times, which marshal cannot write, is simply parsed each run. The file is read
only when this user owns it and no one else can write it, and only by the Python version that
wrote it; any problem means parsing afresh. Parse errors are never kept.
"""
from __future__ import annotations

import marshal
from typing import Any, Dict

from giklint.user_cache import KeptTable

MAX_TEXTS = 200  # profiles and configurations a user has; bounds a file that would otherwise grow with every edit
PARSED = KeptTable("toml", MAX_TEXTS, valid=lambda text, packed: isinstance(text, str) and isinstance(packed, bytes))


def parse(text: str) -> Dict[str, Any]:
    """``tomllib.loads(text)``; raises what it raises."""
    packed = PARSED.table().get(text)
    if packed is not None:
        try:
            data = marshal.loads(packed)  # a fresh copy each time: callers may change what they get
            if isinstance(data, dict):
                return data
        except (ValueError, EOFError, TypeError):
            pass
    data = loads(text)
    try:
        PARSED.add(text, marshal.dumps(data))
    except ValueError:  # dates and times: parse this text each run
        pass
    return data


def loads(text: str) -> Dict[str, Any]:
    return _tomllib().loads(text)


def decode_error() -> type:
    """The exception a malformed text raises (importing the parser only now)."""
    return _tomllib().TOMLDecodeError


def _tomllib() -> Any:
    try:
        import tomllib  # Python 3.11+
    except ImportError:  # pragma: no cover - Python < 3.11
        import tomli as tomllib
    return tomllib
