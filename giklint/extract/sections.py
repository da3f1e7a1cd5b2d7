"""The six parts: find each part's heading, tolerant of aliases, numbering styles and small typos.

(stub: the extraction work fills this in)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence

from giklint.document import Line, Location


@dataclass
class Part:
    number: int  # 1..6: which of the six parts this heading is (by its words, not its numbering)
    heading: str  # the heading line as printed (stripped)
    numbering: Optional[str]  # "一、", "6、", None when unnumbered
    location: Location
    line_index: int  # index of the heading line in the document's lines
    body_start: int  # first line index of the body
    end: int  # line index after the body (next heading, or end of document)


@dataclass
class Sections:
    parts: List[Part] = field(default_factory=list)
    preamble_end: int = 0  # lines before the first part heading


def find_sections(lines: Sequence[Line]) -> Sections:
    return Sections(parts=[], preamble_end=len(lines))
