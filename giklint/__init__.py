"""giklint: a compliance linter for 政府信息公开工作年度报告.

Public API::

    import giklint
    model = giklint.parse("report.docx")          # the report model's JSON form (dict); strict=True validates it
    report = giklint.read("report.docx")          # the typed model (giklint.model.Report)
    findings = giklint.lint("report.md")           # list of giklint.Finding

Rule authors (docs/rules-api.md): ``giklint.Rule``, ``giklint.Context``, ``giklint.Option``,
``giklint.Finding``, ``giklint.Related``, the model types (``giklint.Report``, ``giklint.Cell`` …), the modules
:mod:`giklint.vocabulary`, :mod:`giklint.tabletools`, :mod:`giklint.texttools`, :mod:`giklint.pairing`
(for rules that compare years) and, for tests,
:mod:`giklint.testing`. Plugins implement the hooks in :mod:`giklint.hookspecs` with
:data:`giklint.hookimpl`. Names are imported on first use, so ``import giklint`` stays cheap.
"""
from __future__ import annotations

__version__ = "0.1.0"


def parse(source, name=None, strict=False):
    from giklint.api import parse as _parse

    return _parse(source, name, strict=strict)


def lint(source, **options):
    from giklint.api import lint as _lint

    return _lint(source, **options)


def read(source, name=None, strict=False):
    from giklint.api import read as _read

    return _read(source, name, strict=strict)


# public names and the module each lives in, imported on first use (PEP 562)
_LAZY = {
    "hookimpl": "giklint.hookspecs",  # re-exported for plugin authors (importing it imports pluggy)
    "Rule": "giklint.rule", "Context": "giklint.rule", "Finding": "giklint.rule", "Option": "giklint.rule",
    "Related": "giklint.rule",
    "Report": "giklint.model", "Meta": "giklint.model", "Period": "giklint.model", "Contacts": "giklint.model",
    "Signature": "giklint.model", "Part": "giklint.model", "Line": "giklint.model", "Table": "giklint.model",
    "Row": "giklint.model", "Cell": "giklint.model", "Claim": "giklint.model", "Location": "giklint.model",
    "OtherHeading": "giklint.model", "Source": "giklint.model",
}


def __getattr__(name):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'giklint' has no attribute {name!r}")


__all__ = ["__version__", "hookimpl", "parse", "read", "lint", *_LAZY]
