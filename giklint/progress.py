"""A progress bar on standard error for long batch runs: ``[#####     ] 123/500 文件``.

Drawn only on a terminal (never when standard error is piped or redirected, so logs and CI output
stay clean), not with ``--quiet``, and only when the run is long: more than :data:`MIN_FILES`
files, or still going after :data:`MIN_SECONDS`. Redrawn in place with ``\\r`` and wiped when the
run ends, so what follows starts on a clean line.
"""
from __future__ import annotations

import time
import unicodedata
from typing import Any, Callable, Optional

MIN_FILES = 20
MIN_SECONDS = 1.0
BAR_WIDTH = 30


def should_draw(is_tty: bool, quiet: bool, total: int, elapsed: float) -> bool:
    """Whether a run of ``total`` files, ``elapsed`` seconds in, shows a bar."""
    return is_tty and not quiet and total > 1 and (total > MIN_FILES or elapsed >= MIN_SECONDS)


def bar_text(done: int, total: int, width: int = BAR_WIDTH) -> str:
    filled = width * done // total if total else width
    return f"[{'#' * filled}{' ' * (width - filled)}] {done}/{total} 文件"


def display_width(text: str) -> int:
    """Terminal cells: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class ProgressBar:
    """Called with (files done, files in all) as results come in; a context manager that wipes the bar."""

    def __init__(self, stream: Any, quiet: bool = False, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.quiet = quiet
        self.is_tty = is_terminal(stream)
        self.clock = clock
        self.started = clock()
        self.shown: Optional[str] = None

    def __call__(self, done: int, total: int) -> None:
        if not should_draw(self.is_tty, self.quiet, total, self.clock() - self.started):
            return
        text = bar_text(done, total)
        if text != self.shown:
            self._write("\r" + text)
            self.shown = text

    def close(self) -> None:
        if self.shown is not None:
            self._write("\r" + " " * display_width(self.shown) + "\r")
            self.shown = None

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()
