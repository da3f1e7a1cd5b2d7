"""Plain text and Markdown: decoded with encoding detection, split into lines with 1-based columns."""
from __future__ import annotations

from giklint.document import Document, Line, Location
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


def load_text(data: bytes, path: str, fmt: str = "text") -> Document:
    from giklint.limits import current, exceeded

    text, encoding = _decode(data, path)
    limits = current()
    if len(text) > limits.max_text_chars:  # before splitting it: a 200 MB text is refused, not read
        raise exceeded(path, "文本字符数", limits.max_text_chars, "max_text_chars")
    if "\x00" in text:
        raise InputError(path, "不是文本文件（含二进制内容），无法读取")
    lines = [Line(t, Location(line=i, column=1)) for i, t in enumerate(lines_of(text), start=1)]
    return Document(path=path, format=fmt, lines=lines, encoding=encoding)


def load_markdown(data: bytes, path: str) -> Document:
    return load_text(data, path, fmt="markdown")


TEXT = LoaderSpec("text", (".txt", ".text", ""), load_text, None, "纯文本")
MARKDOWN = LoaderSpec("markdown", (".md", ".markdown"), load_markdown, None, "Markdown")
