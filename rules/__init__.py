"""giklint's built-in rules and province profiles: a plugin like any other.

Registered by giklint as a built-in plugin (``giklint.plugins.BUILTIN_PLUGINS``), through the same
hooks a third-party plugin uses. Every module in this package that defines :class:`giklint.rule.Rule`
subclasses contributes them; its docstring is the rule's documentation (``giklint explain``).
Profiles are the TOML files in ``profiles/``.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import List

from giklint.hookspecs import hookimpl

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"


def rule_classes() -> List[type]:
    """Every Rule subclass defined in a module of this package (private modules ``_x`` excluded)."""
    from giklint.rule import Rule

    found: List[type] = []
    for name in _module_names():
        module = importlib.import_module(f"{__name__}.{name}")
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, Rule) and value is not Rule
                    and value.__module__ == module.__name__ and value.code):
                found.append(value)
    return found


def _module_names() -> List[str]:
    """The public modules of this package, by name (``pkgutil.iter_modules``'s answer for a folder of
    ``.py`` files, without importing pkgutil on every run)."""
    names = set()
    for folder in __path__:
        with os.scandir(folder) as entries:
            for entry in entries:
                name, dot, suffix = entry.name.partition(".")
                if dot and suffix == "py" and name.isidentifier() and not name.startswith("_") \
                        and entry.is_file():
                    names.add(name)
    return sorted(names)


@hookimpl
def giklint_rules():
    return rule_classes()


@hookimpl
def giklint_profiles():
    from giklint.config import profiles_from_directory

    return profiles_from_directory(PROFILE_DIR, shipped=True)
