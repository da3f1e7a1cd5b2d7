"""How alike two short texts are (difflib's ratio), most pairs ruled out before difflib is needed.

Heading words are compared with the six parts' names, and table labels with the official row labels,
to forgive typos. Most pairs are far apart, and two cheap upper bounds of the ratio rule them out:
the ones ``difflib.get_close_matches`` tries first, computed here exactly as ``SequenceMatcher``
computes them (``real_quick_ratio`` and ``quick_ratio``), so a pair ruled out here is one difflib's own
bounds rule out. difflib itself, about 1% of a one-file check to import, is imported only for a pair
that passes them, which a clean report seldom has.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict


def could_reach(text: str, name: str, at_least: float) -> bool:
    """Whether :func:`ratio` of ``text`` and ``name`` could be ``at_least`` (False: it cannot)."""
    return _length_bound(text, name) >= at_least and _count_bound(text, name) >= at_least


def ratio(text: str, name: str) -> float:
    """``difflib.SequenceMatcher(None, text, name).ratio()``."""
    import difflib

    return difflib.SequenceMatcher(None, text, name).ratio()


def _length_bound(text: str, name: str) -> float:
    """``SequenceMatcher.real_quick_ratio``: at most the shorter text matches."""
    return _share(min(len(text), len(name)), len(text) + len(name))


def _count_bound(text: str, name: str) -> float:
    """``SequenceMatcher.quick_ratio``: at most the characters both have, counted with repeats."""
    available: Dict[str, int] = {}
    counts = _counts(name)
    matches = 0
    for char in text:
        left = available[char] if char in available else counts.get(char, 0)
        available[char] = left - 1
        if left > 0:
            matches += 1
    return _share(matches, len(text) + len(name))


@lru_cache(maxsize=256)
def _counts(name: str) -> Dict[str, int]:
    """How often each character occurs in ``name`` (kept: the names are a few fixed ones; never changed)."""
    counts: Dict[str, int] = {}
    for char in name:
        counts[char] = counts.get(char, 0) + 1
    return counts


def _share(matches: int, length: int) -> float:
    return 2.0 * matches / length if length else 1.0  # as difflib's _calculate_ratio
