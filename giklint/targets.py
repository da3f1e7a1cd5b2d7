"""Targets: the files a run checks, from the command line's paths (files, folders recursed, globs, ``-``)."""
from __future__ import annotations

import glob
import os
from typing import Any, Callable, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

CHECKED_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".docx", ".pdf", ".json", ".yaml", ".yml")
SKIPPED_DIRS = (".venv", "venv", "node_modules", "__pycache__")  # besides every hidden folder
GLOB_CHARS = "*?["


def checked_suffixes(loaders: Iterable[Any] = ()) -> Tuple[str, ...]:
    """Suffixes a folder or glob is searched for: giklint's own and any a plugin loader adds."""
    extra = [s for spec in loaders for s in getattr(spec, "suffixes", ()) if s and s not in CHECKED_SUFFIXES]
    return CHECKED_SUFFIXES + tuple(extra)


def _walk(folder: str, suffixes: Tuple[str, ...]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(suffixes):
                yield os.path.join(root, name)


Suffixes = Union[Tuple[str, ...], Callable[[str], Tuple[str, ...]]]  # or: the suffixes for a folder


def _suffixes_for(suffixes: Suffixes, folder: str) -> Tuple[str, ...]:
    return suffixes(folder) if callable(suffixes) else suffixes


def _glob_root(pattern: str) -> str:
    """The folder a glob searches from: its path up to the first wildcard."""
    head = pattern[:min(pattern.index(c) for c in GLOB_CHARS if c in pattern)]
    return os.path.dirname(head) or "."


class Target(NamedTuple):
    """A file to check, or a path that names none (``error``); ``explicit`` when named as it is."""

    path: str
    error: Optional[str] = None
    explicit: bool = True


def expand_paths(paths: Iterable[str], suffixes: Suffixes = CHECKED_SUFFIXES) -> Iterator[Target]:
    """Every file to check, in the order given; folders recursed, globs expanded.

    ``suffixes`` may be a function of the folder searched (a folder's configuration may list a plugin
    whose loader reads more suffixes).
    """
    for path in paths:
        if path == "-" or os.path.isfile(path):
            yield Target(path)
        elif os.path.isdir(path):
            yield from (Target(found, explicit=False) for found in _walk(path, _suffixes_for(suffixes, path)))
        elif any(c in path for c in GLOB_CHARS):
            suffixes_here = _suffixes_for(suffixes, _glob_root(path))
            matches = sorted(glob.glob(path, recursive=True))
            files = [m for m in matches if os.path.isfile(m) and m.lower().endswith(suffixes_here)]
            for folder in (m for m in matches if os.path.isdir(m)):
                files += _walk(folder, suffixes_here)
            if not files:
                yield Target(path, f"{path}: 没有匹配的文件")
            yield from (Target(found, explicit=False) for found in files)
        else:
            yield Target(path, f"{path}: 文件不存在")


def unique_targets(paths: Sequence[str], suffixes: Suffixes = CHECKED_SUFFIXES) -> List[Target]:
    """The targets of :func:`expand_paths`, a file named twice (or found twice) kept once."""
    seen, targets = set(), []
    for target in expand_paths(paths, suffixes):
        key = target.path if target.path == "-" else os.path.abspath(target.path)
        if key not in seen:
            seen.add(key)
            targets.append(target)
    return targets
