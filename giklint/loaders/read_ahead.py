"""Reading a PDF named on the command line ahead, while the command is still starting up.

Why: a PDF is read in a forked child (:mod:`giklint.loaders._child`), and for one file the command
waits for that child after it has loaded its configuration, plugins and rules (tens of
milliseconds) and before it can extract anything. Started as soon as the command line is parsed,
the child reads the PDF on the machine's other processor meanwhile: ``giklint check report.pdf``
(pre-commit with one changed report, a reviewer checking one file) ends sooner by about the time the
reading takes. The work done is the same; it is only done earlier.

What is read ahead: one file, the only path the command names, when it is a regular file whose name
ends in ``.pdf`` and whose bytes are a PDF's, read as the check reads a named file
(:func:`giklint.loaders._common.read_file`: regular files only, within the size limit). The child is
the one the check would start (the same function, limits and ``--ocr`` mode), started early; nothing
else changes. The PDF loader (:func:`giklint.loaders.pdf.load_pdf`) takes the child's answer with
:func:`take` when it is asked for exactly that path and those bytes; anything else (the file
changed, a plugin's loader read it, the result cache already had its result) leaves the child to
:func:`abandon`, which ends it unread. Only the process that
started the child takes it (a process forked meanwhile gets None).

Not read ahead: several paths (a batch: its files are read by the worker pool), folders and globs
(found later, under their configurations' excludes), standard input, ``--force-exclude`` (a named
file may then be passed over unread), a Dask cluster (its workers read), and systems that cannot
fork.
"""
from __future__ import annotations

import os
from typing import Any, Optional, Sequence, Tuple

_started: Optional[Tuple[str, bytes, Any]] = None  # (path, its bytes, the giklint.loaders._child.Limited reading them)


def start(paths: Sequence[str]) -> None:
    """Start reading ``paths``' PDF in a limited child when the command names only that one file."""
    global _started
    if _started is not None or len(paths) != 1 or not hasattr(os, "fork"):
        return
    path = paths[0]
    if not path.lower().endswith(".pdf"):
        return
    import stat

    from giklint.errors import GiklintError
    from giklint.loaders._common import read_file

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return
        data = read_file(path)
    except (OSError, GiklintError):  # the check says what is wrong with it
        return
    if b"%PDF-" not in data[:1024]:  # (giklint.loaders.pdf.sniff_pdf)
        return
    from giklint.limits import current
    import giklint.loaders.pdf  # noqa: F401 - here, not in the child: the check imports it for its loader anyway
    from giklint.loaders._child import Limited

    limits = current()
    _started = (path, data, Limited(_read, (data, path), limits.max_pdf_memory, limits.pdf_seconds))


def _read(data: bytes, path: str) -> Any:
    """What the child does: the PDF loader's reading, with the garbage collector as a reading child
    forked later has it (the command's start-up is not over, but the child's is)."""
    from giklint import gc_policy
    from giklint.loaders.pdf import read_pdf_packed

    gc_policy.settle()
    return read_pdf_packed(data, path)


def take(path: str, data: bytes) -> Optional[Any]:
    """The child reading ``path`` ahead, when it read these very bytes (the caller then waits for its
    :meth:`~giklint.loaders._child.Limited.outcome`); else None. A child that read other bytes under
    this path (the file changed since) is ended; one reading another path is left for that path."""
    global _started
    if _started is None or _started[0] != path:
        return None
    (_, read_data, child), _started = _started, None
    if read_data == data and child.parent == os.getpid():
        return child
    child.abandon()
    return None


def abandon() -> None:
    """End a child read ahead that no one took (the command is over)."""
    global _started
    if _started is not None:
        child, _started = _started[2], None
        child.abandon()
