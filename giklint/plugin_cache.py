"""A cache of the installed ``giklint`` entry points, kept while the installed packages stay the same.

The cache file is valid for one Python environment and one state of what is installed: its key is
the interpreter, giklint's version, and for every ``sys.path`` entry its modification time and its
``*.dist-info``/``*.egg-info`` folders with the modification time of their ``entry_points.txt``.
Installing, upgrading or removing a package adds, renames or removes such a folder (which changes
the folder listing and the entry's modification time); so the cache is read again only when nothing
was installed since. Any problem with the cache file (missing, unreadable, from another state,
not writable) means a fresh scan, never an error. The file lives in the user's cache folder
(:mod:`giklint.user_cache`: ``$GIKLINT_CACHE_DIR``, an empty value turning it off; default
``$XDG_CACHE_HOME/giklint`` or ``~/.cache/giklint``).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Callable, List, Optional, Tuple

from giklint.user_cache import cache_root, write_atomically

EntryPoints = List[Tuple[str, str, str]]  # (name, module spec, distribution version)
METADATA_SUFFIXES = (".dist-info", ".egg-info")


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _entry_state(entry: str) -> list:
    """What of one ``sys.path`` entry tells whether packages were installed in it since."""
    folder = entry or "."
    state: list = [entry, _mtime(folder)]
    try:
        with os.scandir(folder) as listing:
            names = sorted(item.name for item in listing if item.name.endswith(METADATA_SUFFIXES))
    except OSError:  # a zip file, or gone
        return state
    for name in names:
        state.append([name, _mtime(os.path.join(folder, name, "entry_points.txt"))])
    return state


def installed_state() -> str:
    """What is installed where this interpreter looks for packages, as one string (the cache's key;
    kept whole, not hashed: hashlib's import alone costs more than comparing a few kilobytes)."""
    from giklint import __version__

    return json.dumps([sys.version, sys.executable, __version__, [_entry_state(entry) for entry in sys.path]])


def _cache_file(group: str) -> Optional[Path]:
    import zlib

    root = cache_root()
    # one file per interpreter and search path: runs with another sys.path (python -m, a script) do not thrash it
    environment = zlib.crc32("\0".join([sys.prefix, sys.executable, *sys.path]).encode("utf-8"))
    return root / f"entry-points-{group}-{environment:08x}.json" if root is not None else None


def _read(path: Path, key: str) -> Optional[EntryPoints]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("entry_points"), list):
        return None
    found = data["entry_points"]
    if not all(isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item) for item in found):
        return None
    return [tuple(item) for item in found]


def _write(path: Path, key: str, found: EntryPoints) -> None:
    # a read-only home: scan every time
    write_atomically(path, json.dumps({"key": key, "entry_points": [list(item) for item in found]}).encode("utf-8"))


def cached(group: str, scan: Callable[[], EntryPoints]) -> EntryPoints:
    """``scan()``'s answer, from the cache file when nothing was installed since it was written."""
    path = _cache_file(group)
    if path is None:
        return scan()
    key = installed_state()
    found = _read(path, key)
    if found is None:
        found = scan()
        _write(path, key, found)
    return found
