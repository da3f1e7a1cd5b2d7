"""The extractors' text helpers (giklint/extract/text.py)."""
from __future__ import annotations

import bisect
import random
import re
import sys

import pytest

from giklint.extract.text import _TABLE, Compact, normalize, squeeze


def test_normalize_changes_each_character_the_table_names_and_no_other():
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    assert normalize(every) == every.translate(_TABLE)


def test_normalize_keeps_offsets():
    printed = "２０２１年　收到申请（含“网上申请”）：１２件—"
    assert normalize(printed) == '2021年 收到申请(含"网上申请"):12件-'
    assert len(normalize(printed)) == len(printed)


def test_squeeze_removes_white_space_of_every_kind():
    assert squeeze("商业 企业\t\u3000科研\u2003机构\n") == "商业企业科研机构"


def _per_character(text: str):
    """What Compact replaces: the text without white space and every kept character's offset."""
    runs = [(run.start(), run.group()) for run in re.finditer(r"\S+", text)]
    offsets = [start + i for start, run in runs for i in range(len(run))]
    return "".join(run for _, run in runs), offsets


def test_compact_maps_every_character_and_offset_as_a_per_character_table_would():
    generator = random.Random(13)
    alphabet = ["共", "计", "6", "4", " ", "\n", "\u3000", "\t", "\u00a0", "\x1c", "\x85", "\u2028", "条"]  # white space of every kind re knows
    texts = ["", "   ", "共计", " 共计 64\n\n条 ", "\u3000\u3000二、主动公开\n"]
    texts += ["".join(generator.choice(alphabet) for _ in range(generator.randint(0, 40))) for _ in range(500)]
    for text in texts:
        kept, offsets = _per_character(text)
        compacted = Compact(text)
        assert compacted.text == kept
        assert [compacted.offset(i) for i in range(-len(kept), len(kept))] == [offsets[i] for i in range(-len(kept), len(kept))]
        assert [compacted.index(x) for x in range(-1, len(text) + 2)] == \
               [bisect.bisect_left(offsets, x) for x in range(-1, len(text) + 2)]
        for outside in (len(kept), -len(kept) - 1):
            with pytest.raises(IndexError):
                compacted.offset(outside)


def test_compact_of_a_phrase_broken_across_lines():
    compacted = Compact("共计 64\n\n条")
    assert compacted.text == "共计64条"
    assert compacted.offset(compacted.text.index("条")) == 7
    assert compacted.index(3) == 2  # before the "6" after the space: "共计"


def test_flow_text_is_the_whole_raw_text_normalised_with_markers_blanked():
    from giklint.document import Cell, Line, Location
    from giklint.extract.text import Flow, blank_markers

    generator = random.Random(7)
    words = ["（一）", "予以公开", "，", "１２", "　", " ", "[bookmark: _GoBack]", "[image: 图片1", "]", "２０２１年", "|"]
    for _ in range(300):
        lines = []
        for number in range(generator.randint(1, 6)):
            text = "".join(generator.choice(words) for _ in range(generator.randint(0, 6)))
            if generator.random() < 0.3:
                cells = [Cell(piece, Location(table=1, row=number + 1, cell=i + 1)) for i, piece in enumerate(text.split("|"))]
                lines.append(Line("\t".join(cell.text for cell in cells), Location(table=1, row=number + 1), cells))
            else:
                lines.append(Line(text, Location(line=number + 1, column=1)))
        flow = Flow(lines)
        assert flow.text == normalize(blank_markers(flow.raw))
        assert len(flow.text) == len(flow.raw)
