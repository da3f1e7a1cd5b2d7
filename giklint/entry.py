"""The ``giklint`` command as installed (the console script and ``python -m giklint`` call :func:`run`).

It holds the garbage collector back before giklint's modules are imported (:mod:`giklint.gc_policy`),
which is why it is its own small module: the console script imports it before calling it, and
``giklint.cli`` is imported only here.

:func:`run` also leaves without tearing the interpreter down. A normal exit frees every module,
function and object one by one (about 2.5% of a one-report ``giklint check``, valgrind) only for the
operating system to take the whole process back a moment later. ``run`` does what that exit does
that anyone can see: it flushes the standard streams and runs the exit handlers (``atexit``: the user
cache's writes, the worker pool's and temporary folders' clean-up), then ends the process with the
command's exit code (``os._exit``). mypy leaves the same way (``mypy.util.hard_exit``). Whenever that
could differ from a normal exit (another thread still running, a stream that cannot be flushed, an
exception, a Python without ``atexit._run_exitfuncs``) it exits normally instead.
"""
from __future__ import annotations

import os
import sys
from typing import List, NoReturn, Optional

from giklint import gc_policy


def main(argv: Optional[List[str]] = None) -> int:
    gc_policy.pause()
    from giklint import regex_cache

    regex_cache.seed_start_up_patterns()  # before the modules that compile them are imported
    from giklint.cli import main as run_command

    try:
        return run_command(argv)
    finally:
        gc_policy.finish()


def run() -> NoReturn:
    """The console script: :func:`main`, then :func:`leave` with its exit code."""
    leave(main())


def leave(code: object) -> NoReturn:
    """End the process with exit code ``code`` as ``sys.exit`` would, without the interpreter's
    tear-down when nothing but the tear-down can tell the two apart."""
    import atexit

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if not isinstance(code, int) or run_exit_handlers is None or _other_threads() or not _flushed():
        raise SystemExit(code)
    run_exit_handlers()
    if not _flushed():  # an exit handler wrote where nothing can be written any more: as Python does
        os._exit(120)
    os._exit(code)


def _other_threads() -> bool:
    """Whether a thread of threading's besides this one runs: the threads a normal exit waits for
    (threading is not imported to ask: when nothing has imported it, none exists)."""
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1


def _flushed() -> bool:
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, a closed stream: the normal exit says so
            return False
    return True
