"""The extractors' text helpers (giklint/extract/text.py)."""
from __future__ import annotations

import sys

from giklint.extract.text import _TABLE, normalize, squeeze


def test_normalize_changes_each_character_the_table_names_and_no_other():
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    assert normalize(every) == every.translate(_TABLE)


def test_normalize_keeps_offsets():
    printed = "２０２１年　收到申请（含“网上申请”）：１２件—"
    assert normalize(printed) == '2021年 收到申请(含"网上申请"):12件-'
    assert len(normalize(printed)) == len(printed)


def test_squeeze_removes_white_space_of_every_kind():
    assert squeeze("商业 企业\t\u3000科研\u2003机构\n") == "商业企业科研机构"
