"""The ``giklint`` command as installed (the console script and ``python -m giklint`` call :func:`main`).

It holds the garbage collector back before giklint's modules are imported (:mod:`giklint.gc_policy`),
which is why it is its own small module: the console script imports it before calling it, and
``giklint.cli`` is imported only here.
"""
from __future__ import annotations

from typing import List, Optional

from giklint import gc_policy


def main(argv: Optional[List[str]] = None) -> int:
    gc_policy.pause()
    from giklint.cli import main as run_command

    try:
        return run_command(argv)
    finally:
        gc_policy.finish()
