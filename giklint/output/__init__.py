"""Output formats. Each is a :class:`FormatterSpec` contributed through the ``giklint_formatters`` hook."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List


@dataclass(frozen=True)
class FormatterSpec:
    name: str  # the --format value
    # (results, rules, options) -> text. ``results`` is a list of giklint.engine.FileResult in input order,
    # ``rules`` every known rule class (for help texts), ``options`` a dict (e.g. {"statistics": True}).
    render: Callable[..., str]
    description: str = ""


def builtin_formatters() -> List[FormatterSpec]:
    return []
