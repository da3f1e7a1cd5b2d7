"""The user's giklint cache folder, shared by the caches that make later runs quicker.

``$GIKLINT_CACHE_DIR`` when set (an empty value turns every cache off), else
``$XDG_CACHE_HOME/giklint``, else ``~/.cache/giklint``: never beside the checked files. A cache is
only ever an optimisation: a folder that cannot be made or written means working without it.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional


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
