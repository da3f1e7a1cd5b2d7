"""Which rules run: ``select``/``ignore`` entries are codes (``GK311``), code prefixes (``GK3``, ``GK``),
slugs (``balance``) or ``ALL``.

A rule runs when some ``select`` entry names it and no ``ignore`` entry names it at least as
specifically: ``select = ["GK5"]`` with ``ignore = ["GK"]`` runs nothing, while
``select = ["overview-length"]`` with ``ignore = ["GK5"]`` runs overview-length (the exact name is more
specific than the prefix). Codes and prefixes are matched without regard to case.
"""
from __future__ import annotations

from typing import Iterable, List, Sequence

ALL = "ALL"
EXACT = 1000  # specificity of an exact code or slug; a prefix counts its length


def specificity(selector: str, rule: type) -> int:
    """How closely ``selector`` names ``rule``: 0 when it does not name it at all."""
    if selector.upper() == ALL:
        return 1
    if selector == rule.slug or selector.upper() == rule.code.upper():
        return EXACT
    if rule.code.upper().startswith(selector.upper()):
        return 1 + len(selector)
    return 0


def best(selectors: Iterable[str], rule: type) -> int:
    return max((specificity(s, rule) for s in selectors), default=0)


def is_selected(rule: type, select: Sequence[str], ignore: Sequence[str]) -> bool:
    chosen = best(select, rule)
    return chosen > 0 and chosen > best(ignore, rule)


def names_a_rule(selector: str, rules: Iterable[type]) -> bool:
    return any(specificity(selector, rule) for rule in rules)


def close_matches(name: str, rules: Iterable[type], count: int = 3) -> List[str]:
    """Codes and slugs that look like ``name`` (for "did you mean" hints)."""
    import difflib  # only for a name no rule has

    candidates = []
    for rule in rules:
        candidates += [rule.code, rule.slug]
    by_case = {c.lower(): c for c in candidates}
    found = difflib.get_close_matches(name.lower(), list(by_case), n=count, cutoff=0.6)
    return [by_case[f] for f in found]


def hint(name: str, rules: Iterable[type]) -> str:
    """``（可能是：balance）`` or an empty string."""
    matches = close_matches(name, rules)
    return f"（可能是：{'、'.join(matches)}）" if matches else ""
