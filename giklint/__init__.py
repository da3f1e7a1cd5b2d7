"""giklint: a compliance linter for 政府信息公开工作年度报告.

Public API::

    import giklint
    model = giklint.parse("report.docx")          # the report model (dict); strict=True: schema-validated
    findings = giklint.lint("report.md")           # list of giklint.rule.Finding

Plugins implement the hooks in :mod:`giklint.hookspecs` with :data:`giklint.hookimpl`.
Heavy libraries are imported only when a call needs them, so ``import giklint`` stays cheap.
"""
from __future__ import annotations

__version__ = "0.1.0"

from giklint.hookspecs import hookimpl  # noqa: E402  (re-exported for plugin authors)


def parse(source, name=None, strict=False):
    from giklint.api import parse as _parse

    return _parse(source, name, strict=strict)


def lint(source, **options):
    from giklint.api import lint as _lint

    return _lint(source, **options)


__all__ = ["__version__", "hookimpl", "parse", "lint"]
