"""Finding and loading plugins, one by one, so a broken plugin is reported by name and skipped.

Pure functions in the style of flake8's finder: ``find_entry_points`` lists what is installed,
``load_plugins`` imports each and registers it with a pluggy plugin manager, collecting failures
instead of raising. A plugin whose hook implementation names no hook (a misspelt ``giklint_rule``)
is found by ``check_pending()`` and refused. Hooks are called through ``manager.hook``; each
implementation answers on its own (:class:`Answer`), so one that raises is a failure of its plugin
and the others still contribute. A :class:`Catalog` is what the loaded plugins contribute (rules,
profiles, loaders, formatters), each contribution checked, so one plugin's bad rule is a failure of
that plugin, not of the run. giklint's own rules, loaders and formatters come through the same hooks
from the built-in plugins. Local plugins (files or modules a configuration lists) are loaded only
when listed by the trusted root configuration (:mod:`giklint.trust` decides), with no bytecode written.
"""
from __future__ import annotations

import functools
import importlib
import inspect
import re
import sys
from dataclasses import field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Tuple, Union

import pluggy

from giklint import lazy_re
from giklint import hookspecs
from giklint.records import dataclass

ENTRY_POINT_GROUP = "giklint"
# giklint's own plugins, registered first, whatever is installed: the engine's rules, loaders and
# formatters (giklint.builtin), and the rules and province profiles (giklint_rules, from rules/)
BUILTIN_PLUGINS = ("giklint.builtin", "giklint_rules")
IMPL_MARKER = "giklint_impl"  # the attribute giklint.hookimpl sets on a hook implementation
CODE_PATTERN = lazy_re.compile(r"^[A-Z]+[0-9]+$")
SLUG_PATTERN = lazy_re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

LOCAL_PLUGIN_REQUIREMENTS = (
    "本地插件是一个 Python 文件（相对配置文件所在的文件夹）或可导入的模块，须定义至少一个用 "
    "@giklint.hookimpl 标记的钩子函数：giklint_rules()（返回 giklint.rule.Rule 子类的列表）、"
    "giklint_profiles()、giklint_loaders() 或 giklint_formatters()；见 docs/rules-api.md")

LocalSpec = Union[str, Tuple[str, str]]  # "x.py" / "module", or (that, the folder it is relative to)


@dataclass
class PluginInfo:
    """One loaded plugin, as ``giklint rules`` and the run notes name it."""
    name: str  # entry point name, module name or file path
    version: str  # distribution version, or "" for local plugins
    source: str  # "builtin", "entry-point", "config"


@dataclass
class LoadedPlugins:
    """The plugin manager with every plugin registered, and the plugins that failed to load."""
    manager: pluggy.PluginManager
    plugins: List[PluginInfo] = field(default_factory=list)
    failures: List[Tuple[str, str]] = field(default_factory=list)  # (plugin name, error text)
    registered: List[object] = field(default_factory=list)  # the plugin objects, as loaded


@dataclass(frozen=True)
class Answer:
    """One plugin's answer to one hook call: what it contributes, or why it could not."""

    plugin: str
    items: Tuple[object, ...] = ()
    error: Optional[str] = None


def _answering(function: Callable[..., Any], plugin: str, hook_name: str) -> Callable[..., Answer]:
    """``function`` (a hook implementation) made to return an :class:`Answer` and never raise."""
    @functools.wraps(function)  # keeps the hookimpl marker and the signature pluggy reads
    def answer(*args: Any, **kwargs: Any) -> Answer:
        try:
            return Answer(plugin, tuple(function(*args, **kwargs) or ()))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # one plugin's defect (sys.exit() included) must not stop the others
            return Answer(plugin, error=f"{hook_name}: {type(exc).__name__}: {exc}")
    return answer


class AnsweringPlugin:
    """A plugin as the manager holds it: its hook implementations, each wrapped by :func:`_answering`.

    pluggy takes a plugin's hook implementations from its attributes, so this stand-in is where
    giklint's per-plugin isolation fits in without reaching into pluggy's internals.
    """

    def __init__(self, plugin: object, name: str) -> None:
        self.plugin = plugin
        for attr in dir(plugin):
            if attr.startswith("_"):
                continue
            function = getattr(plugin, attr, None)
            if inspect.isroutine(function) and hasattr(function, IMPL_MARKER):
                setattr(self, attr, _answering(function, name, attr))


def new_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager("giklint")
    manager.add_hookspecs(hookspecs)
    return manager


@lru_cache(maxsize=1)
def find_entry_points() -> List[Tuple[str, str, str]]:
    """(name, module spec, distribution version) of every installed ``giklint`` entry point.

    Scanning every installed distribution (and importing ``importlib.metadata``) costs more than the
    rest of a pre-commit run's start-up, so the answer is kept in a cache file and used while the
    installed packages stay as they were (:mod:`giklint.plugin_cache`)."""
    from giklint import plugin_cache

    return plugin_cache.cached(ENTRY_POINT_GROUP, scan_entry_points)


def scan_entry_points() -> List[Tuple[str, str, str]]:
    """:func:`find_entry_points` without the cache: every installed distribution read."""
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


def _import_spec(spec: str, base_dir: Optional[Path] = None) -> object:
    """Import ``module`` or ``module:attribute``; a local module is looked for in ``base_dir`` first."""
    module_name, _, attr = spec.partition(":")
    added = base_dir is not None and str(base_dir) not in sys.path
    if added:
        sys.path.insert(0, str(base_dir))
    try:
        module = importlib.import_module(module_name.strip())
    finally:
        if added:
            sys.path.remove(str(base_dir))
    return getattr(module, attr.strip()) if attr else module


def _without_bytecode(load: Callable[[], object]) -> object:
    """Run ``load`` (importing a local plugin) writing no ``__pycache__`` into the checked tree.

    The setting stays off for the rest of the process: a plugin's hooks and rules may import more
    of its own modules later, and giklint never writes into the folders it checks.
    """
    sys.dont_write_bytecode = True
    return load()


_FILE_MODULES: Dict[Path, object] = {}  # a local plugin file runs once per process


def _import_file(path: Path) -> object:
    path = path.resolve()
    if path in _FILE_MODULES:
        return _FILE_MODULES[path]
    if not path.is_file():
        raise FileNotFoundError(f"插件文件不存在：{path}")
    import hashlib
    import importlib.util  # only for a plugin given as a file

    digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:10]  # one module name per file
    name = f"giklint_local_{re.sub(r'[^0-9A-Za-z_]', '_', path.stem)}_{digest}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    _FILE_MODULES[path] = module
    return module


def _register(loaded: LoadedPlugins, name: str, version: str, source: str, load) -> None:
    try:
        plugin = load()
        if any(plugin is known for known in loaded.registered):
            return
        answering = AnsweringPlugin(plugin, name)
        if source == "config" and not _implements_a_hook(answering):
            raise TypeError("没有定义任何 giklint 钩子（@giklint.hookimpl 标记的 giklint_rules 等函数）")
        loaded.manager.register(answering, name=f"{source}:{name}")
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # a broken plugin (sys.exit() on import included) must not stop the others
        loaded.failures.append((name, f"{type(exc).__name__}: {exc}"))
        return
    problem = _unknown_hooks(loaded.manager, answering)
    if problem:
        loaded.manager.unregister(answering)
        loaded.failures.append((name, problem))
        return
    loaded.registered.append(plugin)
    loaded.plugins.append(PluginInfo(name, version, source))


def _implements_a_hook(plugin: AnsweringPlugin) -> bool:
    return any(not attr.startswith("_") and attr != "plugin" for attr in vars(plugin))


def _unknown_hooks(manager: pluggy.PluginManager, plugin: object) -> Optional[str]:
    """Why ``plugin`` cannot be used when it implements a hook giklint does not have (None when none).

    Checked after each registration, so ``check_pending()`` fails for this plugin only.
    """
    try:
        manager.check_pending()
    except pluggy.PluginValidationError:
        known = sorted(name for name, caller in vars(manager.hook).items()
                       if not name.startswith("_") and caller.has_spec())
        unknown = sorted(name for name, caller in vars(manager.hook).items()
                         if not name.startswith("_") and not caller.has_spec()
                         and any(impl.plugin is plugin for impl in caller.get_hookimpls()))
        return "；".join(f"未知的钩子“{name}”{_hook_hint(name, known)}" for name in unknown)
    return None


def _hook_hint(name: str, known: List[str]) -> str:
    import difflib  # only for a plugin's mistake

    close = difflib.get_close_matches(name, known, n=1)
    return f"（是不是 {close[0]}？）" if close else f"（已有的钩子：{'、'.join(known)}）"


def _is_file_spec(item: str) -> bool:
    return item.endswith(".py") or "/" in item or "\\" in item


def load_plugins(local: Iterable[LocalSpec] = (), base_dir: Optional[Path] = None,
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
        item, folder = (item, base_dir) if isinstance(item, str) else (item[0], Path(item[1]))
        if _is_file_spec(item):
            path = Path(item)
            if not path.is_absolute() and folder is not None:
                path = Path(folder) / path
            _register(loaded, item, "", "config", lambda p=path: _without_bytecode(lambda: _import_file(p)))
        else:
            _register(loaded, item, "", "config",
                      lambda m=item, d=folder: _without_bytecode(lambda: _import_spec(m, d)))
    return loaded


def collect_each(manager: pluggy.PluginManager, hook_name: str,
                 failures: Optional[List[Tuple[str, str]]] = None) -> List[Tuple[str, object]]:
    """(plugin name, item) for everything the plugins answer to one hook, in registration order.

    The hook is called through ``manager.hook``; an implementation that raised is recorded in
    ``failures`` (plugin name, error) and the others still answer (raised when ``failures`` is None).
    """
    results: List[Tuple[str, object]] = []
    for answer in reversed(getattr(manager.hook, hook_name)()):  # pluggy calls the last registered first
        if answer.error is not None:
            if failures is None:
                raise RuntimeError(f"{answer.plugin}: {answer.error}")
            failures.append((answer.plugin, answer.error))
        results.extend((answer.plugin, item) for item in answer.items)
    return results


def collect(manager: pluggy.PluginManager, hook_name: str,
            failures: Optional[List[Tuple[str, str]]] = None) -> List[object]:
    """Flatten every plugin's answer to one hook into one list (see :func:`collect_each`)."""
    return [item for _, item in collect_each(manager, hook_name, failures)]


# -- what the plugins contribute ----------------------------------------------------------------

@dataclass
class Catalog:
    """Rules, profiles, loaders and formatters of one set of loaded plugins."""

    loaded: LoadedPlugins
    rules: List[type]
    profiles: Dict[str, object]  # name -> giklint.config.Profile
    loaders: List[object]
    formatters: Dict[str, object]  # --format name -> giklint.output.FormatterSpec
    # an installed plugin's rules -> the profiles that plugin contributes: its rules run only where the
    # configuration chooses one of them (or selects the rules by name); see docs/configuration.md
    province_rules: Dict[type, FrozenSet[str]] = field(default_factory=dict)

    @property
    def failures(self) -> List[Tuple[str, str]]:
        return self.loaded.failures


def rule_problem(rule: object) -> Optional[str]:
    """Why ``rule`` cannot be used as a rule (None when it can)."""
    from giklint.rule import SEVERITIES, Rule

    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        return f"{rule!r} 不是 giklint.rule.Rule 的子类"
    if not CODE_PATTERN.match(str(rule.code or "")):
        return f"规则 {rule.__name__} 的 code “{rule.code}” 不符合格式（大写字母加数字，如 GK311）"
    if not SLUG_PATTERN.match(str(rule.slug or "")):
        return f"规则 {rule.code} 的 slug “{rule.slug}” 不符合格式（小写字母、数字和连字符）"
    if rule.severity not in SEVERITIES:
        return f"规则 {rule.code} 的 severity “{rule.severity}” 应为 error、warning 或 info"
    if not isinstance(rule.options, dict):
        return f"规则 {rule.code} 的 options 应为 dict"
    return None


def _collect_rules(loaded: LoadedPlugins) -> Tuple[List[type], Dict[type, str]]:
    """The usable rules, and the plugin each came from."""
    rules: List[type] = []
    origin: Dict[type, str] = {}
    taken: Dict[str, type] = {}
    for plugin, rule in collect_each(loaded.manager, "giklint_rules", loaded.failures):
        problem = rule_problem(rule)
        clash = next((taken[n] for n in (getattr(rule, "code", None), getattr(rule, "slug", None))
                      if n in taken and taken[n] is not rule), None) if not problem else None
        if clash is not None:
            problem = f"规则 {rule.code} {rule.slug} 与已有的规则 {clash.code} {clash.slug} 重名，已跳过"
        if problem:
            loaded.failures.append((plugin, problem))
        elif rule not in rules:
            rules.append(rule)
            origin[rule] = plugin
            taken.update({rule.code: rule, rule.slug: rule})
    return rules, origin


def _collect_profiles(loaded: LoadedPlugins) -> Tuple[Dict[str, object], Dict[str, FrozenSet[str]]]:
    """The usable profiles by name, and the names each plugin contributed."""
    from giklint.config import Profile, ProfileFile

    profiles: Dict[str, object] = {}
    by_plugin: Dict[str, FrozenSet[str]] = {}
    for plugin, profile in collect_each(loaded.manager, "giklint_profiles", loaded.failures):
        # a profile file's data is a table when it is read (when used), so it is not read here
        if not isinstance(profile, Profile) or not (isinstance(profile, ProfileFile) or isinstance(profile.data, dict)):
            loaded.failures.append((plugin, f"giklint_profiles: {profile!r} 不是 giklint.config.Profile"))
        elif profile.name in profiles:
            loaded.failures.append((plugin, f"配置“{profile.name}”重名，已跳过"))
        else:
            profiles[profile.name] = profile
            by_plugin[plugin] = by_plugin.get(plugin, frozenset()) | {profile.name}
    return profiles, by_plugin


def _province_rules(loaded: LoadedPlugins, origin: Dict[type, str],
                    by_plugin: Dict[str, FrozenSet[str]]) -> Dict[type, FrozenSet[str]]:
    """The rules of installed plugins that contribute profiles, with those profiles' names."""
    installed = {info.name for info in loaded.plugins if info.source == "entry-point"}
    return {rule: by_plugin[plugin] for rule, plugin in origin.items() if plugin in installed and plugin in by_plugin}


def catalog(local: Tuple[Tuple[str, str], ...] = ()) -> Catalog:
    """Everything the installed plugins and the listed local ones contribute (cached per list)."""
    # one cache key per list, however it is passed: a run asks for ``catalog()`` (the formatters) and
    # for its files' ``catalog(())``, which lru_cache alone would tell apart and build twice
    return _catalog(tuple(local))


@lru_cache(maxsize=None)
def _catalog(local: Tuple[Tuple[str, str], ...]) -> Catalog:
    loaded = load_plugins(local)
    rules, origin = _collect_rules(loaded)
    profiles, by_plugin = _collect_profiles(loaded)
    loaders = collect(loaded.manager, "giklint_loaders", loaded.failures)
    return Catalog(loaded, rules, profiles, loaders, _collect_formatters(loaded),
                   _province_rules(loaded, origin, by_plugin))


catalog.cache_clear = _catalog.cache_clear  # type: ignore[attr-defined]  # as when catalog was the lru_cache itself
catalog.cache_info = _catalog.cache_info  # type: ignore[attr-defined]


def _collect_formatters(loaded: LoadedPlugins) -> Dict[str, object]:
    formatters: Dict[str, object] = {}
    for plugin, spec in collect_each(loaded.manager, "giklint_formatters", loaded.failures):
        if isinstance(getattr(spec, "name", None), str) and callable(getattr(spec, "render", None)):
            formatters.setdefault(spec.name, spec)
        else:
            loaded.failures.append((plugin, f"giklint_formatters: {spec!r} 不是 giklint.output.FormatterSpec"))
    return formatters
