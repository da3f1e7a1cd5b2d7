"""Plain text and Markdown: decoded with encoding detection, split into lines with 1-based columns."""
from __future__ import annotations

from typing import List, Tuple

from giklint import lazy_re
from giklint.document import Document, Line, Location
from giklint.frozen import builder
from giklint.encoding import decode
from giklint.errors import InputError
from giklint.loaders import LoaderSpec


def _decode(data: bytes, path: str):
    if b"\x00" in data[:4096] and not (data[:2] in (b"\xff\xfe", b"\xfe\xff")):
        # NULs are fine in UTF-16; otherwise it is a binary file that is not a report we can read
        try:
            return decode(data)
        except UnicodeDecodeError:
            raise InputError(path, "不是文本文件（含二进制内容），无法读取") from None
    try:
        return decode(data)
    except UnicodeDecodeError:
        raise InputError(path, "无法识别文件的字符编码") from None


def lines_of(text: str) -> list:
    """Split on CRLF, CR and LF (and nothing else: form feeds and U+2028 stay inside lines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# A web page copied without its line breaks keeps the full-width indent of each paragraph:
# in a long line holding several, each indent starts a new line (same line number, its column).
_FLATTENED_LINE = 200  # characters: shorter lines are ordinary paragraphs
_MIN_INDENTS = 3
_INDENT = lazy_re.compile(r"\u3000+(?=[^\s\u3000])")
# "一、总体情况 2022年，…": a numbered heading glued to its paragraph ends at the first space,
# when no sentence mark comes before it
_HEADING_RUN_ON = lazy_re.compile(r"^[一二三四五六七八九十]{1,2}、[^\s，。；,;：:]{2,30}(?=[ \u3000]+\S)")


_place = builder(Location)  # (line, column, page, paragraph, table, row, cell): one per line of the file


def paragraphs_of_flattened(text: str, number: int) -> List[Line]:
    """A line as Lines: one per paragraph when it is a flattened page, else the line itself."""
    indents = list(_INDENT.finditer(text)) if len(text) >= _FLATTENED_LINE else []
    if len(indents) < _MIN_INDENTS:
        return [Line(text, _place(number, 1, None, None, None, None, None))]
    starts = sorted({0} | {m.end() for m in indents})
    pieces: List[Tuple[int, str]] = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        piece = text[start:end].rstrip(" \u3000")
        heading = _HEADING_RUN_ON.match(piece)
        if heading:
            rest = len(piece) - len(piece[heading.end():].lstrip(" \u3000"))
            pieces += [(start, piece[: heading.end()]), (start + rest, piece[rest:])]
        elif piece.strip():
            pieces.append((start, piece))
    return [Line(piece, _place(number, start + 1, None, None, None, None, None)) for start, piece in pieces
            if piece.strip()]


def load_text(data: bytes, path: str, fmt: str = "text") -> Document:
    from giklint.limits import current, exceeded

    text, encoding = _decode(data, path)
    limits = current()
    if len(text) > limits.max_text_chars:  # before splitting it: a 200 MB text is refused, not read
        raise exceeded(path, "文本字符数", limits.max_text_chars, "max_text_chars")
    if "\x00" in text:
        raise InputError(path, "不是文本文件（含二进制内容），无法读取")
    lines = [line for i, t in enumerate(lines_of(text), start=1) for line in paragraphs_of_flattened(t, i)]
    return Document(path=path, format=fmt, lines=lines, encoding=encoding)


def load_markdown(data: bytes, path: str) -> Document:
    return load_text(data, path, fmt="markdown")


TEXT = LoaderSpec("text", (".txt", ".text", ""), load_text, None, "纯文本")
MARKDOWN = LoaderSpec("markdown", (".md", ".markdown"), load_markdown, None, "Markdown")
