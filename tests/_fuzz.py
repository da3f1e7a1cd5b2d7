"""Fuzzing inputs for every format giklint reads: random bytes and mutations of a real example.

Shared by tests/test_fuzz.py (a small fixed budget, derandomised) and bench/fuzz.py (a long run).
Each example is one file written to a temporary folder and checked by ``giklint check`` and read by
``giklint parse`` in this process; what must hold is that neither raises and the exit code is 0, 1 or 2
(a file that cannot be read is exit code 2 with a message, never a traceback or an internal error).
"""
from __future__ import annotations

import contextlib
import io
import json
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import List, Tuple

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "examples" / "formats"
REPORTS = ROOT / "examples" / "reports"
SEEDS = {
    ".md": FORMATS / "report-2021.md",
    ".txt": REPORTS / "crlf-pdf-text-2021.txt",
    ".html": FORMATS / "report-2021.html",
    ".docx": FORMATS / "report-2021.docx",
    ".pdf": FORMATS / "report-2021.pdf",
}
SUFFIXES = tuple(SEEDS) + (".json", ".yaml")
INTERNAL = ("Traceback", "内部错误", "GK000")


@lru_cache(maxsize=None)
def seed(suffix: str) -> bytes:
    """A good file of the format: an example report, or its model as JSON/YAML."""
    if suffix in SEEDS:
        return SEEDS[suffix].read_bytes()
    import giklint
    from giklint.modelio import to_json, to_yaml

    model = giklint.parse(str(SEEDS[".md"]))
    return (to_json(model) if suffix == ".json" else to_yaml(model)).encode("utf-8")


# ------------------------------------------------------------------ mutations

Edit = Tuple[str, float, bytes]  # (kind, where as a share of the length, bytes)

EDITS = st.lists(st.tuples(st.sampled_from(["flip", "insert", "delete", "repeat", "truncate"]),
                           st.floats(0, 1), st.binary(min_size=1, max_size=64)), min_size=1, max_size=6)
TOKENS = [b"\n", b"\r", b"\x00", b"\x1b[2J", b"<", b">", b"&#", b"(", b"\xef\xbc\x88", b"|", b"\t", b"-->",
          b"<!-- giklint-disable", b"9" * 400, b"2021\xe5\xb9\xb4", b"&a ", b"*a", b"[", b"{", b"NaN", b" " * 200]


def mutate(data: bytes, edits: List[Edit]) -> bytes:
    """``data`` with the edits applied in turn (a flipped byte, an insertion, a deletion, a repeated
    stretch, a cut), each at its share of the current length."""
    out = bytearray(data)
    for kind, share, piece in edits:
        at = int(share * len(out))
        if kind == "flip" and out:
            at = min(at, len(out) - 1)
            out[at] ^= piece[0] or 1
        elif kind == "insert":
            out[at:at] = piece if piece[0] % 2 else TOKENS[piece[0] % len(TOKENS)]
        elif kind == "delete":
            del out[at: at + len(piece)]
        elif kind == "repeat":
            out[at:at] = bytes(out[at: at + len(piece)]) * (1 + piece[0] % 50)
        elif kind == "truncate":
            del out[at:]
    return bytes(out)


def mutate_docx_body(data: bytes, edits: List[Edit]) -> bytes:
    """A Word file whose document.xml is mutated (the zip stays valid, so the XML reader is reached)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for item in source.infolist():
            body = source.read(item)
            package.writestr(item, mutate(body, edits) if item.filename == "word/document.xml" else body)
    return buffer.getvalue()


@st.composite
def hostile_file(draw, suffix: str) -> bytes:
    """Random bytes, a mutated example, or (Word) a mutated document.xml in a valid package."""
    how = draw(st.sampled_from(["random", "mutated", "mutated"] + (["body"] if suffix == ".docx" else [])))
    if how == "random":
        return draw(st.binary(max_size=4096))
    edits = draw(EDITS)
    return mutate_docx_body(seed(suffix), edits) if how == "body" else mutate(seed(suffix), edits)


# ------------------------------------------------------------------ running giklint

def run(command: str, suffix: str, data: bytes) -> Tuple[int, str]:
    """(exit code, what was printed) of ``giklint <command>`` on ``data`` saved as ``r<suffix>``."""
    from giklint.cli import main
    from giklint.resolve import clear_caches

    clear_caches()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"r{suffix}"
        path.write_bytes(data)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            args = [command, str(path)] if command == "parse" else [command, "--format", "json", str(path)]
            code = main(args)
    return code, printed.getvalue()


def check_survives(suffix: str, data: bytes) -> None:
    """The property: both commands end with 0, 1 or 2, without an internal error; JSON output parses."""
    for command in ("check", "parse"):
        code, printed = run(command, suffix, data)
        assert code in (0, 1, 2), (command, code, printed[-1500:])
        assert not any(word in printed for word in INTERNAL), (command, printed[-1500:])
        if command == "check" and code in (0, 1):
            json.loads(printed[: printed.rindex("]") + 1])
