"""Results of files checked on an earlier run: re-checking an unchanged file costs a read and a hash.

Why: a review office runs a folder of several hundred reports again and again in February (another
output format, a few reports corrected, a configuration tried); each report costs tens of
milliseconds to hundreds (a PDF), and almost all of them have not changed. Like ruff's and
ESLint's caches, this one keeps each file's result in the user's cache folder
(:mod:`giklint.user_cache`, never beside the checked files) and gives it back while nothing that
could change it has changed.

What the key covers, so a kept result is never stale:

- the file: its path as shown, the folder a walk found it in, and its whole content (hashed);
- the code: giklint's version, the Python version, and the size and modification time of every file
  of giklint, of the shipped rules, profiles and schemas, and of every loaded plugin (a package's
  folder, a local plugin's whole folder: it may import its neighbours; an editable install edited in
  place counts as changed); plugins too many files to list are not cached;
- the configuration: the file's resolved configuration (rules, selection, options, profile, report
  type, ``fail_on``), the run's options (``--published``, ``--strict`` …), last year's report given
  with ``--previous``, every ``GIKLINT_*`` environment variable.

What is never kept: a file that could not be read or checked, a result with an internal error (a
rule that crashed or ran out of time), a plugin that failed to load, a document read by OCR or with
notices (pages without text: installing an OCR engine changes what they give), and results that keep
the document (the HTML output). ``--no-cache`` (``Options.cache``) or an empty ``GIKLINT_CACHE_DIR``
turns the cache off.

Safety: an entry is a pickle, read only when this user owns it and no one else can write it
(:func:`giklint.user_cache.read_private`), written readable by this user only. The folder is bounded
(:data:`MAX_ENTRIES`; the oldest go first).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from giklint.errors import GiklintError
from giklint.options import Options

FORMAT = "1"  # change when what an entry holds changes shape
MAX_ENTRIES = 20_000  # a few archives' worth; entries are ~2-10 KB
MAX_PLUGIN_FILES = 2_000  # a plugin package with more files is not fingerprinted (and not cached)
_PRUNE_EVERY = 256  # stores between two looks at the folder's size

Check = Callable[[Optional[bytes]], Any]  # the result (a giklint.runner.FileResult) of the file's bytes (None: read them)

_run_keys: Dict[Options, Optional[bytes]] = {}
_setup_keys: Dict[int, Tuple[Any, Optional[bytes]]] = {}  # id(resolved) -> (resolved, key): kept alive, so ids stay unique
_stores = 0


def cached(path: str, root: Optional[str], options: Options, for_pairing: bool, resolved: Any,
           check: Check) -> Any:
    """``check(data)``, or its result from an earlier run of the same file under the same code and
    configuration. ``resolved``: the file's :class:`giklint.resolve.Resolved` set-up; ``data``: the
    file's bytes as read for the key (a miss checks them, not a second read), None when not read."""
    data = _readable(path, root, options)
    key = _file_key(path, root, options, for_pairing, resolved, data) if data is not None else None
    if key is None:
        return check(data)
    entry = _entry(key)
    kept = _read(entry) if entry is not None else None
    if kept is not None:
        return kept
    result = check(data)
    if entry is not None and keepable(result):
        _write(entry, result)
    return result


def keepable(result: Any) -> bool:
    """Whether a result may be given back on a later run (see the module's text for why not)."""
    from giklint.engine_rules import InternalError

    if result.error or result.plugin_failures or result.model is not None:
        return False
    if any(finding.code == InternalError.code for finding in result.findings):
        return False
    document = result.document
    return document is None or not (document.notices or document.uncertain or document.lines)


# -- keys --------------------------------------------------------------------------------------

def _hasher() -> Any:
    try:
        from _blake2 import blake2b  # what hashlib.blake2b is, without hashlib importing OpenSSL first
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b
    return blake2b(digest_size=20)


def _readable(path: str, root: Optional[str], options: Options) -> Optional[bytes]:
    """The file's bytes, read as the check reads them; None when the cache is off or the file cannot
    be read (the check says why)."""
    if not options.cache or _folder() is None:
        return None
    from giklint.loaders._common import read_file

    try:
        return read_file(path, within=root)
    except GiklintError:
        return None


def _file_key(path: str, root: Optional[str], options: Options, for_pairing: bool, resolved: Any,
              data: bytes) -> Optional[bytes]:
    run_key, setup_key = _run_key(options), _setup_key(resolved)
    if run_key is None or setup_key is None:
        return None
    hasher = _hasher()
    for part in (run_key, setup_key, repr((path, root, for_pairing, len(data))).encode("utf-8"), data):
        hasher.update(part)
    return hasher.digest()


def _run_key(options: Options) -> Optional[bytes]:
    """What every file of the run shares: code, options, environment (once per process)."""
    if options not in _run_keys:
        from giklint import __version__

        hasher = _hasher()
        parts: List[Any] = [FORMAT, __version__, sys.version, repr(options),
                            sorted((name, value) for name, value in os.environ.items() if name.startswith("GIKLINT_"))]
        if options.previous:
            try:
                parts.append(Path(options.previous).read_bytes())
            except OSError:
                _run_keys[options] = None
                return None
        import giklint_rules
        import giklint_schemas

        # giklint's own files, the shipped rules and profiles, the schemas
        packages = _files_state([str(Path(__file__).parent), *giklint_rules.__path__, *giklint_schemas.__path__], limit=None)
        hasher.update(repr(parts).encode("utf-8"))
        hasher.update(repr(packages).encode("utf-8"))
        _run_keys[options] = hasher.digest()
    return _run_keys[options]


def _setup_key(resolved: Any) -> Optional[bytes]:
    """The file's configuration and plugins (once per configuration file per process)."""
    known = _setup_keys.get(id(resolved))
    if known is None or known[0] is not resolved:
        known = _setup_keys[id(resolved)] = (resolved, _describe_setup(resolved))
    return known[1]


def _describe_setup(resolved: Any) -> Optional[bytes]:
    import json

    config = resolved.setup.config
    loaded = resolved.catalog.loaded
    plugins = _plugins_state(zip(loaded.registered, loaded.plugins))
    if plugins is None:
        return None
    described = {
        "config": {name: value for name, value in vars(config).items() if not name.startswith("_")},
        "previous": resolved.setup.previous,
        "plugins": [(info.name, info.version, info.source) for info in loaded.plugins],
        "plugin_files": plugins,
    }
    try:
        text = json.dumps(described, sort_keys=True, ensure_ascii=False, default=_describe_value)
    except (TypeError, ValueError):  # a setting of a shape json cannot sort: not cached
        return None
    hasher = _hasher()
    hasher.update(text.encode("utf-8"))
    return hasher.digest()


def _describe_value(value: Any) -> str:
    if isinstance(value, type):
        return f"{value.__module__}.{value.__qualname__}"
    return repr(value)


def _plugins_state(plugins: Iterable[Tuple[Any, Any]]) -> Optional[List[Any]]:
    """Size and time of the files of the loaded plugins (``(plugin object, PluginInfo)`` pairs): an
    installed package's whole folder, an installed module's file, a local plugin's whole folder (it
    may import the modules beside it). None: too many files to list."""
    places: List[str] = []
    for plugin, info in plugins:
        module = plugin if hasattr(plugin, "__file__") else sys.modules.get(getattr(plugin, "__module__", None) or "")
        if getattr(module, "__name__", "").split(".")[0] in ("giklint", "giklint_rules"):
            continue  # in the run's key already
        folders = getattr(module, "__path__", None)
        source = getattr(module, "__file__", None)
        if folders:
            places += list(folders)
        elif source:
            places.append(os.path.dirname(source) if info.source == "config" else source)
    return _files_state(sorted(set(places)), limit=MAX_PLUGIN_FILES)


def _files_state(places: Iterable[str], limit: Optional[int]) -> Optional[List[Tuple[str, int, int]]]:
    """(path, size, modification time) of each file in ``places`` (files, or folders walked), sorted."""
    state: List[Tuple[str, int, int]] = []
    for place in places:
        for path, status in _walk_files(place):
            state.append((path, status.st_size, status.st_mtime_ns))
            if limit is not None and len(state) > limit:
                return None
    return sorted(state)


def _walk_files(place: str) -> Iterator[Tuple[str, os.stat_result]]:
    try:
        if not os.path.isdir(place):
            yield place, os.stat(place)
            return
        with os.scandir(place) as entries:
            for entry in entries:
                if entry.name == "__pycache__":
                    continue
                if entry.is_dir(follow_symlinks=False):
                    yield from _walk_files(entry.path)
                elif entry.is_file():
                    yield entry.path, entry.stat()
    except OSError:
        yield place, os.stat_result((0,) * 10)


# -- entries -----------------------------------------------------------------------------------

def _folder() -> Optional[Path]:
    from giklint.user_cache import cache_root

    root = cache_root()
    return root / f"results-{FORMAT}" if root is not None else None


def _entry(key: bytes) -> Optional[Path]:
    folder = _folder()
    return folder / f"{key.hex()}.pickle" if folder is not None else None


def _read(entry: Path) -> Any:
    from giklint.user_cache import read_private

    data = read_private(entry)
    if data is None:
        return None
    import pickle

    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 - a damaged entry is a miss, never an error
        return None


def _write(entry: Path, result: Any) -> None:
    global _stores
    import pickle

    from giklint.user_cache import write_atomically

    try:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - something a plugin put in a finding that pickle cannot write
        return
    if write_atomically(entry, data, private=True):
        _stores += 1
        if _stores % _PRUNE_EVERY == 1:
            prune(entry.parent)


def prune(folder: Path, most: int = MAX_ENTRIES) -> None:
    """Remove the oldest entries while the folder holds more than ``most``."""
    try:
        with os.scandir(folder) as entries:  # counted first: a run's memory must not grow with the folder
            if sum(1 for entry in entries if entry.name.endswith(".pickle")) <= most:
                return
        with os.scandir(folder) as entries:
            found = [(entry.stat().st_mtime_ns, entry.path) for entry in entries if entry.name.endswith(".pickle")]
    except OSError:
        return
    found.sort()
    for _, path in found[:len(found) - most * 3 // 4]:
        try:
            os.unlink(path)
        except OSError:
            pass
