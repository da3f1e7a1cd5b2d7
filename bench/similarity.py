#!/usr/bin/env python3
"""How to measure copied text (duplicate-text): giklint's character runs against difflib and rapidfuzz.

    .venv/bin/python bench/similarity.py [--real FOLDER]   # rapidfuzz for its columns: pip install rapidfuzz

Texts: part 五 (and part 一, and the whole text) of real reports (``--real``: a folder of third-party
sample reports outside the repository, read from there and never copied; by default the ``shared/reports``
folder beside the checkout) and of the project's examples (examples/reports, examples/cross-year). Each
method answers the same question, "which share of this year's text is copied from last year's, and
where does the copying start", on the same normalised texts (NFKC, no white space, digits as 0):

- ``runs``      giklint.similarity: characters in a run of >= 12 characters that also occurs last year
- ``difflib``   difflib.SequenceMatcher(autojunk=False) matching blocks of >= 12 characters
- ``rf-blocks`` rapidfuzz.distance.Indel.opcodes "equal" blocks of >= 12 characters
- ``difflib-ratio`` / ``rf-ratio``: the plain whole-text similarity ratio, for comparison

Cases, built from the texts (the expected share in brackets):
- copied, years changed (1.0): last year's text with every digit changed
- copied, lightly edited (~0.9): one character in 15 replaced
- copied, sentences reordered (1.0): the same sentences in reverse order
- half copied (~0.5): the first half of last year's sentences, then another agency's
- unrelated (0.0): another agency's text on the same subject

Prints a quality table (mean share per case and method; the worst case for "unrelated") and a timing
table (median ms per comparison by text length). Results are copied into bench/README.md by hand.
"""
from __future__ import annotations

import difflib
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giklint.similarity import DEFAULT_RUN, copied_from, normalise  # noqa: E402

SHARED = ROOT.parent / "shared" / "reports"
SUFFIXES = (".md", ".txt", ".html", ".docx")

Method = Callable[[str, str], Tuple[float, int]]


def runs_method(previous: str, text: str) -> Tuple[float, int]:
    found = copied_from(previous, text)
    return found.share, found.start


def difflib_blocks(previous: str, text: str) -> Tuple[float, int]:
    old, new = normalise(previous).text, normalise(text).text
    blocks = [b for b in difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
              if b.size >= DEFAULT_RUN]
    return (sum(b.size for b in blocks) / max(len(new), 1), min((b.b for b in blocks), default=-1))


def difflib_ratio(previous: str, text: str) -> Tuple[float, int]:
    old, new = normalise(previous).text, normalise(text).text
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio(), -1


def rapidfuzz_blocks(previous: str, text: str) -> Tuple[float, int]:
    from rapidfuzz.distance import Indel

    old, new = normalise(previous).text, normalise(text).text
    equal = [op for op in Indel.opcodes(old, new) if op.tag == "equal" and op.dest_end - op.dest_start >= DEFAULT_RUN]
    return (sum(op.dest_end - op.dest_start for op in equal) / max(len(new), 1),
            min((op.dest_start for op in equal), default=-1))


def rapidfuzz_ratio(previous: str, text: str) -> Tuple[float, int]:
    from rapidfuzz import fuzz

    return fuzz.ratio(normalise(previous).text, normalise(text).text) / 100, -1


def methods() -> Dict[str, Method]:
    found: Dict[str, Method] = {"runs": runs_method, "difflib": difflib_blocks, "difflib-ratio": difflib_ratio}
    try:
        import rapidfuzz  # noqa: F401
    except ImportError:
        print("(rapidfuzz not installed: its columns are left out)", file=sys.stderr)
        return found
    found.update({"rf-blocks": rapidfuzz_blocks, "rf-ratio": rapidfuzz_ratio})
    return found


# ---------------------------------------------------------------- texts

def report_files(real: Path = SHARED) -> List[Path]:
    files = []
    if real.is_dir():
        files += sorted(p for p in real.iterdir() if p.suffix in SUFFIXES)
    else:
        print(f"({real} not found: real reports left out)", file=sys.stderr)
    files += sorted((ROOT / "examples" / "reports").glob("clean-*.md"))
    files += sorted(p for p in (ROOT / "examples" / "cross-year" / "reports").rglob("*") if p.suffix in SUFFIXES)
    return files


def texts_of(path: Path) -> Optional[Dict[str, str]]:
    from giklint.api import parse

    model = parse(str(path))
    parts = {part["number"]: part.get("body") or "" for part in model.get("sections") or []}
    if not parts.get(5):
        return None
    return {"part5": parts[5], "part1": parts.get(1, ""), "whole": "\n".join(parts[n] for n in sorted(parts)),
            "agency": (model.get("meta") or {}).get("agency") or path.name}


def sentences(text: str) -> List[str]:
    return [s for s in re.split(r"(?<=[。；！？])", text) if s.strip()]


def years_changed(text: str) -> str:
    return re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), text)


def lightly_edited(text: str) -> str:
    return "".join("改" if i % 15 == 14 and not ch.isspace() else ch for i, ch in enumerate(text))


def reordered(text: str) -> str:
    return "".join(reversed(sentences(text)))


def half_copied(text: str, other: str) -> str:
    own, foreign = sentences(text), sentences(other)
    return "".join(own[: len(own) // 2] + foreign[len(foreign) // 2:])


CASES = [("copied, years changed", 1.0), ("copied, lightly edited", 0.9), ("copied, sentences reordered", 1.0),
         ("half copied", 0.5), ("unrelated", 0.0)]


def case_pairs(texts: List[Dict[str, str]]) -> Dict[str, List[Tuple[str, str]]]:
    """(last year's, this year's) pairs per case; 'another agency' is the next text of another agency."""
    pairs: Dict[str, List[Tuple[str, str]]] = {name: [] for name, _ in CASES}
    for i, report in enumerate(texts):
        text = report["part5"]
        others = texts[i + 1:] + texts[:i]
        other = next(o["part5"] for o in others if o["agency"] != report["agency"])
        pairs["copied, years changed"].append((text, years_changed(text)))
        pairs["copied, lightly edited"].append((text, lightly_edited(text)))
        pairs["copied, sentences reordered"].append((text, reordered(text)))
        pairs["half copied"].append((text, half_copied(text, other)))
        pairs["unrelated"].append((text, other))
    return pairs


def median_ms(method: Method, previous: str, text: str, repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        method(previous, text)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--real", type=Path, default=SHARED, help="a folder of real reports")
    files = report_files(parser.parse_args().real)
    texts = [t for t in (texts_of(p) for p in files) if t]
    part5s = [t["part5"] for t in texts]
    found = methods()
    print(f"{len(texts)} reports; part 五 length {min(map(len, part5s))}-{max(map(len, part5s))} characters "
          f"(median {statistics.median(map(len, part5s)):.0f})\n")
    print("quality: mean share found (worst for 'unrelated' in brackets)")
    print("| case (expected) | " + " | ".join(found) + " |")
    print("| --- |" + " ---: |" * len(found))
    for (name, expected), pairs in zip(CASES, case_pairs(texts).values()):
        cells = []
        for method in found.values():
            shares = [method(prev, cur)[0] for prev, cur in pairs]
            cell = f"{statistics.mean(shares):.2f}"
            if name == "unrelated":
                cell += f" ({max(shares):.2f})"
            cells.append(cell)
        print(f"| {name} ({expected}) | " + " | ".join(cells) + " |")
    print("\ntiming: median ms per comparison (copied, lightly edited), by text")
    lengths = [("part 五", "part5"), ("part 一", "part1"), ("whole report", "whole")]
    print("| text (median length) | " + " | ".join(found) + " |")
    print("| --- |" + " ---: |" * len(found))
    for label, key in lengths:
        chosen = [t[key] for t in texts if t[key]]
        cells = [f"{statistics.median(median_ms(m, t, lightly_edited(t)) for t in chosen):.2f}" for m in found.values()]
        print(f"| {label} ({statistics.median(map(len, chosen)):.0f}) | " + " | ".join(cells) + " |")
    long_text = "".join(t["whole"] for t in texts[:6])
    cells = [f"{median_ms(m, long_text, lightly_edited(long_text), repeat=1):.0f}" for m in found.values()]
    print(f"| six reports joined ({len(long_text)}) | " + " | ".join(cells) + " |")
    start = time.perf_counter()
    import giklint.similarity  # noqa: F401  (already imported: the cost is the module's own)
    print(f"\nimport cost: giklint.similarity is standard library only; rapidfuzz import "
          f"{_import_ms('rapidfuzz.distance'):.0f} ms in a fresh process" if "rf-blocks" in found else "")
    del start


def _import_ms(module: str) -> float:
    import subprocess

    code = f"import time; t=time.perf_counter(); import {module}; print((time.perf_counter()-t)*1000)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()
    return float(out or "nan")


if __name__ == "__main__":
    main()
