"""Where a run's configuration and plugins are resolved: once per configuration file, in one place.

A :class:`Resolver` belongs to one set of :class:`~giklint.options.Options`. Asked for the set-up
of a file (or of the files in a folder), it finds the configuration file that applies, loads the
plugins that file lists, resolves the configuration against their rules and profiles, and reads
last year's report when ``previous`` is given, each once per configuration file. The batch runner,
``giklint rules``/``explain`` and :func:`giklint.lint` all come here; the engine gets the result.
Resolvers are kept per options in each process (:func:`resolver_for`); :func:`clear_caches` forgets
them with the configuration files found and the plugins loaded (for long-lived processes).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from giklint import trust
from giklint.config import ConfigSource, check_schema, config_for, file_chain, resolve
from giklint.engine import Setup
from giklint.errors import ConfigError, GiklintError
from giklint.options import Options
from giklint.records import dataclass


@dataclass(frozen=True)
class Resolved:
    """The set-up of the files under one configuration, and the plugins it was resolved with."""

    setup: Setup
    catalog: Any  # giklint.plugins.Catalog: rules, profiles, loaders, formatters, failures

    @property
    def loaders(self) -> List[Any]:
        return list(self.catalog.loaders)

    @property
    def failures(self) -> List[Tuple[str, str]]:
        return list(self.catalog.failures)


class Resolver:
    """The set-ups of one run's files, each configuration file resolved once."""

    def __init__(self, options: Optional[Options] = None) -> None:
        self.options = options if options is not None else Options()
        self._by_config: Dict[Optional[str], Union[Resolved, GiklintError]] = {}
        self._local: Optional[trust.LocalSpecs] = None
        self._config_in: Dict[str, Optional[str]] = {}  # folder as written -> its configuration file

    @property
    def root_config(self) -> Optional[str]:
        """The run's root configuration, the only one whose local plugins may run (:mod:`giklint.trust`)."""
        return trust.root_config(self.options.config)

    def local_plugins(self) -> trust.LocalSpecs:
        """The local plugins of this run: the trusted root configuration's (none without trust)."""
        if self._local is None:
            self._local = trust.run_plugins(self.root_config, self.options.trust_plugins)
        return self._local

    def for_file(self, path: str) -> Resolved:
        """The set-up of one file (``-``: standard input, configured from the current folder)."""
        return self.for_config(self._config_of(path))

    def _config_of(self, path: str) -> Optional[str]:
        """:func:`giklint.config.config_for`, once per folder: a batch asks it of every file up to
        three times (the parent's checks before the workers start, the worker's), and each asking
        resolves the folder's real path (a system call per component of the path). A relative
        folder is kept under the current folder it was found from (an API caller may change it)."""
        folder, name = os.path.split(path)
        if self.options.config or not folder or name in ("", ".", "..", "-"):
            return config_for(path, self.options.config)
        if not os.path.isabs(folder):
            folder = os.path.join(os.getcwd(), folder)
        if folder not in self._config_in:
            self._config_in[folder] = config_for(path, None)
        return self._config_in[folder]

    def for_folder(self, folder: str) -> Resolved:
        """The set-up of the files directly in ``folder`` (whose plugins may add loaders: suffixes to look for)."""
        return self.for_file(os.path.join(folder, "-"))

    def plugins_for(self, path: str) -> Any:
        """The plugins (a Catalog) of the configuration that applies to ``path``, the configuration
        itself left unresolved (``giklint rules`` lists rules even where a rule's options are wrong)."""
        from giklint.plugins import catalog

        return catalog(self.local_plugins())

    def for_config(self, config_path: Optional[str]) -> Resolved:
        """The set-up under one configuration file (None: no file, the national defaults).

        A configuration that cannot be resolved raises its error, each time it is asked for: a batch
        makes it the error of each file under it and checks the others (:mod:`giklint.runner`).
        """
        if config_path not in self._by_config:
            try:
                self._by_config[config_path] = self._resolve(file_chain(config_path), config_path)
            except GiklintError as exc:
                self._by_config[config_path] = exc
        found = self._by_config[config_path]
        if isinstance(found, GiklintError):
            raise found.with_traceback(None)
        return found

    def for_data(self, data: Dict[str, Any], base_dir: Optional[Path] = None) -> Resolved:
        """The set-up under a configuration given as a dict (the shape of a ``giklint.toml``)."""
        inline = ConfigSource("<config>", data, base_dir or Path.cwd())
        check_schema(inline)
        trust.check_chain([inline], None, self.options.trust_plugins, inline_is_root=True)
        return self._resolve([inline], None, trust.listed(inline))

    def resolved(self) -> List[Resolved]:
        """Every set-up resolved so far, in the order first asked for."""
        return [found for found in self._by_config.values() if isinstance(found, Resolved)]

    def config_files(self) -> List[str]:
        """The configuration files asked for so far (resolved or broken)."""
        return [path for path in self._by_config if path is not None]

    def _resolve(self, chain: Sequence[ConfigSource], config_path: Optional[str],
                 local: Optional[trust.LocalSpecs] = None) -> Resolved:
        from giklint.plugins import catalog

        if local is None:  # a file's configuration: the run's plugins, from the root configuration
            trust.check_chain(chain, self.root_config, self.options.trust_plugins)
            local, lister = self.local_plugins(), self.root_config
        else:  # a configuration given as data is its own root
            lister = chain[0].label
        found = catalog(local)
        _refuse_broken_local(found, local, lister or "<config>")
        config = resolve(chain, found.rules, found.profiles, self.options, config_path, found.province_rules)
        previous = (_previous_model(self.options.previous, found.loaders, self.options.strict)
                    if self.options.previous else None)
        return Resolved(Setup(config, previous), found)


def _refuse_broken_local(found: Any, local: trust.LocalSpecs, where: str) -> None:
    """A local plugin that failed to load stops the run: its rules would silently be missing."""
    from giklint.plugins import LOCAL_PLUGIN_REQUIREMENTS

    names = {name for name, _ in local}
    broken = [(name, error) for name, error in found.failures if name in names]
    if broken:
        lines = [f"{where}: plugins: 本地插件“{name}”无法加载：{error}" for name, error in broken]
        raise ConfigError("\n".join(lines) + f"\n{LOCAL_PLUGIN_REQUIREMENTS}")


def _previous_model(path: str, loaders: Sequence[Any], strict: bool) -> Dict[str, Any]:
    from giklint.reader import read_report

    return read_report(path, loaders=loaders, strict=strict).model


@lru_cache(maxsize=None)
def resolver_for(options: Options) -> Resolver:
    """This process's resolver for ``options`` (kept: a worker checking many files resolves once)."""
    return Resolver(options)


def clear_caches() -> None:
    """Forget discovered configuration files, loaded plugins and resolved set-ups (for long-lived
    processes whose configuration files change)."""
    from giklint import config, plugins

    for cached in (config.find_config_file, plugins.catalog, resolver_for):
        cached.cache_clear()
