"""Targets: the files a run checks, from the command line's paths (files, folders recursed, globs, ``-``).

What a folder walk passes over, each listed with its reason (``giklint check --verbose``):

- paths matching the ``exclude`` patterns (default :data:`DEFAULT_EXCLUDE`: hidden files and folders,
  virtual environments, ``node_modules``, ``__pycache__``), which ``exclude`` in the configuration or
  ``--exclude`` replace and ``extend-exclude`` / ``--extend-exclude`` add to. Patterns use
  ``.gitignore`` syntax, relative to the configuration file's folder (the current folder for the
  command line's); each folder of a walk follows the configuration that applies there;
- paths a ``.gitignore`` ignores (the walked folder's and its parents' up to the repository root,
  and ``.git/info/exclude``), unless ``respect-gitignore = false``;
- symbolic links that lead out of the walked folder, and anything that is not a regular file
  (FIFOs, devices, sockets), which would hang a reader or never end.

A file named on the command line is checked as named, unless ``force-exclude`` (as ruff has it):
pre-commit names every staged file, and the hook must honour the excludes all the same.

Patterns are matched with ``pathspec`` (the gitignore implementation black and yamllint use):
.gitignore's rules (anchoring, ``**``, negation, directory-only patterns) are subtle enough that a
well-kept library beats a home-made one, and the package is small and pure Python.
"""
from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

from giklint.records import dataclass

CHECKED_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".docx", ".pdf", ".json", ".yaml", ".yml")
DEFAULT_EXCLUDE = (".*", "venv/", "node_modules/", "__pycache__/")
GLOB_CHARS = "*?["

EXCLUDED = "被 exclude 排除"
GITIGNORED = "被 .gitignore 忽略"
LINK_OUT = "是指向所检查文件夹之外的链接"
NOT_REGULAR = "不是普通文件（如管道、设备）"
NOT_A_REPORT = "不像报告"  # with the reason after "：" (giklint.report_kind)


def checked_suffixes(loaders: Iterable[Any] = ()) -> Tuple[str, ...]:
    """Suffixes a folder or glob is searched for: giklint's own and any a plugin loader adds."""
    extra = [s for spec in loaders if getattr(spec, "searched", True)
             for s in getattr(spec, "suffixes", ()) if s and s not in CHECKED_SUFFIXES]
    return CHECKED_SUFFIXES + tuple(extra)


Suffixes = Union[Tuple[str, ...], Callable[[str], Tuple[str, ...]]]  # or: the suffixes for a folder


def _suffixes_for(suffixes: Suffixes, folder: str) -> Tuple[str, ...]:
    return suffixes(folder) if callable(suffixes) else suffixes


def _glob_root(pattern: str) -> str:
    """The folder a glob searches from: its path up to the first wildcard."""
    head = pattern[:min(pattern.index(c) for c in GLOB_CHARS if c in pattern)]
    return os.path.dirname(head) or "."


@dataclass(frozen=True)
class TargetOptions:
    """The command line's say in which files are checked (None: the configuration decides)."""

    exclude: Optional[Tuple[str, ...]] = None  # --exclude: replaces the configuration's and the default
    extend_exclude: Tuple[str, ...] = ()  # --extend-exclude
    force_exclude: Optional[bool] = None  # --force-exclude: excludes apply to files named as well
    respect_gitignore: Optional[bool] = None
    skip_non_reports: bool = False  # files named as well as found that are plainly no report are skipped


class Target(NamedTuple):
    """A file to check, or a path that names none (``error``); ``explicit`` when named as it is;
    ``skip`` the reason it is passed over."""

    path: str
    error: Optional[str] = None
    explicit: bool = True
    skip: Optional[str] = None
    root: Optional[str] = None  # the folder a walk found it in: reading it may not leave it (giklint.loaders._common)


class Skipped(NamedTuple):
    """A file passed over, and why (Chinese)."""

    path: str
    reason: str


# -- patterns ----------------------------------------------------------------------------------

class Patterns:
    """gitignore-style patterns, relative to ``base`` (an absolute folder)."""

    def __init__(self, lines: Iterable[str], base: str) -> None:
        self.lines = list(lines)
        self.base = base
        self._spec: Any = None

    def verdict(self, path: str, is_dir: bool) -> Optional[bool]:
        """True: matched (ignored); False: re-included by a ``!`` pattern; None: not mentioned."""
        if self._spec is None:  # compiled when first used: a run of named files never imports pathspec
            import pathspec

            self._spec = pathspec.GitIgnoreSpec.from_lines(self.lines)
        relative = self.relative(path)
        return self._spec.check_file(relative.replace(os.sep, "/") + ("/" if is_dir else "")).include

    def relative(self, path: str) -> str:
        relative = os.path.relpath(path, self.base)
        if relative.startswith(".." + os.sep) or relative == "..":
            return os.path.basename(path)  # outside the base: a name pattern may still match
        return relative


class NamePatterns(Patterns):
    """Patterns matched against the name alone (the defaults): a folder the user names to check is
    walked even when it sits inside a hidden one."""

    def relative(self, path: str) -> str:
        return os.path.basename(path)


@dataclass(frozen=True)
class Exclusion:
    """What one configuration (with the command line over it) excludes."""

    patterns: Tuple[Patterns, ...]
    force_exclude: bool
    respect_gitignore: bool

    def excludes(self, path: str, is_dir: bool = False) -> bool:
        absolute = os.path.abspath(path)
        verdicts = [p.verdict(absolute, is_dir) for p in self.patterns]
        return any(verdicts)


def _config_settings(config_file: Optional[str]) -> Tuple[Optional[List[Tuple[str, str]]], List[Tuple[str, str]],
                                                          Optional[bool], Optional[bool]]:
    """(exclude, extend-exclude as (pattern, base folder), force-exclude, respect-gitignore) of a file chain."""
    from giklint.config import file_chain

    exclude, extend, force, respect = None, [], None, None
    for source in reversed(file_chain(config_file)) if config_file else ():
        base = str(source.base_dir or Path.cwd())
        if "exclude" in source.data:
            exclude = [(pattern, base) for pattern in source.data["exclude"]]
        extend += [(pattern, base) for pattern in source.data.get("extend-exclude") or ()]
        force = source.data.get("force-exclude", force)
        respect = source.data.get("respect-gitignore", respect)
    return exclude, extend, force, respect


@lru_cache(maxsize=None)
def exclusion_for(config_file: Optional[str], options: TargetOptions) -> Exclusion:
    """The exclusion under a configuration file (None: none found), the command line over it."""
    exclude, extend, force, respect = _config_settings(config_file)
    cwd = os.getcwd()
    if options.exclude is not None:
        exclude = [(pattern, cwd) for pattern in options.exclude]
    extend += [(pattern, cwd) for pattern in options.extend_exclude]
    by_base: dict = {}
    for pattern, base in (exclude or []) + extend:
        by_base.setdefault(base, []).append(pattern)
    patterns = tuple(Patterns(lines, base) for base, lines in by_base.items())
    if exclude is None:
        patterns += (NamePatterns(DEFAULT_EXCLUDE, cwd),)
    force = options.force_exclude if options.force_exclude is not None else bool(force)
    respect = options.respect_gitignore if options.respect_gitignore is not None else respect is not False
    return Exclusion(patterns, force, respect)


def _exclusion_at(path: str, options: TargetOptions, config: Optional[str]) -> Exclusion:
    from giklint.config import config_for
    from giklint.errors import ConfigError

    try:
        return exclusion_for(config_for(path, config), options)
    except ConfigError:  # a broken configuration: its files are errors naming it (giklint.runner), not the run's
        return exclusion_for(None, options)


# -- .gitignore --------------------------------------------------------------------------------

def _read_lines(path: str) -> Optional[List[str]]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return None


def _gitignores_above(folder: str) -> List[Patterns]:
    """The .gitignore files of ``folder``'s parents up to the repository root, and .git/info/exclude."""
    found: List[Patterns] = []
    current = os.path.dirname(folder)
    if os.path.isdir(os.path.join(folder, ".git")):
        current = ""
    while current:
        lines = _read_lines(os.path.join(current, ".gitignore"))
        if lines:
            found.insert(0, Patterns(lines, current))
        if os.path.exists(os.path.join(current, ".git")):
            break
        parent = os.path.dirname(current)
        current = parent if parent != current else ""
    return found


def _repository_exclude(folder: str) -> List[Patterns]:
    here = folder
    while True:
        if os.path.isdir(os.path.join(here, ".git")):
            lines = _read_lines(os.path.join(here, ".git", "info", "exclude"))
            return [Patterns(lines, here)] if lines else []
        parent = os.path.dirname(here)
        if parent == here:
            return []
        here = parent


def _gitignored(path: str, is_dir: bool, specs: Sequence[Patterns]) -> bool:
    """git's answer: the last file (the deepest) that mentions the path decides."""
    ignored = False
    for spec in specs:
        verdict = spec.verdict(path, is_dir)
        if verdict is not None:
            ignored = verdict
    return ignored


# -- walking -----------------------------------------------------------------------------------

def _inside(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _file_problem(path: str, root: Optional[str]) -> Optional[str]:
    """Why a found file cannot be read safely: a link out of ``root``, or not a regular file."""
    if root is not None and os.path.islink(path) and not _inside(path, root):
        return LINK_OUT
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return LINK_OUT if os.path.islink(path) else NOT_REGULAR  # a dangling link
    return None if stat.S_ISREG(mode) else NOT_REGULAR


def _walk(folder: str, suffixes: Suffixes, options: TargetOptions, config: Optional[str]) -> Iterator[Target]:
    """Every file under ``folder`` with a checked suffix, and the ones passed over (with ``skip``)."""
    suffixes = _suffixes_for(suffixes, folder)
    root = os.path.realpath(folder)
    exclusion = _exclusion_at(os.path.join(folder, "x"), options, config)
    base_specs = (_repository_exclude(os.path.abspath(folder)) + _gitignores_above(os.path.abspath(folder))
                  if exclusion.respect_gitignore else [])
    if _gitignored(os.path.abspath(folder), True, base_specs):
        base_specs = []  # a folder named to be checked is walked, though ignored; its own .gitignore still counts
    specs_of = {os.path.abspath(folder): base_specs}
    for here, dirs, files in os.walk(folder):
        exclusion = _exclusion_at(os.path.join(here, "x"), options, config)  # a sub-folder's own configuration
        specs = specs_of.pop(os.path.abspath(here), [])
        if exclusion.respect_gitignore:
            lines = _read_lines(os.path.join(here, ".gitignore"))
            if lines:
                specs = specs + [Patterns(lines, os.path.abspath(here))]
        kept = []
        for name in sorted(dirs):
            path = os.path.join(here, name)
            if os.path.islink(path):
                continue  # os.walk does not follow it; a link inside the tree is reached by its real path
            if not (exclusion.excludes(path, True) or _gitignored(os.path.abspath(path), True, specs)):
                kept.append(name)
                specs_of[os.path.abspath(path)] = specs
        dirs[:] = kept
        files.sort()  # (in place: a folder's names are listed once, however many it holds)
        for name in files:
            if not name.lower().endswith(suffixes):
                continue
            path = os.path.join(here, name)
            skip = (EXCLUDED if exclusion.excludes(path) else
                    GITIGNORED if _gitignored(os.path.abspath(path), False, specs) else _file_problem(path, root))
            yield Target(path, explicit=False, skip=skip, root=folder)


def _path_and_folders(path: str) -> List[str]:
    """The path and the folders it is in, up to the current folder (``.github/workflows/ci.yml`` is
    excluded because ``.github`` is, as a walk would never have entered it)."""
    found, here = [path], os.path.dirname(os.path.abspath(path))
    cwd = os.getcwd()
    while here.startswith(cwd + os.sep):
        found.append(here)
        here = os.path.dirname(here)
    return found


def _named(path: str, options: TargetOptions, config: Optional[str]) -> Target:
    """A file named on the command line: checked, unless force-exclude and an exclude pattern say no."""
    exclusion = _exclusion_at(path, options, config)
    if exclusion.force_exclude and any(exclusion.excludes(p, p != path) for p in _path_and_folders(path)):
        return Target(path, skip=EXCLUDED)
    if not stat.S_ISREG(os.stat(path).st_mode):
        return Target(path, f"{path}: {NOT_REGULAR}，未读取")
    return Target(path)


def expand_paths(paths: Iterable[str], suffixes: Suffixes = CHECKED_SUFFIXES,
                 options: TargetOptions = TargetOptions(), config: Optional[str] = None) -> Iterator[Target]:
    """Every file to check, in the order given; folders recursed, globs expanded (``config``: --config).

    ``suffixes`` may be a function of the folder searched (a folder's configuration may list a plugin
    whose loader reads more suffixes).
    """
    for path in paths:
        if path == "-":
            yield Target(path)
        elif os.path.isdir(path):
            yield from _walk(path, suffixes, options, config)
        elif os.path.exists(path):
            yield _named(path, options, config)
        elif any(c in path for c in GLOB_CHARS):
            yield from _globbed(path, suffixes, options, config)
        else:
            yield Target(path, f"{path}: 文件不存在")


def _globbed(pattern: str, suffixes: Suffixes, options: TargetOptions, config: Optional[str]) -> Iterator[Target]:
    """The files a glob matches, in sorted order, a folder it matches walked as it comes (the matches
    themselves are listed, as :func:`glob.glob` gives them, to be sorted)."""
    import glob  # only for a glob argument

    suffixes = _suffixes_for(suffixes, _glob_root(pattern))
    matches = sorted(glob.glob(pattern, recursive=True))
    found = False
    for match in matches:
        if os.path.isdir(match):
            for target in _walk(match, suffixes, options, config):
                found = True
                yield target
        elif match.lower().endswith(suffixes):
            exclusion = _exclusion_at(match, options, config)
            skip = EXCLUDED if exclusion.excludes(match) else _file_problem(match, None)
            found = True
            yield Target(match, explicit=False, skip=skip)
    if not found:
        yield Target(pattern, f"{pattern}: 没有匹配的文件")


def target_key(path: str) -> str:
    """What makes two targets the same file for :func:`iter_unique_targets`: the absolute path."""
    return path if path == "-" else os.path.abspath(path)


class _LaterPaths:
    """Which keys a command-line path after a given one can yield: a folder's are under its absolute
    path, a file's (or a missing path's) is its own, a glob's may be any (a glob may also match a folder
    and files in it, so its own count as later too)."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.last_named: Dict[str, int] = {}  # key -> the last path that names it
        self.folders: List[Tuple[int, str]] = []  # (path number, absolute folder and separator)
        self.last_glob = -1
        self.last_path = len(paths) - 1  # the number of the last path (a file, folder or glob)
        for number, path in enumerate(paths):
            if path != "-" and os.path.isdir(path):
                self.folders.append((number, os.path.join(os.path.abspath(path), "")))
            elif path == "-" or os.path.exists(path) or not any(c in path for c in GLOB_CHARS):
                self.last_named[target_key(path)] = number
            else:
                self.last_glob = number

    def any_may_yield(self, number: int) -> bool:
        """Whether a path after path ``number`` (or a glob at ``number``) may yield any key again."""
        return self.last_glob >= number or self.last_path > number

    def may_yield(self, key: str, number: int) -> bool:
        """Whether a path after path ``number`` (or a glob at ``number`` itself) may yield ``key``."""
        return (self.last_glob >= number or self.last_named.get(key, -1) > number
                or any(later > number and key.startswith(folder) for later, folder in self.folders))


def iter_unique_targets(paths: Sequence[str], suffixes: Suffixes = CHECKED_SUFFIXES,
                        options: TargetOptions = TargetOptions(), config: Optional[str] = None) -> Iterator[Target]:
    """The targets of :func:`expand_paths` as they are found, a file named twice (or found twice) kept once.

    A folder's files are not kept to tell: only a key a later path can yield again is (a file in a
    folder named after it, a folder inside another), so a run of one folder keeps nothing per file
    and a run of paths that overlap keeps what they share.
    """
    later = _LaterPaths(paths)
    seen: set = set()
    for number, path in enumerate(paths):
        met_again = later.any_may_yield(number)
        for target in expand_paths([path], suffixes, options, config):
            if not (seen or met_again):  # one folder alone (the usual run): no key to make
                yield target
                continue
            key = target_key(target.path)
            if key in seen:
                continue
            if later.may_yield(key, number):
                seen.add(key)
            yield target


def unique_targets(paths: Sequence[str], suffixes: Suffixes = CHECKED_SUFFIXES,
                   options: TargetOptions = TargetOptions(), config: Optional[str] = None) -> List[Target]:
    """The targets of :func:`expand_paths`, a file named twice (or found twice) kept once."""
    return list(iter_unique_targets(paths, suffixes, options, config))
