"""Reports for the cross-year rules' tests: the project's cross-year examples (examples/cross-year),
read as ``giklint check`` reads them, and edited copies of them."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from conftest import EXAMPLES

from giklint.model import Report
from giklint.testing import report_from_text

REPORTS = EXAMPLES / "cross-year" / "reports"


@lru_cache(maxsize=None)
def example(name: str) -> Report:
    """The example report ``name`` (a path under examples/cross-year/reports)."""
    from giklint.api import read_report

    return read_report(str(REPORTS / name)).typed


def edited(name: str, old: str, new: str, *more: str) -> Report:
    """The Markdown example ``name`` with ``old`` (which must occur once) replaced by ``new``, and so on
    for further (old, new) pairs in ``more``."""
    text = (REPORTS / name).read_text(encoding="utf-8")
    changes = [(old, new)] + list(zip(more[::2], more[1::2]))
    for before, after in changes:
        assert text.count(before) == 1, f"{before!r} occurs {text.count(before)} times in {name}"
        text = text.replace(before, after)
    return report_from_text(text, name=str(Path(name).name))


def line_of(name: str, fragment: str) -> int:
    """The line of the example ``name`` that holds ``fragment``."""
    lines = (REPORTS / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if fragment in line)
