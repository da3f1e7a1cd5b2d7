"""Helpers shared by the structured loaders (HTML, Word, PDF): wrapped text, table rows, dates, errors."""
from __future__ import annotations

import re
from typing import Iterable, List, Optional

from giklint import dates, lazy_re
from giklint.document import Cell, Line, Location
from giklint.errors import InputError

# CJK ideographs, kana, full-width forms and CJK punctuation: no space is written between them
_WIDE = lazy_re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2018-\u201f\u2026\u2014]")
_SPACES = lazy_re.compile(r"[ \t\n\r\f\v]+")


def is_wide(char: str) -> bool:
    return bool(char) and bool(_WIDE.match(char))


def join_wrapped(pieces: Iterable[str]) -> str:
    """Join pieces of one text that a layout wrapped or split (cell lines, runs, tags).

    No separator where either side is CJK (``结果`` + ``维持``), one space between Latin words.
    """
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and not (is_wide(out[-1]) or is_wide(piece[0])):
            out += " "
        out += piece
    return out


def collapse_spaces(text: str) -> str:
    """HTML-style white space: runs become one space, or nothing when a line break sits between CJK."""

    def replace(match: "re.Match[str]") -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if "\n" in match.group(0) and (is_wide(before) or is_wide(after)):
            return ""
        return " "

    return _SPACES.sub(replace, text)


def table_row(cells: List[Cell], location: Location) -> Optional[Line]:
    """One table row as a Line (cells joined by tabs); None for a row without cells.

    A row of empty cells is kept: in a blank template it is the row of values still to be filled.
    """
    if not cells:
        return None
    return Line("\t".join(cell.text for cell in cells), location, cells)


DATE = lazy_re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def iso_date(text: str) -> Optional[str]:
    """The first real date in ``text`` as YYYY-MM-DD (2022-01-20, 2022/1/20, 2022年1月20日)."""
    for match in DATE.finditer(text):
        try:
            return dates.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            continue
    return None


def require_data(data: bytes, path: str) -> None:
    if not data.strip():
        raise InputError(path, "文件为空")


def read_file(path: str, within: Optional[str] = None) -> bytes:
    """The bytes of a regular file, read safely: one place for every file a report is read from.

    ``within`` (the folder a walk found the file in): a link that leads out of it is refused, so a
    ``leak.md -> /etc/passwd`` in a checked tree is never read. A FIFO, device or socket is refused
    (opened without blocking, so a FIFO cannot hang the run; ``/dev/zero`` is never read), and a file
    over ``max_file_bytes`` is refused before it is read.
    """
    import os
    import stat

    from giklint.limits import current, exceeded

    if within is not None and not _inside(os.path.realpath(path), os.path.realpath(within)):
        raise InputError(path, "是指向检查目录以外的链接，不读取")
    limit = current().max_file_bytes
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(path, "文件不存在") from None
    except IsADirectoryError:
        raise InputError(path, "是文件夹，不是文件") from None
    except OSError as exc:
        raise InputError(path, f"无法读取：{exc.strerror or exc}") from None
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise InputError(path, "是文件夹，不是文件")
        if not stat.S_ISREG(status.st_mode):
            raise InputError(path, "不是普通文件（设备、管道或套接字），不读取")
        if status.st_size > limit:
            raise exceeded(path, "文件大小", limit, "max_file_bytes")
        try:
            data = _read_up_to(handle, limit + 1, status.st_size + 1)
        except OSError as exc:
            raise InputError(path, f"无法读取：{exc.strerror or exc}") from None
    if len(data) > limit:  # grew while being read
        raise exceeded(path, "文件大小", limit, "max_file_bytes")
    return data


def read_stream(stream, name: str) -> bytes:
    """Standard input, at most ``max_file_bytes`` of it."""
    from giklint.limits import current, exceeded

    limit = current().max_file_bytes
    data = _read_up_to(stream, limit + 1, READ_CHUNK)
    if len(data) > limit:
        raise exceeded(name, "输入大小", limit, "max_file_bytes")
    return data


READ_CHUNK = 1 << 20


def _read_up_to(handle, most: int, first: int) -> bytes:
    """At most ``most`` bytes of ``handle``, asking for ``first`` bytes first (the file's size + 1) and
    then a chunk at a time: ``read(n)`` sets aside ``n`` bytes before it reads, so asking for the
    limit (100 MB) at once would claim that much memory for every file."""
    asked = min(first, most)
    pieces = [handle.read(asked)]
    total = len(pieces[0])
    while len(pieces[-1]) == asked and total < most:  # a buffered read returns less only at the end
        asked = min(READ_CHUNK, most - total)
        pieces.append(handle.read(asked))
        total += len(pieces[-1])
    return b"".join(pieces)


def _inside(path: str, folder: str) -> bool:
    import os

    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
