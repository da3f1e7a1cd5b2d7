"""Finding and loading plugins, one by one, so a broken plugin is reported by name and skipped.

Pure functions in the style of flake8's finder: ``find_entry_points`` lists what is installed,
``load_plugins`` imports each and registers it, collecting failures instead of raising.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, List, Optional, Tuple

import pluggy

from giklint import hookspecs

ENTRY_POINT_GROUP = "giklint"
BUILTIN_PLUGINS = ("giklint.builtin",)  # loaders and formatters of the engine itself


@dataclass
class PluginInfo:
    name: str  # entry point name, module name or file path
    version: str  # distribution version, or "" for local plugins
    source: str  # "builtin", "entry-point", "config"


@dataclass
class LoadedPlugins:
    manager: pluggy.PluginManager
    plugins: List[PluginInfo] = field(default_factory=list)
    failures: List[Tuple[str, str]] = field(default_factory=list)  # (plugin name, error text)


def new_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager("giklint")
    manager.add_hookspecs(hookspecs)
    return manager


def find_entry_points() -> List[Tuple[str, str, str]]:
    """(name, module spec, distribution version) of every installed ``giklint`` entry point."""
    from importlib.metadata import distributions

    found = []
    seen = set()
    for dist in distributions():
        for ep in dist.entry_points:
            if ep.group != ENTRY_POINT_GROUP or (ep.name, ep.value) in seen:
                continue
            seen.add((ep.name, ep.value))
            found.append((ep.name, ep.value, dist.version or ""))
    return sorted(found)


def _import_spec(spec: str) -> object:
    module_name, _, attr = spec.partition(":")
    module = importlib.import_module(module_name.strip())
    return getattr(module, attr.strip()) if attr else module


def _import_file(path: Path) -> object:
    name = "giklint_local_" + "_".join(path.with_suffix("").parts[-3:]).replace("-", "_").replace(".", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _register(loaded: LoadedPlugins, name: str, version: str, source: str, load) -> None:
    try:
        plugin = load()
        if loaded.manager.is_registered(plugin):
            return
        loaded.manager.register(plugin, name=f"{source}:{name}")
        loaded.plugins.append(PluginInfo(name, version, source))
    except Exception as exc:  # a broken plugin must not stop the others
        loaded.failures.append((name, f"{type(exc).__name__}: {exc}"))


def load_plugins(local: Iterable[str] = (), base_dir: Optional[Path] = None,
                 entry_points: bool = True) -> LoadedPlugins:
    """Register the built-in plugins, installed entry points and the config's local plugins."""
    from giklint import __version__

    loaded = LoadedPlugins(new_manager())
    for module in BUILTIN_PLUGINS:
        _register(loaded, module, __version__, "builtin", lambda m=module: _import_spec(m))
    if entry_points:
        for name, spec, version in find_entry_points():
            _register(loaded, name, version, "entry-point", lambda s=spec: _import_spec(s))
    for item in local:
        if item.endswith(".py") or "/" in item or "\\" in item:
            path = Path(item)
            if not path.is_absolute() and base_dir is not None:
                path = base_dir / path
            _register(loaded, item, "", "config", lambda p=path: _import_file(p))
        else:
            _register(loaded, item, "", "config", lambda m=item: _import_spec(m))
    return loaded


def collect(manager: pluggy.PluginManager, hook_name: str,
            failures: Optional[List[Tuple[str, str]]] = None) -> List[object]:
    """Flatten every plugin's answer to one hook into one list.

    Each implementation is called on its own, so one that raises is recorded in ``failures``
    (plugin name, error) and the others still answer.
    """
    results: List[object] = []
    for impl in getattr(manager.hook, hook_name).get_hookimpls():
        try:
            answer = impl.function()
        except Exception as exc:
            if failures is None:
                raise
            failures.append((impl.plugin_name.split(":", 1)[-1], f"{hook_name}: {type(exc).__name__}: {exc}"))
            continue
        if answer:
            results.extend(answer)
    return results
