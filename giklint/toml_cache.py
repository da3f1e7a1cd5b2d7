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

import sys
from pathlib import Path
from typing import Any, Dict, Optional

MAX_TEXTS = 200  # profiles and configurations a user has; bounds a file that would otherwise grow with every edit
_kept: Optional[Dict[str, bytes]] = None  # text -> marshalled parse, read from the file at the first text
_added: Dict[str, bytes] = {}


def parse(text: str) -> Dict[str, Any]:
    """``tomllib.loads(text)``; raises what it raises."""
    kept = _kept_texts()
    packed = kept.get(text)
    if packed is not None:
        import marshal

        try:
            data = marshal.loads(packed)  # a fresh copy each time: callers may change what they get
            if isinstance(data, dict):
                return data
        except (ValueError, EOFError, TypeError):
            pass
    data = loads(text)
    try:
        import marshal

        kept[text] = _added[text] = marshal.dumps(data)
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


def _kept_texts() -> Dict[str, bytes]:
    global _kept
    if _kept is None:
        _kept = _read_file()
        import atexit

        atexit.register(_write_file)
    return _kept


def _cache_file() -> Optional[Path]:
    from giklint.user_cache import cache_root

    root = cache_root()
    if root is None:
        return None
    import zlib

    return root / f"toml-{sys.implementation.cache_tag}-{zlib.crc32(sys.version.encode('utf-8')):08x}.marshal"


def _read_file() -> Dict[str, bytes]:
    path = _cache_file()
    if path is None:
        return {}
    from giklint.user_cache import read_private

    data = read_private(path)
    if data is None:
        return {}
    import marshal

    try:
        version, texts = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return {}
    if version != sys.version or not isinstance(texts, dict):
        return {}
    return {text: packed for text, packed in texts.items() if isinstance(text, str) and isinstance(packed, bytes)}


def _write_file() -> None:
    path = _cache_file()
    if path is None or not _added:
        return
    import marshal

    from giklint.user_cache import write_atomically

    texts = _read_file()  # what other runs added meanwhile
    if len(texts) >= MAX_TEXTS:
        texts = {}
    texts.update(_added)
    write_atomically(path, marshal.dumps((sys.version, texts)), private=True)
