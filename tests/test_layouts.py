"""Round trip: an example's facts, rendered in random layouts of every format, parse back exactly.

A fixed-seed sample (seconds); ``bench/layouts.py`` runs thousands and prints the share read exactly
per format and layout feature. The layouts and their features are described in ``_layouts.py``.
"""
from __future__ import annotations

import pytest
from _examples import examples
from _layouts import layout_sample, random_layout, round_trip, skip_without_font

SAMPLE_PER_FORMAT = 5


def clean_sources():
    """Examples whose facts print every cell (no unplaced row) and give no finding."""
    return [(path, facts) for path, facts in examples()
            if not facts.get("problems") and all(values != "unplaced" for values in facts["tables"]["applications"].values())]


def sample():
    for path, facts, layout in layout_sample(clean_sources(), SAMPLE_PER_FORMAT, first_seed=1000, stride=7):
        yield pytest.param(facts, layout, id=f"{path.stem}-{layout.name()}")


@pytest.mark.parametrize("facts, layout", list(sample()))
def test_a_random_layout_parses_back_to_the_facts(facts, layout):
    skip_without_font(layout)
    assert round_trip(facts, layout) == []



@pytest.mark.parametrize("seed", [7, 33])
def test_a_pdf_missing_a_rule_segment_or_centring_a_merged_label_parses_back(seed):
    """Seed 7: partly ruled, single rule segments missing; 33: ruled, labels merged over several rows
    printed in their middle, segments missing (rows joined in the drawing, not in the table)."""
    sources = clean_sources()
    path, facts = sources[seed % len(sources)]
    layout = random_layout("pdf", seed, facts)
    skip_without_font(layout)
    assert "missing-segment" in layout.features
    assert round_trip(facts, layout) == []


@pytest.mark.parametrize("seed, feature", [(23, "partly-ruled"), (136, "borderless"), (208, "missing-segment")])
def test_a_pdf_whose_labels_share_lines_with_other_text_parses_back(seed, feature):
    """Layouts that lost rows of 表三 (each failed before the fix): 23, partly ruled — （六）其他处理
    printed in the middle of its rows beside the wrapped "2.申请人逾期未按收费通知…" in one drawn
    cell; 136, borderless over a page break — a number a narrow gap after a wrapped label, and two
    wrapped labels side by side; 208, partly ruled 2019 table — the label merged down joined to
    "3.危及…" beside it by a missing rule segment."""
    sources = clean_sources()
    path, facts = sources[seed % len(sources)]
    layout = random_layout("pdf", seed, facts)
    skip_without_font(layout)
    assert feature in layout.features
    assert round_trip(facts, layout) == []
