"""A time limit for one piece of plugin code (one rule on one report), by the real-time interval timer.

Used around each rule's ``check()``: a rule that loops forever or waits on the network becomes an
internal-error finding instead of a run that never ends. ``SIGALRM`` interrupts pure Python code
and blocking waits (sleep, sockets); it works in the main thread of a process on Linux and macOS,
which is where the batch runner's workers and a command-line run check reports. Elsewhere (another
thread, Windows) the code runs unbounded. Limits nest: an outer limit (a per-file one) still fires
in time after an inner one ends.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator, Optional

try:  # the C module. signal.signal wraps its function to turn the old handler into an enum member,
    # 7 microseconds a call (two calls per rule per report, more than the rest of the limit together),
    # and importing signal builds three enums (1% of a one-file check)
    import _signal as signals
except ImportError:  # pragma: no cover - an interpreter without CPython's _signal
    import signal as signals

_NOT_SET = object()
REFIRE_SECONDS = 1.0  # after the limit, the alarm repeats: code that swallowed the first one is stopped again


class TimeLimitExceeded(BaseException):
    """Raised inside the limited code when its time is up (a BaseException: ``except Exception`` in a
    plugin does not swallow it)."""


def available() -> bool:
    """Whether this platform has the interval timer (the thread is asked when a limit starts)."""
    return hasattr(signals, "setitimer")


@contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the body once ``seconds`` have passed (None or 0: no limit)."""
    if not seconds or seconds <= 0 or not available():
        yield
        return

    def expired(signum, frame):
        raise TimeLimitExceeded(f"运行超过 {seconds:g} 秒")

    outer_remaining, _ = signals.getitimer(signals.ITIMER_REAL)
    started = time.monotonic()
    try:
        previous = signals.signal(signals.SIGALRM, expired)
    except ValueError:  # not the main thread (of the main interpreter), the only one signals reach
        previous = _NOT_SET
    if previous is _NOT_SET:  # the body runs unbounded there (not inside the except: no chained error)
        yield
        return
    limit = min(seconds, outer_remaining) if outer_remaining else seconds
    signals.setitimer(signals.ITIMER_REAL, limit, REFIRE_SECONDS)
    try:
        yield
    finally:
        signals.setitimer(signals.ITIMER_REAL, 0)
        signals.signal(signals.SIGALRM, previous)
        if outer_remaining:  # give the outer limit back what is left of it (at least a moment)
            left = max(outer_remaining - (time.monotonic() - started), 0.001)
            signals.setitimer(signals.ITIMER_REAL, left)
