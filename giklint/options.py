"""The options of one run: what the command line or the Python API sets over the configuration files.

One frozen, picklable value (a process pool sends it to its workers, and resolved set-ups are cached
by it). ``giklint check``'s flags and :func:`giklint.lint`'s keyword arguments both become an
:class:`Options`; the configuration files' own settings stay in :mod:`giklint.config`.
"""
from __future__ import annotations

import os
from dataclasses import field
from typing import Any, Optional, Sequence, Tuple, Union

from giklint import lazy_re
from giklint.records import dataclass

SelectorsArg = Union[None, str, Sequence[str]]
SELECTOR_SEPARATOR = lazy_re.compile(r"[,，]")  # a full-width comma typed in a Chinese input method counts too


def selectors(values: SelectorsArg) -> Tuple[str, ...]:
    """``"a,b"`` or ``["a,b", "c"]`` (``--select a,b --select c``) -> ("a", "b", "c")."""
    if not values:
        return ()
    items = [values] if isinstance(values, str) else values
    return tuple(part.strip() for item in items for part in SELECTOR_SEPARATOR.split(item) if part.strip())


@dataclass(frozen=True)
class Options:
    """How to check: the configuration file and what overrides it."""

    config: Optional[str] = None  # a configuration file for every report; None: found per report's folder
    province: Optional[str] = None  # a profile name
    report_type: Optional[str] = None  # a key of giklint.template.REPORT_TYPES
    select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    fail_on: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    previous: Optional[str] = None  # last year's report, for rules that compare years
    strict: bool = False  # validate the model giklint extracts against the report schema (--strict)
    # run the local plugins the root configuration lists (giklint.trust); the environment can say so
    trust_plugins: bool = field(default_factory=lambda: trusted_by_environment())
    rule_time_limit: Optional[float] = None  # seconds one rule may take on one report; None: the default
    cache: bool = True  # give back a file's result from an earlier run while nothing it depends on changed (giklint.result_cache)

    @classmethod
    def of(cls, *, config: Union[None, str, os.PathLike] = None, select: SelectorsArg = None,
           ignore: SelectorsArg = None, previous: Union[None, str, os.PathLike] = None,
           strict: bool = False, trust_plugins: Optional[bool] = None, rule_time_limit: Optional[float] = None,
           cache: bool = True, **values: Any) -> "Options":
        """Options from loosely typed values (paths as ``os.PathLike``, selectors as a string or a list)."""
        if trust_plugins is not None:
            values["trust_plugins"] = bool(trust_plugins)
        return cls(config=os.fspath(config) if config is not None else None, select=selectors(select),
                   ignore=selectors(ignore), previous=os.fspath(previous) if previous is not None else None,
                   strict=strict, rule_time_limit=rule_time_limit, cache=cache, **values)


TRUST_VARIABLE = "GIKLINT_TRUST_PLUGINS"


def trusted_by_environment() -> bool:
    """Does the environment trust local plugins (``GIKLINT_TRUST_PLUGINS=1``)?"""
    return os.environ.get(TRUST_VARIABLE, "").strip().lower() in ("1", "true", "yes", "on")
