"""The engine's own plugin: built-in loaders and output formats, registered through the public hooks."""
from __future__ import annotations

from giklint.hookspecs import hookimpl


@hookimpl
def giklint_loaders():
    from giklint.loaders import builtin_loaders

    return builtin_loaders()


@hookimpl
def giklint_formatters():
    from giklint.output import builtin_formatters

    return builtin_formatters()
