"""The Python API: ``parse`` a report into the model; ``lint`` it.

Both accept a path, ``bytes`` (with ``name`` giving the file name the format is guessed from) or,
for ``lint``, a model dict. They are plain functions of their arguments, safe to call from worker
processes (for instance a Dask bag over an archive of reports). Configuration and plugins are
resolved by :mod:`giklint.resolve` and kept for the calls that follow (:func:`clear_caches`).
"""
from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Union

from giklint.options import Options, SelectorsArg
from giklint.reader import Report, Source, checked_model, default_loaders, read_bytes, read_report
from giklint.resolve import Resolved, clear_caches, resolver_for
from giklint.rule import Finding

__all__ = ["parse", "read", "lint", "clear_caches", "read_report", "read_bytes", "default_loaders", "Report", "Source"]

ConfigArg = Union[None, str, os.PathLike, Dict[str, Any]]


def read(source: Source, name: Optional[str] = None, strict: bool = False):
    """The typed report model (:class:`giklint.model.Report`) of one report or model file."""
    return read_report(source, name, strict=strict).typed


def parse(source: Source, name: Optional[str] = None, strict: bool = False) -> Dict[str, Any]:
    """The report model of one report (``docs/model.md``); ``strict``: validated against
    ``schemas/report.schema.json`` (a model file given as the source always is)."""
    return read_report(source, name, strict=strict).model


def lint(source: Any, *, config: ConfigArg = None, select: SelectorsArg = None, ignore: SelectorsArg = None,
         province: Optional[str] = None, report_type: Optional[str] = None, published: Optional[str] = None,
         previous: Optional[str] = None, name: Optional[str] = None, strict: bool = False,
         trust_plugins: Optional[bool] = None, rule_time_limit: Optional[float] = None) -> List[Finding]:
    """Findings for one report: a path, ``bytes`` (``name`` gives the format) or a model dict.

    ``config`` is a configuration file, a dict of the same shape, or None: for a path, the file found
    from its folder upward; otherwise the national defaults. Raises :class:`~giklint.errors.InputError`
    for an unreadable report and :class:`~giklint.errors.ConfigError` for a bad configuration.
    Local plugins the configuration lists run only with ``trust_plugins=True`` (or
    ``GIKLINT_TRUST_PLUGINS=1``), and only from ``config`` or the configuration of the current folder
    (:mod:`giklint.trust`). ``rule_time_limit``: seconds one rule may take (main thread only).
    """
    from giklint.engine import check_report

    options = Options.of(config=None if isinstance(config, dict) else config, select=select, ignore=ignore,
                         province=province, report_type=report_type, published=published, previous=previous,
                         strict=strict, trust_plugins=trust_plugins, rule_time_limit=rule_time_limit)
    resolved = _resolved(source, config, options)
    if isinstance(source, dict):
        model, document, path = checked_model(source, name), None, name or "<model>"
    else:
        report = read_report(source, name, loaders=resolved.loaders, strict=strict)
        model, document, path = report.model, report.document, report.path
    return check_report(model, resolved.setup, path, document, published)


def _resolved(source: Any, config: ConfigArg, options: Options) -> Resolved:
    resolver = resolver_for(options)
    if isinstance(config, dict):
        return resolver.for_data(config)
    if isinstance(source, (str, os.PathLike)) and os.fspath(source) != "-":
        return resolver.for_file(os.fspath(source))
    return resolver.for_config(options.config)
