"""The user's giklint cache folder, shared by the caches that make later runs quicker.

``$GIKLINT_CACHE_DIR`` when set (an empty value turns every cache off), else
``$XDG_CACHE_HOME/giklint``, else ``~/.cache/giklint``: never beside the checked files. A cache is
only ever an optimisation: a folder that cannot be made or written means working without it.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional


def cache_root() -> Optional[Path]:
    """The giklint cache folder, or None when the user turned caching off."""
    configured = os.environ.get("GIKLINT_CACHE_DIR")
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "giklint"


def write_atomically(path: Path, data: bytes, private: bool = False) -> bool:
    """Write ``data`` to ``path`` so that a process reading at the same time sees the old or the new
    file, never half of one; False (and nothing left behind) when the folder is not writable.
    ``private``: readable and writable by this user only (see :func:`read_private`)."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o666)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
        return True
    except OSError:
        try:
            partial.unlink()
        except OSError:
            pass
        return False


def read_private(path: Path) -> Optional[bytes]:
    """The bytes of a cache file that only this user can have written (owned by this user, not
    writable by group or others), else None: what a cache holds that Python runs (compiled code)
    must not come from another account."""
    import stat

    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            if hasattr(os, "getuid") and status.st_uid != os.getuid():
                return None
            return handle.read()
    except OSError:
        return None


def write_kept_tables() -> None:
    """Write now what this process added to the kept tables it read: for a forked child, which ends
    with ``os._exit`` and so runs no exit handler (the PDF reader's child compiles the reader's
    patterns and classes; unwritten, every run's child would compile them again)."""
    for kept in _IN_USE:
        kept.write()


class KeptTable:
    """A dict kept between runs in one file of the cache folder, for this exact Python version: what a
    run compiled or parsed (regex programs, dataclass code, TOML), so later runs need not do it again.

    Read at first use (:meth:`table`); what this run :meth:`add`-ed is written when the process exits,
    merged with what other runs added meanwhile, the whole bounded by ``most`` entries (past that,
    only this run's). The file is :mod:`marshal` data behind a checksum, written readable by this
    user only and read only when no one else can have written it (:func:`read_private`); a missing,
    damaged, foreign or other-version file is an empty table, never an error. ``valid(key, value)``
    filters what is read.
    """

    def __init__(self, name: str, most: int, valid: Optional[Callable[[Any, Any], bool]] = None) -> None:
        self.name = name
        self.most = most
        self.valid = valid
        self._table: Optional[Dict[Any, Any]] = None
        self.added: Dict[Any, Any] = {}

    def table(self) -> Dict[Any, Any]:
        if self._table is None:
            self._table = self.read()
            import atexit

            atexit.register(self.write)
            _IN_USE.append(self)
        return self._table

    def add(self, key: Any, value: Any) -> None:
        self.table()[key] = self.added[key] = value

    def forget(self) -> None:
        """As in a new process: nothing read, nothing added (tests)."""
        self._table, self.added = None, {}

    def path(self) -> Optional[Path]:
        import sys
        import zlib

        root = cache_root()
        if root is None:
            return None
        # ".table", not the ".marshal" of giklint 0.1.0's regex file (no checksum): an older giklint
        # running beside this one (bench --before, two virtual environments) would throw each one's away
        return root / f"{self.name}-{sys.implementation.cache_tag}-{zlib.crc32(sys.version.encode('utf-8')):08x}.table"

    def read(self) -> Dict[Any, Any]:
        import marshal
        import sys
        import zlib

        path = self.path()
        data = read_private(path) if path is not None else None
        if data is None or len(data) < 4:
            return {}
        payload = memoryview(data)[4:]  # not a copy: a table is read on every run, some are 400 KB
        if int.from_bytes(data[:4], "big") != zlib.crc32(payload):
            return {}
        try:
            version, table = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return {}
        if version != sys.version or not isinstance(table, dict):
            return {}
        return {key: value for key, value in table.items() if self.valid is None or self.valid(key, value)}

    def write(self) -> None:
        path = self.path()
        if path is None or not self.added:
            return
        table = self.read()  # what other runs added meanwhile
        if len(table) >= self.most:
            table = {}
        table.update(self.added)
        try:
            data = self.encode(table)
        except ValueError:  # a value marshal cannot write: kept in memory only
            return
        write_atomically(path, data, private=True)

    @staticmethod
    def encode(table: Dict[Any, Any]) -> bytes:
        import marshal
        import sys
        import zlib

        payload = marshal.dumps((sys.version, table))
        return zlib.crc32(payload).to_bytes(4, "big") + payload


_IN_USE: List[KeptTable] = []  # the tables this process has read, in the order it read them
