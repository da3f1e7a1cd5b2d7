"""The plugin hooks (README.md, Plugins). Names are fixed; each returns a list of what it contributes.

A plugin is a module (or object) with functions marked ``@giklint.hookimpl`` and named like these.
Built-in rules, loaders, formatters and profiles come through the same hooks.
"""
from __future__ import annotations

from typing import List

import pluggy

hookspec = pluggy.HookspecMarker("giklint")
hookimpl = pluggy.HookimplMarker("giklint")


@hookspec
def giklint_rules() -> List[type]:
    """Return rule classes (subclasses of :class:`giklint.rule.Rule`)."""


@hookspec
def giklint_loaders() -> List[object]:
    """Return :class:`giklint.loaders.LoaderSpec` objects: input formats by suffix or sniffer."""


@hookspec
def giklint_formatters() -> List[object]:
    """Return :class:`giklint.output.FormatterSpec` objects: output formats for ``--format``."""


@hookspec
def giklint_profiles() -> List[object]:
    """Return :class:`giklint.config.Profile` objects: the default configuration and province profiles."""
