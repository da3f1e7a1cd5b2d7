"""How much of one text is copied from another: the share of copied characters and where copying starts.

Used by the ``duplicate-text`` rule on a part of this year's report against the same part of last
year's. A character of this year's text counts as copied when it lies in a run of at least
``run`` characters (default 12, about one clause) that also occurs in last year's text. Before
comparing, both texts are normalised: NFKC (full-width digits and punctuation), white space removed
(PDF and Word exports break lines anywhere) and every digit made ``0``, because a copied report
usually changes only its years and figures ("2022年…" → "2023年…"), which must not hide the copying.

Why runs of a fixed length (character shingles, an exact-substring index) rather than an edit-distance
alignment (difflib, rapidfuzz): a copied paragraph moved elsewhere still counts, the result says
*which* characters were copied (so the finding can point at where copying starts), two unrelated reports
of the same kind share only short stock phrases ("政府信息公开工作"), which stay under the run length,
and it is linear in the texts' length with the standard library only. ``bench/similarity.py`` compares
it with difflib and rapidfuzz on real report lengths (results in ``bench/README.md``).
"""
from __future__ import annotations

import unicodedata
from typing import Dict, List, NamedTuple, Tuple

DEFAULT_RUN = 12


class Normalised(NamedTuple):
    """The normalised text and, for each of its characters, the index of that character in the original."""

    text: str
    origin: List[int]


def normalise(text: str) -> Normalised:
    chars: List[str] = []
    origin: List[int] = []
    for index, raw in enumerate(text):
        for ch in unicodedata.normalize("NFKC", raw):
            if ch.isspace():
                continue
            chars.append("0" if ch.isdigit() else ch)
            origin.append(index)
    return Normalised("".join(chars), origin)


class Copied(NamedTuple):
    """What of ``text`` was copied from ``previous``.

    ``share``: copied characters / all characters (white space not counted), 0..1. ``spans``: the copied
    stretches of ``text`` as (start, end) indices into the original ``text``, in order; ``previous_starts``:
    for each, where in the original ``previous`` its first characters were found.
    """

    share: float
    spans: List[Tuple[int, int]]
    previous_starts: List[int]

    @property
    def main(self) -> int:
        """Which span copying starts with: the first at least twice the run length (a stock phrase such
        as "2022年，我局政府信息公开工作" is shorter), else the first; -1 when nothing was copied."""
        if not self.spans:
            return -1
        return next((k for k, (start, end) in enumerate(self.spans) if end - start >= 2 * DEFAULT_RUN), 0)

    @property
    def start(self) -> int:
        """Index in ``text`` where copying starts (-1 when nothing was copied)."""
        return self.spans[self.main][0] if self.spans else -1

    @property
    def previous_start(self) -> int:
        """Index in ``previous`` of the text copied at :attr:`start` (-1 when nothing was copied)."""
        return self.previous_starts[self.main] if self.spans else -1


def copied_from(previous: str, text: str, run: int = DEFAULT_RUN) -> Copied:
    """The share of ``text`` that repeats runs of at least ``run`` characters of ``previous``."""
    old, new = normalise(previous), normalise(text)
    if len(old.text) < run or len(new.text) < run:
        return Copied(0.0, [], [])
    first_seen: Dict[str, int] = {}
    for i in range(len(old.text) - run + 1):
        first_seen.setdefault(old.text[i:i + run], i)
    source = [-1] * len(new.text)  # per character of the new text: where in the old text it was copied from
    for i in range(len(new.text) - run + 1):
        found = first_seen.get(new.text[i:i + run])
        if found is None:
            continue
        for k in range(run):
            if source[i + k] < 0:
                source[i + k] = found + k
    spans: List[Tuple[int, int]] = []
    previous_starts: List[int] = []
    k = 0
    while k < len(source):
        if source[k] < 0:
            k += 1
            continue
        end = k
        while end < len(source) and source[end] >= 0:
            end += 1
        spans.append((new.origin[k], new.origin[end - 1] + 1))
        previous_starts.append(old.origin[source[k]])
        k = end
    share = sum(1 for s in source if s >= 0) / len(new.text)
    return Copied(share, spans, previous_starts)
