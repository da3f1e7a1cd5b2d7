"""The engine's own plugin: its findings as rules, the built-in loaders and output formats.

Registered like any plugin and through the same hooks (the rules and profiles of ``rules/`` come
from the ``giklint_rules`` plugin the same way).
"""
from __future__ import annotations

from giklint.hookspecs import hookimpl


@hookimpl
def giklint_rules():
    from giklint.engine_rules import ENGINE_RULES

    return list(ENGINE_RULES)


@hookimpl
def giklint_loaders():
    from giklint.loaders import builtin_loaders

    return builtin_loaders()


@hookimpl
def giklint_formatters():
    from giklint.output import builtin_formatters

    return builtin_formatters()
