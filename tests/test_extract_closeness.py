"""giklint.extract.closeness: its bounds are difflib's own, so ruling a pair out never changes a match."""
from __future__ import annotations

import difflib
import random

import pytest

from giklint.extract import closeness
from giklint.extract.sections import _FUZZY_CANDIDATES, part_by_words
from giklint.extract.tables import OFFICIAL_LABELS

NAMES = [name for _, name in _FUZZY_CANDIDATES] + list(OFFICIAL_LABELS.values())


def _variants(seed: int, count: int):
    """Heading-like texts near and far from the names: typos, cut and doubled parts, other words."""
    chance = random.Random(seed)
    alphabet = "".join(sorted(set("".join(NAMES)))) + "的了和及与本年度工作情况ab1"
    for _ in range(count):
        name = list(chance.choice(NAMES))
        for _ in range(chance.randrange(0, 6)):
            where = chance.randrange(len(name) + 1)
            action = chance.randrange(3)
            if action == 0:
                name.insert(where, chance.choice(alphabet))
            elif action == 1 and len(name) > 1:
                del name[min(where, len(name) - 1)]
            else:
                name[min(where, len(name) - 1)] = chance.choice(alphabet)
        yield "".join(name)
    yield ""


@pytest.mark.parametrize("seed", range(3))
def test_a_pair_is_ruled_out_only_when_difflib_rules_it_out(seed):
    for text in _variants(seed, 300):
        for name in random.Random(seed).sample(NAMES, 8):
            matcher = difflib.SequenceMatcher(None, text, name)
            for at_least in (0.6, 0.75, 0.8, 0.9):
                expected = matcher.real_quick_ratio() >= at_least and matcher.quick_ratio() >= at_least
                assert closeness.could_reach(text, name, at_least) is expected, (text, name, at_least)
            assert closeness.ratio(text, name) == matcher.ratio()


def test_a_pair_it_rules_out_could_not_have_reached_the_ratio():
    for text in _variants(7, 500):
        for name in NAMES:
            if not closeness.could_reach(text, name, 0.8):
                assert difflib.SequenceMatcher(None, text, name).ratio() < 0.8


def test_typos_in_part_headings_are_still_forgiven():
    part_by_words.cache_clear()
    assert part_by_words("其他需要报告得事项") == 6
    assert part_by_words("政府信息公开工作存在的主要问题和改进请况") == 5
    assert part_by_words("本机关全年工作总结") is None
