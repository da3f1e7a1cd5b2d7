"""Round trip: an example's facts, rendered in random layouts of every format, parse back exactly.

A fixed-seed sample (seconds); ``bench/layouts.py`` runs thousands and prints the share read exactly
per format and layout feature. The layouts and their features are described in ``_layouts.py``.
"""
from __future__ import annotations

import pytest
from _examples import examples
from _layouts import FORMATS, cjk_font, random_layout, round_trip

SAMPLE_PER_FORMAT = 5


def clean_sources():
    """Examples whose facts print every cell (no unplaced row) and give no finding."""
    return [(path, facts) for path, facts in examples()
            if not facts.get("problems") and all(values != "unplaced" for values in facts["tables"]["applications"].values())]


def sample():
    sources = clean_sources()
    for fmt in FORMATS:
        for seed in range(SAMPLE_PER_FORMAT):
            path, facts = sources[(seed * 7 + len(fmt)) % len(sources)]
            layout = random_layout(fmt, 1000 + seed, facts)
            yield pytest.param(facts, layout, id=f"{path.stem}-{layout.name()}")


@pytest.mark.parametrize("facts, layout", list(sample()))
def test_a_random_layout_parses_back_to_the_facts(facts, layout):
    if layout.format == "pdf" and cjk_font() is None:
        pytest.skip("no CJK TrueType font (Debian fonts-wqy-zenhei, installed by .ci/run)")
    assert round_trip(facts, layout) == []

