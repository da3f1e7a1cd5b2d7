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


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` so that a process reading at the same time sees the old or the new
    file, never half of one; False (and nothing left behind) when the folder is not writable."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
        return True
    except OSError:
        try:
            partial.unlink()
        except OSError:
            pass
        return False
